#include <dutycalc/check/checks.hpp>
#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dutycalc::schedule::Diagnostics;
using dutycalc::schedule::Schedule;

namespace {

// The whole-schedule checks' findings on rules written in TOML over a tiny 2024 edition, each
// as "line: message".
std::vector<std::string> findings(const std::string& rules) {
  Schedule schedule;
  dutycalc::schedule::Edition edition;
  edition.id = "E2024";
  edition.effective = *dutycalc::Date::parse("2024-01-01");
  dutycalc::schedule::parse_lines_table(
      "# dutycalc lines format 1\n"
      "hs_code,indent,description,units,general,special,column2,footnotes\n"
      "7208.51.00,2,Thick,,Free,\"Free (AU,KR)\",20%,\n"
      "7208.51.00.30,3,Plate,kg,,,,\n"
      "7601.10.30.00,2,Unwrought,kg,2.6%,,18.5%,\n",
      "t.csv", edition.nomenclature);
  schedule.editions.push_back(std::move(edition));
  dutycalc::schedule::parse_rules_file("format = 1\n" + rules, "r.toml", schedule);
  Diagnostics sink;
  dutycalc::check::check_overlaps(schedule, sink);
  dutycalc::check::check_duplicate_ids(schedule, sink);
  dutycalc::check::check_programmes(schedule, sink);
  std::vector<std::string> out;
  for (const auto& d : sink.all()) out.push_back(std::to_string(d.where.line) + ": " + d.message);
  return out;
}

std::string measure(const std::string& id, const std::string& products,
                    const std::string& origins, const std::string& from, const std::string& to,
                    const std::string& extra = {}, const std::string& kind = "section-232") {
  return "\n[[measure]]\nid = \"" + id + "\"\ntitle = \"t\"\nkind = \"" + kind +
         "\"\nheading = \"9903.80.01\"\nrate = \"Free\"\nproducts = [" + products +
         "]\norigins = [" + origins + "]\nfrom = " + from + (to.empty() ? "" : "\nto = " + to) +
         "\n" + extra + "source = \"s\"\n";
}

} // namespace

TEST_CASE("check_overlaps: measures") {
  const std::string steel = measure("steel", "\"7206.10-7216.50\"", "\"all\"", "2018-03-23",
                                    "2025-03-12");
  // Turkey's 50% without `replaces`: both apply. The example is a code of the edition.
  CHECK(findings(steel + measure("turkey", "\"7208\"", "\"TR\"", "2018-08-13", "2019-05-21")) ==
        std::vector<std::string>{
            "15: measure 'turkey' overlaps measure 'steel' (line 3), of the same kind "
            "'section-232': both apply to 7208.51.00 from TR on 2018-08-13, and neither replaces "
            "the other"});
  CHECK(findings(steel + measure("turkey", "\"7208\"", "\"TR\"", "2018-08-13", "2019-05-21",
                                 "replaces = [\"steel\"]\n"))
            .empty());
  // Another kind stacks; disjoint windows, origins or products do not meet.
  CHECK(findings(steel + measure("s301", "\"7208\"", "\"CN\"", "2018-07-06", "", "", "section-301"))
            .empty());
  CHECK(findings(steel + measure("later", "\"7208\"", "\"all\"", "2025-03-12", "")).empty());
  CHECK(findings(steel + measure("alu", "\"7601\"", "\"all\"", "2018-03-23", "")).empty());
  CHECK(findings(measure("a", "\"7208\"", "\"all\"", "2018-03-23", "", "except_origins = [\"TR\"]\n") +
                 measure("b", "\"7208\"", "\"TR\"", "2018-03-23", ""))
            .empty());
  // A melt-country condition: both reach goods of Germany melted in Russia.
  CHECK(findings(measure("a", "\"7208\"", "\"DE\"", "2018-03-23", "") +
                 measure("b", "\"7208\"", "\"all\"", "2023-04-10", "", "melt_countries = [\"RU\"]\n")) ==
        std::vector<std::string>{
            "14: measure 'b' overlaps measure 'a' (line 3), of the same kind 'section-232': "
            "both apply to 7208.51.00 from DE melted in RU on 2023-04-10, and neither replaces the "
            "other"});
}

TEST_CASE("check_overlaps: exemptions leave room, or not") {
  const std::string rules =
      measure("alu", "\"7601\"", "\"all\"", "2018-03-23", "2025-03-12") +
      measure("alu-ca", "\"7601.10\"", "\"CA\"", "2020-08-16", "2020-09-01");
  const auto exemption = [](const std::string& to, const std::string& products) {
    return "\n[[exemption]]\nid = \"ca\"\nmeasures = [\"alu\"]\norigins = [\"CA\"]\n" + products +
           "from = 2019-05-20\nto = " + to + "\nreason = \"r\"\nsource = \"s\"\n";
  };
  CHECK(findings(rules + exemption("2025-03-12", "")).empty());
  CHECK(findings(rules + exemption("2020-08-20", "")) ==
        std::vector<std::string>{
            "15: measure 'alu-ca' overlaps measure 'alu' (line 3), of the same kind "
            "'section-232': both apply to 7601.10.30.00 from CA on 2020-08-20, and neither "
            "replaces the other"});
  // An exemption for some products only leaves the others.
  CHECK(findings(rules + exemption("2025-03-12", "products = [\"7601.10.30\"]\n")).size() == 1);
  CHECK(findings(rules + exemption("2025-03-12", "products = [\"7601.10\"]\n")).empty());
}

TEST_CASE("check_overlaps: quotas, taxes, de minimis, fees; duplicate ids; programmes") {
  const auto quota = [](const std::string& id, const std::string& origins,
                        const std::string& from) {
    return "\n[[quota]]\nid = \"" + id + "\"\ntitle = \"t\"\nkind = \"tariff-rate\"\n"
           "products = [\"7208\"]\norigins = [" + origins + "]\nfrom = " + from +
           "\nperiod = \"year\"\nvolume = 1\nunit = \"t\"\nsource = \"s\"\n";
  };
  const std::string eu = "\n[[group]]\nid = \"EU\"\nname = \"EU\"\nsource = \"s\"\n"
                         "members = [\"DE\", { country = \"GB\", to = 2021-01-01 }]\n";
  CHECK(findings(eu + quota("eu", "\"EU\"", "2020-01-01") + quota("uk", "\"GB\"", "2021-01-01"))
            .empty());
  CHECK(findings(eu + quota("eu", "\"EU\"", "2020-01-01") + quota("uk", "\"GB\"", "2020-06-01")) ==
        std::vector<std::string>{"21: quota 'uk' overlaps quota 'eu' (line 9): a line of 7208.51.00 "
                                 "from GB on 2020-06-01 would draw on both"});

  const auto tax = [](const std::string& id, const std::string& window) {
    return "\n[[tax]]\nid = \"" + id + "\"\ntitle = \"VAT\"\ndestinations = [\"DE\"]\n"
           "rate = \"19%\"\nbase = \"customs-value\"\n" + window + "source = \"s\"\n";
  };
  CHECK(findings(tax("a", "to = 2020-07-01\n") + tax("b", "from = 2021-01-01\n")).empty());
  CHECK(findings(tax("a", "") + tax("a", "from = 2021-01-01\n")) ==
        std::vector<std::string>{
            "11: tax 'a' overlaps tax 'a' (line 3): both tax goods bound for DE on 2021-01-01",
            "11: tax 'a' is defined twice (first at line 3)"});

  const auto fee = [](const std::string& id, const std::string& title, const std::string& extra) {
    return "\n[[fee]]\nid = \"" + id + "\"\ntitle = \"" + title + "\"\nrate = \"1%\"\n" + extra +
           "source = \"s\"\n";
  };
  const std::string fy2024 = fee("mpf-fy2024", "MPF (FY2024)",
                                 "entry_value_above = \"2500\"\nfrom = 2023-10-01\nto = 2024-10-01\n");
  CHECK(findings(fy2024 + fee("mpf-fy2025", "MPF (FY2025)", "from = 2024-10-01\n")).empty());
  CHECK(findings(fy2024 + fee("hmf", "HMF", "from = 2016-03-10\n")).empty());
  // Entry values above 2,500 and at most 2,500 do not meet.
  CHECK(findings(fy2024 + fee("mpf-informal-fy2024", "MPF (informal, FY2024)",
                              "entry_value_at_most = \"2500\"\nfrom = 2023-10-01\n"))
            .empty());
  // A variant after a comma is a version too: without its entry values it meets the FY2024 fee.
  CHECK(findings(fy2024 + fee("mpf-informal-fy2024", "MPF, informal entry (FY2024)",
                              "from = 2023-10-01\n"))
            .size() == 1);
  CHECK(findings(fy2024 + fee("mpf-fy2025", "MPF (FY2025)", "from = 2024-09-01\n")) ==
        std::vector<std::string>{
            "12: fee 'mpf-fy2025' overlaps fee 'mpf-fy2024' (line 3), a version of the same fee "
            "('MPF'): both would be charged on one entry on 2024-09-01"});
  // The same id is a version too, whatever its title; vessel and air entries do not meet.
  CHECK(findings(fee("f", "A", "modes = [\"vessel\"]\nfrom = 2023-10-01\n") +
                 fee("f", "B", "modes = [\"air\"]\nfrom = 2023-10-01\n"))
            .empty());
  CHECK(findings(fee("f", "A", "modes = [\"vessel\"]\nfrom = 2023-10-01\n") +
                 fee("f", "B", "from = 2023-10-01\n"))
            .size() == 1);

  const auto minimis = [](const std::string& id, const std::string& origins) {
    return "\n[[de_minimis]]\nid = \"" + id + "\"\nthreshold = \"800\"\norigins = [" + origins +
           "]\nfrom = 2016-03-10\nsource = \"s\"\n";
  };
  CHECK(findings(minimis("a", "\"all\"") + minimis("b", "\"CN\"")) ==
        std::vector<std::string>{"10: de minimis 'b' overlaps de minimis 'a' (line 3): both set the "
                                 "threshold for goods from CN on 2016-03-10"});

  const auto notice = [](const std::string& id) {
    return "\n[[notice]]\nid = \"" + id +
           "\"\nproducts = [\"7208\"]\nfrom = 2020-01-01\nmessage = \"m\"\nsource = \"s\"\n";
  };
  CHECK(findings(notice("n") + notice("n")) ==
        std::vector<std::string>{"10: notice 'n' is defined twice (first at line 3)"});

  const auto programme = [](const std::string& id) {
    return "\n[[programme]]\nid = \"" + id + "\"\nname = \"p\"\norigins = [\"KR\"]\nsource = \"s\"\n";
  };
  CHECK(findings(programme("KR") + programme("AU")).empty());
  CHECK(findings(programme("KOR")) ==
        std::vector<std::string>{"3: programme 'KOR' is listed in no line's special column of "
                                 "any edition: a claim of it is never granted"});
}
