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

TEST_CASE("append_json_string") {
  std::string out;
  append_json_string(out, "1.5¢/kg \"x\"\\\n\t\x01");
  CHECK(out == "\"1.5¢/kg \\\"x\\\"\\\\\\n\\t\\u0001\"");
  out.clear();
  append_json_string(out, "bad \xff byte");
  CHECK(out == "\"bad \xEF\xBF\xBD byte\"");
}
