#include <dutycalc/error.hpp>
#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dutycalc::Date;
using dutycalc::schedule::Diagnostics;
using dutycalc::schedule::parse_rules_file;
using dutycalc::schedule::Schedule;

namespace {

// A schedule with one edition (2024), whose lines the reference checks look codes up in.
Schedule with_edition() {
  Schedule schedule;
  dutycalc::schedule::Edition edition;
  edition.id = "E2024";
  edition.effective = *Date::parse("2024-01-01");
  edition.nomenclature.set_edition(edition.id);
  dutycalc::schedule::parse_lines_table(
      "# dutycalc lines format 1\n"
      "hs_code,indent,description,units,general,special,column2,footnotes\n"
      "7208.51.00,2,Thick,,Free,\"Free (AU,KR)\",20%,\n"
      "7601.10.30.00,2,Unwrought,kg,2.6%,,18.5%,\n"
      "9903.80.01,0,Steel,,The duty provided in the applicable subheading + 25%,,,\n",
      "t.csv", edition.nomenclature);
  schedule.editions.push_back(std::move(edition));
  return schedule;
}

const std::string k_steel = R"(
[[measure]]
id = "steel"
title = "Steel"
kind = "section-232"
heading = "9903.80.01"
rate = "The duty provided in the applicable subheading + 25%"
products = ["7208"]
origins = ["all"]
from = 2018-03-23
source = "Proclamation 9705"
)";

// Every problem of `text` as "line:column: severity: message".
std::vector<std::string> problems(const std::string& text, Schedule& schedule) {
  Diagnostics sink;
  parse_rules_file("format = 1\n" + text, "r.toml", schedule, &sink);
  sink.sort();
  std::vector<std::string> out;
  for (const auto& d : sink.all())
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                  std::string(to_string(d.severity)) + ": " + d.message);
  return out;
}

std::string first_error(const std::string& text) {
  Schedule schedule = with_edition();
  try {
    parse_rules_file("format = 1\n" + text, "r.toml", schedule);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("parse_rules_file with a sink: every entry's problem, the bad entry skipped") {
  Schedule schedule = with_edition();
  const auto found = problems(k_steel + R"(
[[measure]]
id = "alu"
title = "Aluminum"
kind = "section-232"
heading = "9903.85.01"
rate = "The duty provided in the applicable subheading + 1,0%"
products = ["7601"]
origins = ["all"]
from = 2018-03-23
to = 2019-01-01
source = "Proclamation 9704"

[[exemption]]
id = "ca"
measures = ["steel", "alu"]
origins = ["CA"]
from = 2019-05-20
reason = "Canada"
source = "Proclamations 9893 and 9894"
colour = "red"

[[notice]]
id = "n"
products = ["7208"]
from = 2018-01-01
message = "m"
)",
                              schedule);
  // The unreadable rate skips "alu": the exemption naming it is not a second problem, and is
  // loaded (with its unknown key reported, and "steel" only).
  CHECK(found == std::vector<std::string>{
                     "19:59: error: rate \"The duty provided in the applicable subheading + 1,0%\" "
                     "cannot be read: expected %, ¢ or a currency after the number",
                     "33:1: error: unknown key 'colour' in [[exemption]]",
                     "35:1: error: notice 'n' has no 'source' (every rule cites its legal text)"});
  REQUIRE(schedule.measures.size() == 1);
  REQUIRE(schedule.exemptions.size() == 1);
  CHECK(schedule.exemptions[0].measures.size() == 1);
  CHECK(schedule.notices.empty());
}

TEST_CASE("parse_rules_file with a sink: a file that is not TOML") {
  Schedule schedule = with_edition();
  Diagnostics sink;
  parse_rules_file("format = 1\n[[group]\n", "r.toml", schedule, &sink);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].where.line == 2);
  // What it defined is unknown: any reference is excused from now on.
  CHECK(sink.excuses("group", "EU"));
  parse_rules_file("format = 1\n[[quota]]\nid = \"q\"\ntitle = \"Q\"\nkind = \"tariff-rate\"\n"
                   "products = [\"7208\"]\norigins = [\"EU\"]\nfrom = 2022-01-01\n"
                   "period = \"year\"\nvolume = 1\nunit = \"t\"\nsource = \"s\"\n",
                   "q.toml", schedule, &sink);
  CHECK(sink.all().size() == 1);
  CHECK(schedule.quotas.size() == 1);
}

TEST_CASE("parse_rules_file with a sink: references and codes") {
  Schedule schedule = with_edition();
  const auto found = problems(R"(
[[group]]
id = "EU"
name = "EU"
source = "TEU"
members = ["DE", { country = "GB", to = 2021-01-01 }, { country = "DE", from = 2020-01-01 }]
)" + k_steel + R"(
[[measure]]
id = "steel-2"
title = "Steel, 50%"
kind = "section-232"
heading = "9903.80.11"
rate = "The duty provided in the applicable subheading + 50%"
products = ["7208.51.00", "7208.99.00", "7601.10.30.00", "7208.51.00"]
exclude_products = ["7208.51.00.60"]
origins = ["TR", "EU", "E-U"]
replaces = ["steel", "steal"]
from = 2018-08-13
source = "Proclamation of 2018-08-10"
)",
                              schedule);
  CHECK(found ==
        std::vector<std::string>{
            "7:55: error: 'DE' is a member of group 'EU' twice at once (also at line 7, column "
            "12); their windows overlap",
            "26:27: warning: 1 of the 3 entries in 'products' of measure 'steel-2' is a code no "
            "edition's lines table has (7208.99.00): no priced line can carry it",
            "26:58: warning: '7208.51.00' is listed twice in 'products' of measure 'steel-2' "
            "(first at line 26, column 13)",
            "28:24: error: 'E-U' in 'origins' is neither a country code nor a group defined so far"});
  // Reported once the measure loads: the heading against the edition, the replacements.
  CHECK(problems(R"(
[[measure]]
id = "steel-3"
title = "Steel, 50%"
kind = "section-232"
heading = "9903.80.11"
rate = "Free"
products = ["7208"]
origins = ["TR"]
replaces = ["steel", "steal"]
from = 2018-08-13
source = "Proclamation of 2018-08-10"
)",
                 schedule) ==
        std::vector<std::string>{
            "7:11: error: heading 9903.80.11 of measure 'steel-3' is not in E2024, which took "
            "effect on 2024-01-01 while the measure was in force",
            "11:22: error: measure 'steel-3' replaces 'steal', which is not defined"});
}

TEST_CASE("parse_rules_file with a sink: a loop of replaces, once") {
  Schedule schedule = with_edition();
  const auto measure = [](const char* id, const char* replaces) {
    return std::string("\n[[measure]]\nid = \"") + id +
           "\"\ntitle = \"t\"\nkind = \"k\"\nheading = \"9903.80.01\"\nrate = \"Free\"\n"
           "products = [\"7208\"]\norigins = [\"all\"]\nreplaces = [\"" +
           replaces + "\"]\nfrom = 2018-01-01\nto = 2019-01-01\nsource = \"s\"\n";
  };
  CHECK(problems(measure("a", "b") + measure("b", "a"), schedule) ==
        std::vector<std::string>{
            "3:1: error: measure 'a' replaces itself through a loop of 'replaces'",
            "16:1: error: measure 'b' replaces itself through a loop of 'replaces'"});
  // The next file does not report the loop of the last one again.
  CHECK(problems(k_steel, schedule).empty());
}

TEST_CASE("parse_rules_file without a sink: the first problem, at its place") {
  CHECK(first_error(k_steel + "colour = \"red\"\n") ==
        "r.toml:13:1: unknown key 'colour' in [[measure]]");
  // Columns count characters: the '¢' before the unreadable unit is one.
  CHECK(first_error("[[fee]]\nid = \"f\"\ntitle = \"F\"\nrate = \"1.5¢/kgg\"\nfrom = 2020-01-01\n"
                    "source = \"s\"\n") ==
        "r.toml:5:14: rate \"1.5¢/kgg\" cannot be read: expected a unit (kg, l, No., ...)");
  // A list's bad element is named where it is written.
  CHECK(first_error("[[fee]]\nid = \"f\"\ntitle = \"F\"\nrate = \"1%\"\n"
                    "modes = [\"vessel\", \"boat\"]\nfrom = 2020-01-01\nsource = \"s\"\n") ==
        "r.toml:6:20: unknown transport mode 'boat'");
  CHECK(first_error("[[tax]]\nid = \"vat\"\ntitle = \"VAT\"\ndestinations = [\"DE\"]\n"
                    "base = \"customs-value\"\nsource = \"s\"\n") ==
        "r.toml:2:1: missing key 'rate' in [[tax]]");
  // Without a sink, none of the checks only `dutycalc check` makes.
  CHECK(first_error(k_steel + "[[measure]]\nid = \"s2\"\ntitle = \"t\"\nkind = \"k\"\n"
                              "heading = \"9903.80.11\"\nrate = \"Free\"\n"
                              "products = [\"7208.99.00\", \"7208.99.00\"]\norigins = [\"all\"]\n"
                              "from = 2018-01-01\nsource = \"s\"\n") == "no error");
}
