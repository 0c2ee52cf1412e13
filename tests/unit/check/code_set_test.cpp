#include <dutycalc/check/code_set.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dutycalc::check::CodeSet;
using dutycalc::schedule::ProductScope;

namespace {

ProductScope scope(const std::vector<std::string>& include,
                   const std::vector<std::string>& exclude = {}) {
  ProductScope out;
  std::string why;
  for (const auto& text : include) out.include.push_back(*dutycalc::schedule::parse_code_range(text, why));
  for (const auto& text : exclude) out.exclude.push_back(*dutycalc::schedule::parse_code_range(text, why));
  out.index();
  return out;
}

std::string first(const CodeSet& set) {
  const auto code = set.first();
  return code ? code->formatted() : "none";
}

} // namespace

TEST_CASE("CodeSet::of and first") {
  CHECK(first(CodeSet::of(scope({"7601"}))) == "7601");
  CHECK(first(CodeSet::of(scope({"7616.99.51.60", "7601"}))) == "7601");
  CHECK(first(CodeSet::of(scope({"7206.10-7216.50"}))) == "7206.10");
  // What an exclusion leaves, written as short as it can be while lying wholly in the set (a
  // code the set holds, not necessarily one a tariff has).
  CHECK(first(CodeSet::of(scope({"7601"}, {"7601.10"}))) == "7601.00");
  CHECK(first(CodeSet::of(scope({"7601"}, {"7601.00-7601.10", "7601.20.00.10"}))) == "7601.11");
  CHECK(first(CodeSet::of(scope({"7601.20"}, {"7601.20.00.00"}))) == "7601.20.00.01");
  CHECK(CodeSet::of(scope({"7601.10"}, {"7601"})).empty());
  CHECK(first(CodeSet::all()) == "0000");
  CHECK(CodeSet().empty());
}

TEST_CASE("CodeSet::intersect, minus and add") {
  const CodeSet steel = CodeSet::of(scope({"7206.10-7216.50", "7302.10"}));
  const CodeSet plate = CodeSet::of(scope({"7208.51.00.30", "7601"}));
  CHECK(first(steel.intersect(plate)) == "7208.51.00.30");
  CHECK(first(plate.intersect(steel)) == "7208.51.00.30");
  CHECK(steel.intersect(CodeSet::of(scope({"7601"}))).empty());
  CHECK(first(steel.minus(CodeSet::of(scope({"7206-7215"})))) == "7216.00");
  CHECK(first(steel.minus(CodeSet::of(scope({"7206-7216"})))) == "7302.10");
  CHECK(steel.minus(CodeSet::all()).empty());
  CHECK(first(steel.minus(CodeSet())) == "7206.10");
  CodeSet both = CodeSet::of(scope({"7601.10"}));
  both.add(CodeSet::of(scope({"7601.20"})));
  CHECK(first(both) == "7601.10");
  CHECK(both.minus(CodeSet::of(scope({"7601.10-7601.20"}))).empty());
  CHECK(first(both.minus(CodeSet::of(scope({"7601.10"})))) == "7601.20");
}

TEST_CASE("CodeSet::contains") {
  const CodeSet set = CodeSet::of(scope({"7206.10-7216.50"}, {"7208.51.00.30"}));
  const auto code = [](const char* text) { return *dutycalc::HsCode::parse(text, 4); };
  CHECK(set.contains(code("7206.10.00.00")));
  CHECK(set.contains(code("7207")));      // all of it is in the set
  CHECK_FALSE(set.contains(code("7208"))); // 7208.51.00.30 is not
  CHECK(set.contains(code("7208.52")));
  CHECK_FALSE(set.contains(code("7208.51.00.30")));
  CHECK_FALSE(set.contains(code("7216"))); // reaches past 7216.50
  CHECK_FALSE(set.contains(code("7601")));
}
