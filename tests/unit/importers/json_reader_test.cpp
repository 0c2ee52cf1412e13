#include <dutycalc/error.hpp>
#include <dutycalc/importers/json_reader.hpp>

#include <catch2/catch.hpp>

#include <stdexcept>
#include <string>

using dutycalc::importers::JsonReader;
using dutycalc::importers::JsonType;

namespace {

// The whole input as a compact event string: every value read in the order the reader gives it,
// so that a test shows what the reader saw ("[s:a,n:1,{k:b=t}]").
std::string walk(JsonReader& json) {
  std::string out;
  switch (json.peek()) {
  case JsonType::object: {
    json.begin_object();
    out += "{";
    std::string key;
    bool first = true;
    while (json.next_key(key)) {
      out += (first ? "k:" : ",k:") + key + "=" + walk(json);
      first = false;
    }
    return out + "}";
  }
  case JsonType::array: {
    json.begin_array();
    out += "[";
    bool first = true;
    while (json.next_element()) {
      out += (first ? "" : ",") + walk(json);
      first = false;
    }
    return out + "]";
  }
  case JsonType::string: {
    std::string text;
    json.read_string(text);
    return "s:" + text;
  }
  case JsonType::number: return "n:" + std::string(json.read_number());
  case JsonType::boolean: return json.read_bool() ? "t" : "f";
  case JsonType::null: json.read_null(); return "null";
  }
  return "?";
}

std::string parse(const std::string& text) {
  JsonReader json(text, "t.json");
  std::string out = walk(json);
  json.finish();
  return out;
}

std::string error_of(const std::string& text) {
  try {
    parse(text);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

std::string skipped_then(const std::string& text) {
  JsonReader json(text, "t.json");
  json.begin_array();
  REQUIRE(json.next_element());
  json.skip_value();
  std::string rest;
  while (json.next_element()) rest += walk(json);
  json.finish();
  return rest;
}

} // namespace

TEST_CASE("JsonReader") {
  CHECK(parse(R"([ "a", -12.5e+3, 0, {"k": true, "l": [false, null, {}], "m": []} ])") ==
        "[s:a,n:-12.5e+3,n:0,{k:k=t,k:l=[f,null,{}],k:m=[]}]");
  CHECK(parse(" \r\n\t\"top\" \n") == "s:top");
  CHECK(parse("\xEF\xBB\xBF[1]") == "[n:1]");
  CHECK(parse(R"(["\"\\\/\b\f\n\r\t"])") == "[s:\"\\/\b\f\n\r\t]");
  CHECK(parse(R"(["\u00e9\u20AC \uD83D\uDE00 \u0041"])") == "[s:é€ 😀 A]");
  CHECK(parse("[\"\\u0000\"]") == std::string("[s:\0]", 5));
  CHECK(parse("[\"é€😀\x7F\"]") == "[s:é€😀\x7F]");
  CHECK(parse("[0.5, -0, 1E9, 2e-3]") == "[n:0.5,n:-0,n:1E9,n:2e-3]");

  JsonReader json(R"({"a": 1})", "t.json");
  json.begin_object();
  std::string key;
  REQUIRE(json.next_key(key));
  CHECK(json.key_where().line == 1);
  CHECK(json.key_where().column == 2);
  CHECK(json.where().column == 7);
}

TEST_CASE("JsonReader: skip_value") {
  CHECK(skipped_then(R"([{"a": [1, {"b": [[], "x"]}], "c": null}, "after"])") == "s:after");
  CHECK(skipped_then(R"([[[[]]], 2])") == "n:2");
  CHECK(skipped_then(R"(["s", true])") == "t");
  // Skipped values are checked all the same.
  JsonReader json(R"([{"a": [1, 01]}])", "t.json");
  json.begin_array();
  REQUIRE(json.next_element());
  try {
    json.skip_value();
    FAIL("no error");
  } catch (const dutycalc::Error& e) {
    CHECK(std::string(e.what()) == "t.json:1:13: a number cannot have a leading zero");
  }
}

TEST_CASE("JsonReader errors") {
  CHECK(error_of("") == "t.json:1:1: expected a value, found the end of the input");
  CHECK(error_of("[1,]") == "t.json:1:4: expected a value, found ']'");
  CHECK(error_of("[1 2]") == "t.json:1:4: expected ',' or ']' after an array element, found '2'");
  CHECK(error_of("[") == "t.json:1:2: expected a value, found the end of the input");
  CHECK(error_of("[1") ==
        "t.json:1:3: expected ',' or ']' after an array element, found the end of the input");
  CHECK(error_of(R"({"a" 1})") == "t.json:1:6: expected ':' after the key, found '1'");
  CHECK(error_of(R"({"a":1,})") == "t.json:1:8: expected a key (a string) after ',', found '}'");
  CHECK(error_of(R"({"a":1 "b":2})") ==
        "t.json:1:8: expected ',' or '}' after an object member, found '\"'");
  CHECK(error_of("{1:2}") == "t.json:1:2: expected a key (a string) or '}', found '1'");
  CHECK(error_of("[01]") == "t.json:1:3: a number cannot have a leading zero");
  CHECK(error_of("[-]") == "t.json:1:3: expected a digit after '-', found ']'");
  CHECK(error_of("[1.]") == "t.json:1:4: expected a digit after '.', found ']'");
  CHECK(error_of("[1e+]") == "t.json:1:5: expected a digit in the exponent, found ']'");
  CHECK(error_of("[+1]") == "t.json:1:2: expected a value, found '+'");
  CHECK(error_of("[.5]") == "t.json:1:2: expected a value, found '.'");
  CHECK(error_of("[tru]") == "t.json:1:5: expected 'true', found ']'");
  CHECK(error_of("[nul") == "t.json:1:5: expected 'null', found the end of the input");
  CHECK(error_of("[True]") == "t.json:1:2: expected a value, found 'T'");
  CHECK(error_of("[\x01]") == "t.json:1:2: expected a value, found byte 0x01");
  CHECK(error_of("[1] x") == "t.json:1:5: expected the end of the input, found 'x'");
  CHECK(error_of("[1] [2]") == "t.json:1:5: expected the end of the input, found '['");
  CHECK(error_of("// comment\n[1]") == "t.json:1:1: expected a value, found '/'");
  CHECK(error_of("\xEF\xBB\xBF[x]") == "t.json:1:2: expected a value, found 'x'");
  // Lines end at LF, CRLF and a lone CR.
  CHECK(error_of("[\n 1,\r\n 2\r  x]") ==
        "t.json:4:3: expected ',' or ']' after an array element, found 'x'");
}

TEST_CASE("JsonReader errors in strings") {
  CHECK(error_of("[\"abc") == "t.json:1:6: the input ends inside a string");
  CHECK(error_of("[\"abc\\") == "t.json:1:7: the input ends inside a string");
  CHECK(error_of("[\"a\nb\"]") == "t.json:1:4: a string cannot hold the control character U+000A "
                                   "as it is: write it as an escape");
  CHECK(error_of("[\"a\tb\"]") == "t.json:1:4: a string cannot hold the control character U+0009 "
                                   "as it is: write it as an escape");
  CHECK(error_of(R"(["\q"])") == "t.json:1:4: bad escape: '\\' followed by 'q'");
  CHECK(error_of(R"(["\x41"])") == "t.json:1:4: bad escape: '\\' followed by 'x'");
  CHECK(error_of(R"(["\u12G4"])") == "t.json:1:7: expected four hex digits after \\u, found 'G'");
  CHECK(error_of(R"(["\u12"])") == "t.json:1:7: expected four hex digits after \\u, found '\"'");
  CHECK(error_of(R"(["\uD83D"])") == "t.json:1:9: lone surrogate \\uD83D: expected a low "
                                      "surrogate (\\uDC00 to \\uDFFF) after it, found '\"'");
  CHECK(error_of(R"(["\uD83D\u0041"])") == "t.json:1:9: lone surrogate \\uD83D: expected a low "
                                            "surrogate (\\uDC00 to \\uDFFF) after it, found "
                                            "\\u0041");
  CHECK(error_of(R"(["\uD83D\uD83D"])") == "t.json:1:9: lone surrogate \\uD83D: expected a low "
                                            "surrogate (\\uDC00 to \\uDFFF) after it, found "
                                            "\\uD83D");
  CHECK(error_of(R"(["x\uDE00"])") == "t.json:1:4: lone surrogate \\uDE00: a low surrogate must "
                                       "follow a high one (\\uD800 to \\uDBFF)");
  // UTF-8 (RFC 3629): a bad sequence is reported at its first byte.
  CHECK(error_of("[\"a\xFF\"]") == "t.json:1:4: invalid UTF-8 in a string");
  CHECK(error_of("[\"\xC0\xAF\"]") == "t.json:1:3: invalid UTF-8 in a string");     // overlong
  CHECK(error_of("[\"\xE0\x80\xAF\"]") == "t.json:1:3: invalid UTF-8 in a string"); // overlong
  CHECK(error_of("[\"\xED\xA0\x80\"]") == "t.json:1:3: invalid UTF-8 in a string"); // surrogate
  CHECK(error_of("[\"\xF4\x90\x80\x80\"]") == "t.json:1:3: invalid UTF-8 in a string"); // > 10FFFF
  CHECK(error_of("[\"\xE2\x82\"]") == "t.json:1:3: invalid UTF-8 in a string");   // cut short
  CHECK(error_of("[\"\xE2\x82") == "t.json:1:3: invalid UTF-8 in a string");      // at the end
  CHECK(error_of("[\"\x80\"]") == "t.json:1:3: invalid UTF-8 in a string");       // continuation
  CHECK(error_of("[\"\xEF\xBB\xBF\"]") == "no error"); // a BOM inside a string is just text
}

TEST_CASE("JsonReader: depth limit") {
  const auto nested = [](std::size_t depth) {
    return std::string(depth, '[') + std::string(depth, ']');
  };
  CHECK(error_of(nested(JsonReader::k_max_depth)) == "no error");
  CHECK(error_of(nested(JsonReader::k_max_depth + 1)) ==
        "t.json:1:65: nesting deeper than 64 levels");
  CHECK(error_of(std::string(100000, '[')) == "t.json:1:65: nesting deeper than 64 levels");
  // skip_value honours the same limit.
  const std::string deep = "[" + nested(JsonReader::k_max_depth);
  JsonReader json(deep, "t.json");
  json.begin_array();
  REQUIRE(json.next_element());
  CHECK_THROWS_WITH(json.skip_value(), "t.json:1:65: nesting deeper than 64 levels");
}

TEST_CASE("JsonReader: type expected") {
  JsonReader json(R"(["s", 1])", "t.json");
  json.begin_array();
  REQUIRE(json.next_element());
  CHECK_THROWS_WITH(json.read_number(), "t.json:1:2: expected a number, found a string");
  CHECK_THROWS_WITH(json.begin_object(), "t.json:1:2: expected an object, found a string");
  std::string text;
  json.read_string(text);
  // Out of protocol: a second value without next_element().
  CHECK_THROWS_AS(json.read_string(text), std::logic_error);
  CHECK_THROWS_AS(json.finish(), std::logic_error);
  std::string key;
  CHECK_THROWS_AS(json.next_key(key), std::logic_error);
}
