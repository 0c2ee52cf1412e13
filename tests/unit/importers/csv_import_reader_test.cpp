#include <dutycalc/error.hpp>
#include <dutycalc/importers/csv_import_reader.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using dutycalc::importers::CsvImportReader;

namespace {

constexpr const char* k_columns[] = {"b", "a"};

std::string error_of(const std::string& text) {
  std::istringstream in(text);
  try {
    CsvImportReader reader(in, "in.csv", k_columns, "a test file");
    while (reader.next()) {
    }
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("CsvImportReader") {
  std::istringstream in("a,x,b\n1,2,3\n\"4\",5,\"multi\nline\",extra\n");
  CsvImportReader reader(in, "in.csv", k_columns, "a test file");
  REQUIRE(reader.next());
  CHECK(reader.field(0) == "3");
  CHECK(reader.field(1) == "1");
  CHECK(reader.line() == 2);
  CHECK(reader.where(0).column == 5);
  REQUIRE(reader.next());
  CHECK(reader.field(0) == "multi\nline");
  CHECK(reader.field(1) == "4");
  CHECK(reader.line() == 3);
  CHECK(reader.where(0).line == 3);
  CHECK(reader.where(0).column == 7);
  CHECK_FALSE(reader.next());
}

TEST_CASE("CsvImportReader errors") {
  CHECK(error_of("") == "in.csv: empty file: expected a test file");
  CHECK(error_of("a,c\n") == "in.csv:1:1: missing column 'b' in the header: is this a test file?");
  CHECK(error_of("\"a,b\n") == "in.csv:1:1: unterminated quoted field");
  CHECK(error_of("a,b\n1\n") == "in.csv:2:2: expected at least 2 fields, found 1");
  CHECK(error_of("a,b\n1,\"2\"x\n") == "in.csv:2:6: unexpected character after closing quote");
}
