#include <dutycalc/schedule/lines_scanner.hpp>

#include <dutycalc/manifest/csv_reader.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

using dutycalc::manifest::CsvReader;
using dutycalc::manifest::CsvRecord;
using dutycalc::schedule::LinesScanner;

namespace {

// A record as text: "line:column=field|line:column=field" and its place.
std::string describe(const CsvRecord& record) {
  std::string out = std::to_string(record.line) + ":";
  for (std::size_t i = 0; i < record.fields.size(); ++i)
    out += " " + std::to_string(record.lines[i]) + "." + std::to_string(record.columns[i]) + "=" +
           std::string(record.fields[i]);
  return out + " end " + std::to_string(record.end_line) + "." + std::to_string(record.end_column) +
         (record.problem.empty() ? "" : " !" + record.problem);
}

std::vector<std::string> with_reader(const std::string& csv) {
  std::istringstream stream(csv);
  CsvReader reader(stream, "t.csv");
  std::vector<std::string> out;
  CsvRecord record;
  while (reader.next(record))
    out.push_back(describe(record));
  return out;
}

// What the scanner reads, then "irregular" and how many records it read before that.
std::vector<std::string> with_scanner(const std::string& csv) {
  LinesScanner scanner(csv);
  std::vector<std::string> out;
  CsvRecord record;
  while (scanner.next(record))
    out.push_back(describe(record));
  if (scanner.irregular())
    out.push_back("irregular");
  return out;
}

} // namespace

TEST_CASE("LinesScanner reads plain records as CsvReader does", "[schedule]") {
  for (const std::string& csv : {
           std::string("a,b,c\n1,,3\n"),
           std::string("a,b\n\n\n1,2"),                       // empty lines, no final line end
           std::string("\"x, y\",\"say \"\"hi\"\"\",\"\"\n"), // quoted, doubled quotes, empty
           std::string("7208.51.00,2,\"Of a thickness, exceeding 10 mm\",,Free,,20%,\n"),
           std::string(",3,Other:,,,,,\n\n"),
           std::string("\xC2\xA2 5,\"\xE2\x82\xAC\"\n"), // bytes, not characters, as columns
       }) {
    INFO(csv);
    CHECK(with_scanner(csv) == with_reader(csv));
  }
}

TEST_CASE("LinesScanner stops at the first record that is not plain", "[schedule]") {
  CHECK(with_scanner("a\r\nb\n") == std::vector<std::string>{"irregular"});
  CHECK(with_scanner("\xEF\xBB\xBF"
                     "a\n") == std::vector<std::string>{"irregular"});
  const std::vector<std::string> first_then_irregular = {"1: 1.1=a end 1.2", "irregular"};
  CHECK(with_scanner("a\n\"b\nc\"\n") == first_then_irregular); // a line break inside quotes
  CHECK(with_scanner("a\nb\"c\n") == first_then_irregular);     // a quote inside a field
  CHECK(with_scanner("a\n\"b\"c\n") == first_then_irregular);   // text after a closing quote
  CHECK(with_scanner("a\n\"b\n") == first_then_irregular);      // unterminated
  CHECK(with_scanner(std::string("a\nb\0c\n", 6)) == first_then_irregular);
  CHECK(with_scanner("a\nb\r") == first_then_irregular); // a lone CR ends a line there
}
