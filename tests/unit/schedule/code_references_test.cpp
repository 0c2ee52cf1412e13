#include <dutycalc/schedule/code_references.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <vector>

using dutycalc::Date;
using dutycalc::DateRange;
using dutycalc::HsCode;
using dutycalc::schedule::Edition;
using dutycalc::schedule::EditionCodes;

namespace {

Edition edition(const char* id, const char* effective, const char* rows) {
  Edition e;
  e.id = id;
  e.effective = *Date::parse(effective);
  e.nomenclature.set_edition(id);
  dutycalc::schedule::parse_lines_table(
      std::string("# dutycalc lines format 1\n"
                  "hs_code,indent,description,units,general,special,column2,footnotes\n") +
          rows,
      "t.csv", e.nomenclature);
  return e;
}

HsCode code(const char* text) { return *HsCode::parse(text, 4); }
DateRange window(const char* from, const char* to = nullptr) {
  DateRange range{*Date::parse(from), std::nullopt};
  if (to) range.to = *Date::parse(to);
  return range;
}

} // namespace

TEST_CASE("EditionCodes") {
  std::vector<Edition> editions;
  editions.push_back(edition("E2023", "2023-01-01",
                             "7208.51.00,2,Thick,,Free,,20%,\n9903.80.02,0,Turkey,,Free,,,\n"));
  editions.push_back(edition("E2024", "2024-01-01",
                             "7208.51.00,2,Thick,,Free,,20%,\n7208.51.00.30,3,Plate,kg,,,,\n"
                             "9903.80.01,0,Steel,,Free,,,\n"));
  const EditionCodes codes(editions);
  CHECK(codes.known(code("7208")));       // lines below it
  CHECK(codes.known(code("7208.51")));
  CHECK(codes.known(code("7208.51.00.30")));
  CHECK(codes.known(code("9903.80.02"))); // in the older edition only
  CHECK_FALSE(codes.known(code("7208.52")));
  CHECK_FALSE(codes.known(code("7601")));

  // In force on 2023-01-01 and 2024-01-01: must be in both.
  CHECK(codes.missing_heading(code("9903.80.01"), window("2018-03-23"), false)->id == "E2023");
  CHECK(codes.missing_heading(code("9903.80.02"), window("2018-08-13"), false)->id == "E2024");
  // Ended before E2024 took effect; began after E2023 did.
  CHECK(codes.missing_heading(code("9903.80.02"), window("2018-08-13", "2024-01-01"), false) ==
        nullptr);
  CHECK(codes.missing_heading(code("9903.80.01"), window("2023-06-01"), false) == nullptr);
  CHECK(codes.missing_heading(code("9903.80.01"), window("2023-06-01", "2023-07-01"), false) ==
        nullptr);
  // An open start is in force on every edition's date before its end.
  CHECK(codes.missing_heading(code("9903.80.01"), window("2030-01-01", "2023-06-01"), true)->id ==
        "E2023");
}
