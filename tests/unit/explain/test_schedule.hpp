// A small in-memory schedule for the explain tests: real HTS 2024 lines (shortened) and rules
// written like schedules/us, without touching the disk.
#pragma once

#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/schedule.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <string_view>

namespace explain_test {

constexpr std::string_view k_lines = R"csv(# dutycalc lines format 1
hs_code,indent,description,units,general,special,column2,footnotes
7208,0,"Flat-rolled products of iron or nonalloy steel, hot-rolled:",,,,,
7208.10,1,"In coils, with patterns in relief:",,,,,
7208.10.15.00,2,Pickled,kg,Free,,0.4¢/kg + 20%,
,1,"Other, not in coils, not further worked than hot-rolled:",,,,,
7208.51.00,2,Of a thickness exceeding 10 mm,,Free,,20%,
7208.51.00.30,3,Universal mill plate,kg,,,,
,3,Other:,,,,,
7208.51.00.45,4,Of high-strength steel,kg,,,,
7208.51.00.60,4,Other,kg,,,,
7601,0,Unwrought aluminum:,,,,,
7601.10,1,"Aluminum, not alloyed:",,,,,
7601.10.30.00,2,"Of uniform cross section, in coils",kg,2.6%,"Free (A,AU,KR,S+) 1.3% (JP*) See 9822.04.01 (MA)",18.5%,
7601.10.60,2,Other,,Free,,11%,
)csv";

constexpr std::string_view k_rules = R"toml(format = 1
[[group]]
id = "column-2"
name = "countries without normal trade relations (column 2)"
source = "HTS General Note 3(b)"
members = ["CU", { country = "RU", from = 2022-04-09, unconfirmed = "start date" }]

[[programme]]
id = "KR"
name = "United States-Korea Free Trade Agreement"
origins = ["KR"]
source = "HTS General Note 3(c)(i)"
unconfirmed = "symbol meaning"

[[programme]]
id = "JP"
name = "U.S.-Japan Trade Agreement"
origins = ["JP"]
from = 2020-01-01
source = "HTS General Note 36"

[[programme]]
id = "MA"
name = "United States-Morocco Free Trade Agreement"
origins = ["MA"]
source = "HTS General Note 3(c)(i)"

[[measure]]
id = "alu"
title = "Aluminum duty"
kind = "section-232"
heading = "9903.85.01"
rate = "The duty provided in the applicable subheading + 10%"
products = ["7601"]
origins = ["all"]
from = 2018-03-23
source = "Proclamation 9704"

[[measure]]
id = "alu-ru"
title = "Aluminum duty, Russia"
kind = "section-232"
heading = "9903.85.67"
rate = "The duty provided in the applicable subheading + 200%"
products = ["7601"]
origins = ["RU"]
replaces = ["alu"]
from = 2023-03-10
source = "Proclamation 10522"
unconfirmed = "made up for a test"
)toml";

inline dutycalc::schedule::Schedule make_schedule() {
  using namespace dutycalc::schedule;
  Schedule schedule;
  schedule.name = "test";
  Edition edition;
  edition.id = "Test 2024";
  edition.effective = dutycalc::Date::parse("2024-01-01").value();
  edition.nomenclature.set_edition(edition.id);
  parse_lines_table(k_lines, "lines.csv", edition.nomenclature);
  schedule.editions.push_back(std::move(edition));
  parse_rules_file(k_rules, "rules.toml", schedule);
  schedule.column2 = schedule.find_group("column-2");
  schedule.index_versions();
  return schedule;
}

} // namespace explain_test
