#include "test_schedule.hpp"

#include <dutycalc/explain/description_path.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dutycalc::HsCode;
using dutycalc::explain::description_path;
using dutycalc::explain::path_step;

namespace {

std::vector<std::string> path_of(const char* code) {
  const auto schedule = explain_test::make_schedule();
  const auto& nomenclature = schedule.editions.front().nomenclature;
  const auto* line = nomenclature.find(HsCode::parse(code, 4).value());
  REQUIRE(line != nullptr);
  std::vector<std::string> steps;
  for (const auto* step : description_path(nomenclature, *line)) steps.push_back(path_step(*step));
  return steps;
}

} // namespace

TEST_CASE("description_path") {
  // Text-only rows ("Other, not in coils...") are ancestors; siblings (7208.10) are skipped.
  CHECK(path_of("7208.51.00.30") ==
        std::vector<std::string>{"Flat-rolled products of iron or nonalloy steel, hot-rolled",
                                 "Other, not in coils, not further worked than hot-rolled",
                                 "Of a thickness exceeding 10 mm", "Universal mill plate"});
  // A deeper line under an "Other:" row that follows a sibling.
  CHECK(path_of("7208.51.00.45") ==
        std::vector<std::string>{"Flat-rolled products of iron or nonalloy steel, hot-rolled",
                                 "Other, not in coils, not further worked than hot-rolled",
                                 "Of a thickness exceeding 10 mm", "Other",
                                 "Of high-strength steel"});
  // The walk stops at the heading: nothing of chapter 72 leaks into 7601.
  CHECK(path_of("7601.10.30.00") ==
        std::vector<std::string>{"Unwrought aluminum", "Aluminum, not alloyed",
                                 "Of uniform cross section, in coils"});
  CHECK(path_of("7601") == std::vector<std::string>{"Unwrought aluminum"});
}

TEST_CASE("description_path of a line from elsewhere") {
  const auto schedule = explain_test::make_schedule();
  dutycalc::schedule::TariffLine stray;
  stray.indent = 3;
  stray.description = "Stray";
  const auto path = description_path(schedule.editions.front().nomenclature, stray);
  REQUIRE(path.size() == 1);
  CHECK(path.front() == &stray);
}

TEST_CASE("path_step") {
  dutycalc::schedule::TariffLine line;
  line.description = "Other:";
  CHECK(path_step(line) == "Other");
  line.description = "Of a thickness exceeding 10 mm";
  CHECK(path_step(line) == "Of a thickness exceeding 10 mm");
}
