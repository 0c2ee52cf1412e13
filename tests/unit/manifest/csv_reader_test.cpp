#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <sstream>
#include <streambuf>
#include <string>
#include <vector>

using dutycalc::manifest::CsvReader;
using dutycalc::manifest::CsvRecord;
using namespace std::string_literals;

namespace {
// A record copied out of the reader, so that tests can compare whole reads.
struct Record {
  std::vector<std::string> fields;
  std::vector<int> columns;
  std::vector<int> lines;
  int line = 0;
  int end_line = 0;
  int end_column = 0;
  std::string problem; // "line:column: message"
  bool operator==(const Record&) const = default;
};

std::vector<Record> read_from(std::istream& in, std::size_t block_size = 0, char delimiter = ',') {
  CsvReader reader(in, "m.csv", delimiter);
  if (block_size > 0) reader.set_block_size(block_size);
  std::vector<Record> out;
  CsvRecord record;
  while (reader.next(record)) {
    REQUIRE(record.columns.size() == record.fields.size());
    REQUIRE(record.lines.size() == record.fields.size());
    Record r;
    r.fields.assign(record.fields.begin(), record.fields.end());
    r.columns = record.columns;
    r.lines = record.lines;
    r.line = record.line;
    r.end_line = record.end_line;
    r.end_column = record.end_column;
    if (!record.problem.empty())
      r.problem = std::to_string(record.problem_line) + ":" +
                  std::to_string(record.problem_column) + ": " + record.problem;
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<Record> read_all(const std::string& text, std::size_t block_size = 0,
                             char delimiter = ',') {
  std::istringstream in(text);
  return read_from(in, block_size, delimiter);
}

using Fields = std::vector<std::string>;

// Hands out one byte per underflow(), the worst case of a pipe delivering data in dribbles.
class OneByteAtATime : public std::streambuf {
public:
  explicit OneByteAtATime(std::string data) : m_data(std::move(data)) {}

protected:
  int_type underflow() override {
    if (m_pos >= m_data.size()) return traits_type::eof();
    m_current = m_data[m_pos++];
    setg(&m_current, &m_current, &m_current + 1);
    return traits_type::to_int_type(m_current);
  }

private:
  std::string m_data;
  std::size_t m_pos = 0;
  char m_current = 0;
};

// Inputs that put every construct next to a possible block boundary.
const std::vector<std::string> k_tricky = {
    "",
    "\xEF\xBB\xBF",
    "\xEF\xBB",
    "\xEF\xBB\xBF" "a,b\r\nc,d\r\n",
    "a,\"b\r\nc\",d\r\n\r\n\"\"\"x\"\"\"\r",
    "a\rb\r\rc\n",
    "\"unterminated,\n\"\"still\n",
    "ab\"c,\"x\"y,\"z\"\"\"q\n",
    "a\0b,\"c\0\",d"s,
    ",,,\n,\n",
    "\"\"\n\"\"\"\"\n",
    "\xff\xfe,\xc3\n",
};
} // namespace

TEST_CASE("CsvReader::next reads fields, lines and columns", "[manifest]") {
  const auto records = read_all("hs_code,origin,value\n7208510030,JP,100\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == Fields{"hs_code", "origin", "value"});
  CHECK(records[0].columns == std::vector<int>{1, 9, 16});
  CHECK(records[0].line == 1);
  CHECK(records[1].fields == Fields{"7208510030", "JP", "100"});
  CHECK(records[1].line == 2);
  CHECK(records[1].end_line == 2);
  CHECK(records[1].end_column == 18);
  CHECK(records[1].problem.empty());
}

TEST_CASE("CsvReader::next handles empty input", "[manifest]") {
  CHECK(read_all("").empty());
  CHECK(read_all("\xEF\xBB\xBF").empty());
  CHECK(read_all("\r\n\n\r").empty());
}

TEST_CASE("CsvReader::next skips a byte-order mark", "[manifest]") {
  const auto records = read_all("\xEF\xBB\xBFhs_code,origin\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"hs_code", "origin"});
  CHECK(records[0].columns == std::vector<int>{1, 9}); // the mark is not counted
  // Only at the start: later it is data.
  CHECK(read_all("a\n\xEF\xBB\xBF" "b\n")[1].fields == Fields{"\xEF\xBB\xBF" "b"});
}

TEST_CASE("CsvReader::next accepts CRLF, LF and lone CR line ends", "[manifest]") {
  const auto records = read_all("a,b\r\nc,d\ne,f\rg,h");
  REQUIRE(records.size() == 4);
  CHECK(records[0].fields == Fields{"a", "b"});
  CHECK(records[1].fields == Fields{"c", "d"});
  CHECK(records[2].fields == Fields{"e", "f"});
  CHECK(records[3].fields == Fields{"g", "h"});
  CHECK(records[3].line == 4);
  // CR CR is two line ends, hence an empty line.
  const auto cr = read_all("a\r\rb\r\n\rc");
  REQUIRE(cr.size() == 3);
  CHECK(cr[1].line == 3);
  CHECK(cr[2].line == 5);
}

TEST_CASE("CsvReader::next skips empty lines and keeps counting them", "[manifest]") {
  const auto records = read_all("\n\na\n\n\nb\n\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].line == 3);
  CHECK(records[1].line == 6);
  // A line of spaces or delimiters is a record.
  CHECK(read_all(" \n")[0].fields == Fields{" "});
  CHECK(read_all(",\n")[0].fields == Fields{"", ""});
}

TEST_CASE("CsvReader::next reads quoted fields", "[manifest]") {
  const auto records = read_all("\"a,b\",\"say \"\"hi\"\"\",\"\",x,\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"a,b", "say \"hi\"", "", "x", ""});
  CHECK(records[0].columns == std::vector<int>{1, 7, 20, 23, 25});
  CHECK(records[0].end_column == 25);
  CHECK(records[0].problem.empty());
}

TEST_CASE("CsvReader::next counts lines inside quoted fields", "[manifest]") {
  const auto records = read_all("a,\"x\ny\r\nz\",c\nd,e\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == Fields{"a", "x\ny\r\nz", "c"}); // line ends kept as written
  CHECK(records[0].line == 1);
  CHECK(records[0].lines == std::vector<int>{1, 1, 3});
  CHECK(records[0].columns == std::vector<int>{1, 3, 4});
  CHECK(records[0].end_line == 3);
  CHECK(records[0].end_column == 5);
  CHECK(records[1].fields == Fields{"d", "e"});
  CHECK(records[1].line == 4);
}

TEST_CASE("CsvReader::next reports an unterminated quoted field", "[manifest]") {
  const auto records = read_all("h\na,\"bc\nd,e\n");
  REQUIRE(records.size() == 2);
  CHECK(records[1].fields == Fields{"a", "bc\nd,e\n"}); // runs to the end of the input
  CHECK(records[1].problem == "2:3: unterminated quoted field");
}

TEST_CASE("CsvReader::next reports a quote inside an unquoted field", "[manifest]") {
  const auto records = read_all("ab\"c,d\ne,f\n");
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == Fields{"ab\"c", "d"}); // kept as written
  CHECK(records[0].problem == "1:3: quote inside an unquoted field");
  CHECK(records[1].fields == Fields{"e", "f"});
  CHECK(records[1].problem.empty());
}

TEST_CASE("CsvReader::next reports text after a closing quote", "[manifest]") {
  const auto records = read_all("x,\"a\"\"b\"c \"d,e\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"x", "a\"bc \"d", "e"});
  CHECK(records[0].problem == "1:9: unexpected character after closing quote");
  CHECK(read_all("\"a\" \n")[0].problem == "1:4: unexpected character after closing quote");
}

TEST_CASE("CsvReader::next reports NUL bytes", "[manifest]") {
  const auto records = read_all("a\0b,c\n\"d\0\"\n"s);
  REQUIRE(records.size() == 2);
  CHECK(records[0].fields == Fields{"a\0b"s, "c"});
  CHECK(records[0].problem == "1:2: NUL byte in field");
  CHECK(records[1].problem == "2:3: NUL byte in field");
}

TEST_CASE("CsvReader::next keeps only the first problem of a record", "[manifest]") {
  CHECK(read_all("a\"b,\"c\"d\n")[0].problem == "1:2: quote inside an unquoted field");
}

TEST_CASE("CsvReader::next passes invalid UTF-8 through as bytes", "[manifest]") {
  const auto records = read_all("\xff\xfe,\xc3,\xe2\x82\n");
  REQUIRE(records.size() == 1);
  CHECK(records[0].fields == Fields{"\xff\xfe", "\xc3", "\xe2\x82"});
  CHECK(records[0].columns == std::vector<int>{1, 4, 6});
  CHECK(records[0].problem.empty());
}

TEST_CASE("CsvReader::next uses the given delimiter", "[manifest]") {
  CHECK(read_all("a;\"b;c\";d,e\n", 0, ';')[0].fields == Fields{"a", "b;c", "d,e"});
  CHECK(read_all("a\tb,c\n", 0, '\t')[0].fields == Fields{"a", "b,c"});
  std::istringstream in("a");
  for (char bad : {'"', '\n', '\r', '\0'}) {
    try {
      CsvReader reader(in, "m.csv", bad);
      FAIL("no error for a bad delimiter");
    } catch (const dutycalc::Error& e) {
      CHECK(std::string(e.what()) == "the delimiter cannot be a quote, a line end or NUL");
    }
  }
}

TEST_CASE("CsvReader::next reads a field of a megabyte", "[manifest]") {
  const std::string big(1 << 20, 'x');
  std::string quoted;
  for (int i = 0; i < (1 << 19); ++i) quoted += "a\"\"";
  const auto records = read_all("h\n" + big + ",\"" + quoted + "\"\nz\n");
  REQUIRE(records.size() == 3);
  CHECK(records[1].fields[0] == big);
  REQUIRE(records[1].fields[1].size() == std::size_t{1} << 20);
  CHECK(records[1].fields[1].substr(0, 4) == "a\"a\"");
  CHECK(records[1].columns[1] == (1 << 20) + 2);
  CHECK(records[2].fields == Fields{"z"});
  CHECK(records[2].line == 3);
}

TEST_CASE("CsvReader::next reads ten thousand columns", "[manifest]") {
  std::string line;
  for (int i = 0; i < 10000; ++i) line += (i ? "," : "") + std::to_string(i);
  const auto records = read_all(line + "\n" + line + "\n");
  REQUIRE(records.size() == 2);
  REQUIRE(records[1].fields.size() == 10000);
  CHECK(records[1].fields[9999] == "9999");
  CHECK(records[1].columns[10] == 21);
}

TEST_CASE("CsvReader::next gives the same records whatever the reads deliver", "[manifest]") {
  for (const std::string& text : k_tricky) {
    INFO("input: " << text);
    const auto whole = read_all(text);
    OneByteAtATime dribble(text);
    std::istream in(&dribble);
    CHECK(read_from(in) == whole);
    for (std::size_t block : {1, 2, 3, 5}) CHECK(read_all(text, block) == whole);
  }
}

TEST_CASE("CsvReader::next survives random bytes", "[manifest]") {
  // A small deterministic fuzz: bytes drawn from the ones the scanner treats specially.
  const char alphabet[] = {'a', ',', '"', '\r', '\n', '\0', '\xEF', '\xBB', '\xBF', ' '};
  std::uint32_t state = 12345;
  for (int round = 0; round < 300; ++round) {
    std::string text;
    state = state * 1664525u + 1013904223u;
    const std::size_t length = state % 64;
    for (std::size_t i = 0; i < length; ++i) {
      state = state * 1664525u + 1013904223u;
      text.push_back(alphabet[(state >> 16) % sizeof alphabet]);
    }
    const auto whole = read_all(text);
    for (const auto& record : whole) {
      CHECK(record.line >= 1);
      for (int column : record.columns) CHECK(column >= 1);
    }
    CHECK(read_all(text, 1) == whole);
    CHECK(read_all(text, 4) == whole);
  }
}

TEST_CASE("CsvReader::next gives a plain record's text whole, and only a plain record's",
          "[manifest]") {
  const auto plain_texts = [](const std::string& text, char delimiter = ',') {
    std::istringstream in(text);
    CsvReader reader(in, "m.csv", delimiter);
    reader.set_block_size(3); // records cross read blocks
    CsvRecord record;
    std::vector<std::string> out;
    while (reader.next(record)) out.emplace_back(record.plain_text);
    return out;
  };
  CHECK(plain_texts("a,b,c\r\n,,\nx\n") == std::vector<std::string>{"a,b,c", ",,", "x"});
  // Quoted fields, problems and other delimiters: the fields differ from the text as written.
  CHECK(plain_texts("\"a\",b\na\"b,c\nok,1\n") == std::vector<std::string>{"", "", "ok,1"});
  CHECK(plain_texts("a;b\n", ';') == std::vector<std::string>{""});
}

TEST_CASE("encode_record and OwnedRecord::decode give back every record as read", "[manifest]") {
  // Everything a record holds, so that a decoded record can be compared with the one read.
  struct Whole {
    std::vector<std::string> fields;
    std::vector<int> columns, lines;
    std::string plain_text, problem;
    int line, end_line, end_column, problem_line, problem_column;
    bool operator==(const Whole&) const = default;
  };
  const auto whole = [](const CsvRecord& r) {
    return Whole{{r.fields.begin(), r.fields.end()}, r.columns, r.lines, std::string(r.plain_text),
                 r.problem, r.line, r.end_line, r.end_column, r.problem_line, r.problem_column};
  };
  // Plain records (after a byte-order mark, with CRLF, empty fields, a lone field of spaces) and
  // the others: quoted fields across lines, doubled quotes, problems, a NUL, another delimiter.
  // A long plain line too, with a field ending at every offset of the 16 bytes split at once.
  std::string long_line;
  for (std::size_t length = 0; length <= 40; ++length)
    long_line += std::string(length, static_cast<char>('a' + length % 26)) + ",";
  const std::string text = "\xEF\xBB\xBF" "a,b,c\r\n,,\n\n   \n\"x\ny\",\"q\"\"q\",z\n"
                           "a\"b,c\n\"open\"junk,1\n" + std::string(1, '\0') + ",2\n" + long_line +
                           "\n\"never closed,3\n";
  for (const char delimiter : {',', ';'}) {
    std::istringstream in(text);
    CsvReader reader(in, "m.csv", delimiter);
    CsvRecord record;
    dutycalc::manifest::OwnedRecord decoded;
    std::string bytes;
    int records = 0;
    while (reader.next(record)) {
      ++records;
      bytes.clear();
      encode_record(record, bytes);
      decoded.decode(bytes);
      CHECK(whole(decoded.record()) == whole(record));
      if (delimiter == ',' && records == 1) CHECK(decoded.record().plain_text == "a,b,c");
      // A plain record's text and number of fields, without splitting it; none for the others.
      std::size_t fields = 0;
      CHECK(dutycalc::manifest::plain_record_text(bytes, fields) == record.plain_text);
      if (!record.plain_text.empty()) CHECK(fields == record.fields.size());
      // Bytes that are not such a record are refused.
      CHECK_THROWS_AS(decoded.decode(std::string_view(bytes).substr(0, 3)), dutycalc::Error);
      CHECK_THROWS_AS(decoded.decode("x" + bytes.substr(1)), dutycalc::Error);
      CHECK_THROWS_AS(dutycalc::manifest::plain_record_text("x" + bytes.substr(1), fields),
                      dutycalc::Error);
    }
    CHECK(records == 9);
  }
}

TEST_CASE("CsvReader::next finds a field's end wherever it falls in a long line", "[manifest]") {
  // Unquoted fields are scanned many bytes at a time: ends at every offset, up to the last byte.
  for (const char delimiter : {',', ';', '\t', '|'}) {
    std::string text;
    std::vector<std::string> expected;
    for (std::size_t length = 0; length <= 40; ++length) {
      expected.push_back(std::string(length, static_cast<char>('a' + length % 26)));
      if (length > 0) text.push_back(delimiter);
      text += expected.back();
    }
    text += "\r\nx";
    std::istringstream in(text);
    CsvReader reader(in, "m.csv", delimiter);
    CsvRecord record;
    REQUIRE(reader.next(record));
    CHECK(std::vector<std::string>(record.fields.begin(), record.fields.end()) == expected);
    CHECK(record.problem.empty());
    REQUIRE(reader.next(record));
    CHECK(record.fields.size() == 1);
    CHECK(record.fields[0] == "x");
    CHECK(record.line == 2);
  }
  // A NUL or a quote inside an unquoted field far from its start is still found.
  const std::string with_nul = std::string(20, 'a') + std::string(1, '\0') + "b,c\n";
  std::istringstream in(with_nul);
  CsvReader reader(in, "m.csv");
  CsvRecord record;
  REQUIRE(reader.next(record));
  CHECK(record.problem == "NUL byte in field");
  CHECK(record.problem_column == 21);
  CHECK(record.fields.size() == 2);
}
