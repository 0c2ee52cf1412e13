#include <dutycalc/schedule/product_scope.hpp>

#include <catch2/catch.hpp>

using namespace dutycalc;
using namespace dutycalc::schedule;

namespace {
HsCode code(const char* text) { return *HsCode::parse(text, 4); }

ProductScope scope_of(std::initializer_list<const char*> texts, bool indexed) {
  ProductScope scope;
  for (const char* text : texts) {
    std::string why;
    scope.include.push_back(*parse_code_range(text, why));
  }
  if (indexed) scope.index();
  return scope;
}
} // namespace

TEST_CASE("parse_code_range") {
  std::string why;
  CHECK(parse_code_range("7206.10-7216.50", why)->describe() == "7206.10-7216.50");
  CHECK(parse_code_range("7601", why)->describe() == "7601");
  CHECK_FALSE(parse_code_range("7206.10-7216", why));
  CHECK(why == "both ends of a code range must have the same number of digits");
  CHECK_FALSE(parse_code_range("7216.50-7206.10", why));
  CHECK(why == "a code range must go from the lower code to the higher");
}

TEST_CASE("ProductScope::matches, scanned and indexed alike") {
  for (const bool indexed : {false, true}) {
    const ProductScope steel = scope_of({"7206.10-7216.50", "7216.99-7301.10", "7302.10",
                                         "7302.40-7302.90", "7304.10-7306.90", "7601",
                                         "7616.99.51.60", "7616.99.51.70", "8708.10.30",
                                         "7302.50-7302.60"},
                                        indexed);
    CHECK(steel.matches(code("7208.51.00.30")));
    CHECK(steel.matches(code("720851")));
    CHECK(steel.matches(code("7216.50.00.00")));
    CHECK_FALSE(steel.matches(code("7216.61.00.00")));
    CHECK(steel.matches(code("7216.99.00.10")));
    CHECK(steel.matches(code("7301.10.00.00")));
    CHECK_FALSE(steel.matches(code("7301.20.10.00")));
    CHECK(steel.matches(code("7302.55.00.00")));
    CHECK(steel.matches(code("7601.10.30.00")));
    CHECK(steel.matches(code("7616.99.51.60")));
    CHECK_FALSE(steel.matches(code("7616.99.51.90")));
    CHECK_FALSE(steel.matches(code("7616.99.51")));
    CHECK(steel.matches(code("8708.10.30.50")));
    CHECK_FALSE(steel.matches(code("8708.10.60.00")));
    CHECK_FALSE(steel.matches(code("0804.50.80.10")));
  }
}
