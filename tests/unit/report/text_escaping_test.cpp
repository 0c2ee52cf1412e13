#include <dutycalc/report/text_escaping.hpp>

#include <catch2/catch.hpp>

using namespace dutycalc::report;

TEST_CASE("append_csv_field") {
  std::string out;
  append_csv_field(out, "plain");
  CHECK(out == "plain");
  out.clear();
  append_csv_field(out, "a,b");
  CHECK(out == "\"a,b\"");
  out.clear();
  append_csv_field(out, "say \"hi\"\nbye");
  CHECK(out == "\"say \"\"hi\"\"\nbye\"");
}

TEST_CASE("append_csv_field quotes a field whatever the place of the byte that needs it") {
  // Long fields are checked 32 or 16 bytes at a time (by what the processor has), then the
  // tail: every place in each block and in the tail, for lengths around the block sizes.
  for (const char special : {',', '"', '\r', '\n'}) {
    for (std::size_t length = 1; length <= 99; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string field(length, 'x');
        field[at] = special;
        std::string expected = "\"" + field + "\"";
        if (special == '"') expected.insert(at + 1, 1, '"');
        std::string out;
        append_csv_field(out, field);
        CAPTURE(length, at, static_cast<int>(special));
        CHECK(out == expected);
        CHECK(csv_needs_quotes(field));
      }
      CHECK_FALSE(csv_needs_quotes(std::string(length, 'x')));
    }
  }
  // Bytes next to the special ones, and bytes with the high bit set, need no quotes.
  std::string out;
  append_csv_field(out, "+-./!#\x0b\x0c\x0e\x21\x23\xe2\x82\xac\xff 1.5\xc2\xa2/kg (column 2)");
  CHECK(out == "+-./!#\x0b\x0c\x0e\x21\x23\xe2\x82\xac\xff 1.5\xc2\xa2/kg (column 2)");
}

TEST_CASE("append_json_string") {
  std::string out;
  append_json_string(out, "1.5¢/kg \"x\"\\\n\t\x01");
  CHECK(out == "\"1.5¢/kg \\\"x\\\"\\\\\\n\\t\\u0001\"");
  out.clear();
  append_json_string(out, "bad \xff byte");
  CHECK(out == "\"bad \xEF\xBF\xBD byte\"");
}
