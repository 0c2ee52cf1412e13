#include <dutycalc/error.hpp>
#include <dutycalc/importers/usitc_record.hpp>

#include <catch2/catch.hpp>

using dutycalc::importers::UsitcRecord;
using dutycalc::importers::UsitcRows;

namespace {

UsitcRecord record(std::string_view number, int line) {
  UsitcRecord r;
  r.line = line;
  r.number = number;
  r.number_at = {line, 3};
  r.indent = "2";
  r.indent_at = {line, 10};
  r.units_at = {line, 20};
  return r;
}

std::string error_of(UsitcRows& rows, const UsitcRecord& r) {
  try {
    rows.make(r);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("UsitcRows::make") {
  UsitcRows rows("in");
  UsitcRecord r = record("7208510030", 4);
  r.description = "Of a thickness of <il>4.75 mm</il>";
  r.units = {"No.", "kg"};
  r.general = " Free ";
  r.special = "";
  r.column2 = "1.5&#162;/kg";
  r.footnotes = "general: See 9903.80.01.";
  const auto row = rows.make(r);
  CHECK(row.hs_code == "7208.51.00.30");
  CHECK(row.indent == 2);
  CHECK(row.description == "Of a thickness of 4.75 mm");
  CHECK(row.units == "No.;kg");
  CHECK(row.general == "Free");
  CHECK(row.column2 == "1.5¢/kg");
  CHECK(row.footnotes == "general: See 9903.80.01.");
  CHECK(row.source_line == 4);

  CHECK(rows.make(record("", 5)).hs_code.empty()); // heading text: no code, any number of them
  CHECK(rows.make(record("", 6)).hs_code.empty());
}

TEST_CASE("UsitcRows::make errors") {
  UsitcRows rows("in");
  rows.make(record("7208", 2));
  CHECK(error_of(rows, record("7208", 7)) == "in:7:3: duplicate code 7208 (first at line 2)");
  CHECK(error_of(rows, record("72", 8)) == "in:8:3: HS code '72' has fewer than 4 digits");
  UsitcRecord bad = record("7209", 9);
  bad.indent = "";
  bad.units_problem = "units are not a JSON array of strings";
  CHECK(error_of(rows, bad) == "in:9:10: indent '' is not a whole number"); // fields in order
  bad.indent = "1";
  bad.number = "7210"; // a failed row leaves its code taken: the import stops there anyway
  CHECK(error_of(rows, bad) == "in:9:20: units are not a JSON array of strings");
  bad.units_problem.clear();
  bad.number = "7211";
  bad.units = {"a;b"};
  CHECK(error_of(rows, bad) == "in:9:20: unit 'a;b' holds a ';'");
}
