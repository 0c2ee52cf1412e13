#include <dutycalc/diff/schedule_diff.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using dutycalc::Date;
using dutycalc::diff::diff_schedule;
using dutycalc::diff::parse_diff_dates;
using dutycalc::diff::RuleChange;

namespace {

constexpr std::string_view k_lines = R"csv(# dutycalc lines format 1
hs_code,indent,description,units,general,special,column2,footnotes
7208.51.00,0,Of a thickness exceeding 10 mm,kg,Free,,20%,
)csv";

// Rules written like schedules/us, cut down: the 2025 Section 232 changes and fee years.
constexpr std::string_view k_rules = R"toml(format = 1
[[group]]
id = "G"
name = "a group"
source = "group source"
members = ["FR", { country = "GB", to = 2025-03-12 }]

[[measure]]
id = "steel-2018"
title = "Steel 25%"
kind = "section-232"
heading = "9903.80.01"
rate = "The duty provided in the applicable subheading + 25%"
products = ["7208"]
origins = ["all"]
from = 2018-03-23
to = 2025-03-12
source = "P9705"

[[measure]]
id = "steel-2025"
title = "Steel 2025, 25%"
kind = "section-232"
heading = "9903.81.87"
rate = "The duty provided in the applicable subheading + 25%"
products = ["7208"]
origins = ["all"]
from = 2025-03-12
to = 2025-06-04
source = "P10896"

[[measure]]
id = "steel-2025-50"
title = "Steel 2025, 50%"
kind = "section-232"
heading = "9903.81.87"
rate = "The duty provided in the applicable subheading + 50%"
products = ["7208"]
origins = ["all"]
from = 2025-06-04
source = "P10947"

[[measure]]
id = "other-kind"
title = "Same heading, other kind"
kind = "safeguard"
heading = "9903.81.87"
rate = "5%"
products = ["7208"]
origins = ["all"]
from = 2025-06-04
source = "made up"

[[measure]]
id = "canada-2020"
title = "Unwrought aluminum of Canada (2020)"
kind = "section-232"
heading = "9903.85.21"
rate = "The duty provided in the applicable subheading + 10%"
products = ["7601.10"]
origins = ["CA"]
from = 2020-08-16
to = 2020-09-01
source = "P10060"

[[exemption]]
id = "australia"
measures = ["steel-2018"]
origins = ["AU"]
from = 2018-06-01
to = 2025-03-12
reason = "Australia exempt"
source = "exemption source"

[[fee]]
id = "mpf-fy2025"
title = "MPF (FY2025)"
rate = "0.3464%"
minimum = "32.71"
maximum = "634.62"
entry_value_above = "2500"
from = 2024-10-01
to = 2025-10-01
source = "FY2025"

[[fee]]
id = "hmf"
title = "Harbor maintenance fee"
rate = "0.125%"
modes = ["vessel"]
from = 2016-03-10
to = 2025-10-01
source = "HMF"

[[fee]]
id = "mpf-fy2026"
title = "MPF (FY2026)"
rate = "0.3464%"
minimum = "33.58"
maximum = "651.5"
entry_value_above = "2500"
from = 2025-10-01
to = 2026-10-01
source = "FY2026"
)toml";

dutycalc::schedule::Schedule make_schedule() {
  using namespace dutycalc::schedule;
  Schedule schedule;
  schedule.name = "test";
  Edition edition;
  edition.id = "Test 2024";
  edition.effective = Date::parse("2024-01-01").value();
  edition.nomenclature.set_edition(edition.id);
  parse_lines_table(k_lines, "lines.csv", edition.nomenclature);
  schedule.editions.push_back(std::move(edition));
  parse_rules_file(k_rules, "rules.toml", schedule);
  schedule.index_versions();
  return schedule;
}

// "date kind table id" or "... was -> id" per entry.
std::vector<std::string> show(const std::vector<RuleChange>& changes) {
  std::vector<std::string> out;
  for (const RuleChange& c : changes) {
    std::string text = c.date.to_string() + " " + std::string(to_string(c.kind)) + " " +
                       std::string(c.rule->table) + " ";
    if (c.was)
      text += c.was->id + " -> ";
    out.push_back(text + c.rule->id);
  }
  return out;
}

} // namespace

TEST_CASE("diff_schedule: the day the 2018 duty ends and the 2025 one starts") {
  const auto schedule = make_schedule();
  const auto diff = diff_schedule(schedule, parse_diff_dates("2025-03-11", "2025-03-12"));
  // Different headings: an end and a start, not a change. Measures first, then exemptions,
  // then memberships; within a table ends before starts.
  CHECK(show(diff.rules) == std::vector<std::string>{
                                "2025-03-12 ends measure steel-2018",
                                "2025-03-12 starts measure steel-2025",
                                "2025-03-12 ends exemption australia",
                                "2025-03-12 ends membership G member GB",
                            });
  CHECK(diff.version_from == "Test 2024; rules as of 2024-10-01");
  CHECK(diff.version_to == "Test 2024; rules as of 2025-03-12");
  CHECK(diff.editions.before == diff.editions.after);
  CHECK(diff.editions.lines.empty());
}

TEST_CASE("diff_schedule: same kind and heading pair as a change; fees pair by mode and band") {
  const auto schedule = make_schedule();
  const auto diff = diff_schedule(schedule, parse_diff_dates("2025-05-01", "2025-12-01"));
  CHECK(show(diff.rules) == std::vector<std::string>{
                                "2025-06-04 changes measure steel-2025 -> steel-2025-50",
                                "2025-06-04 starts measure other-kind",
                                "2025-10-01 changes fee mpf-fy2025 -> mpf-fy2026",
                                "2025-10-01 ends fee hmf",
                            });
  const RuleChange& fee = diff.rules[2];
  REQUIRE(fee.rule->fields.size() == 5);
  CHECK(fee.rule->fields[2].name == "maximum");
  CHECK(fee.rule->fields[2].text() == "651.50"); // money with the currency's minor units
  CHECK(fee.rule->fields[3].text() == "over 2500.00");
  CHECK(fee.rule->fields[4].text() == "all"); // modes: an empty list means every mode
  CHECK(fee.rule->where.file == "rules.toml");
}

TEST_CASE("diff_schedule: a rule that begins and ends in between comes and goes") {
  const auto schedule = make_schedule();
  const auto diff = diff_schedule(schedule, parse_diff_dates("2020-08-01", "2020-10-01"));
  CHECK(show(diff.rules) ==
        std::vector<std::string>{"2020-08-16 comes-and-goes measure canada-2020"});
  // When its end is a change, its start is listed as a start.
  const auto whole = diff_schedule(schedule, parse_diff_dates("2025-03-11", "2025-06-04"));
  CHECK(show(whole.rules).at(1) == "2025-03-12 starts measure steel-2025");
  CHECK(show(whole.rules).at(4) == "2025-06-04 changes measure steel-2025 -> steel-2025-50");
}

TEST_CASE("diff_schedule: equal dates list nothing") {
  const auto schedule = make_schedule();
  CHECK(diff_schedule(schedule, parse_diff_dates("2025-03-12", "2025-03-12")).rules.empty());
}

TEST_CASE("parse_diff_dates") {
  const auto dates = parse_diff_dates("2025-03-11", "2025-03-12");
  CHECK(dates.from.to_string() == "2025-03-11");
  CHECK(dates.to.to_string() == "2025-03-12");
  CHECK_THROWS_WITH(parse_diff_dates("2025-03-12", "2025-03-11"),
                    "--from 2025-03-12 is after --to 2025-03-11");
  CHECK_THROWS_WITH(parse_diff_dates("2025-02-30", "2025-03-11"),
                    "--from '2025-02-30' is not a valid YYYY-MM-DD date");
  CHECK_THROWS_WITH(parse_diff_dates("2025-03-11", "12/03/2025"),
                    "--to '12/03/2025' is not a valid YYYY-MM-DD date");
}
