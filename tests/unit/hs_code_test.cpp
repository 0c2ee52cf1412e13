#include <dutycalc/hs_code.hpp>

#include <catch2/catch.hpp>

using dutycalc::HsCode;

TEST_CASE("HsCode::parse accepts every spelling manifests use") {
  for (const char* text : {"7208.51.0030", "7208.51.00.30", "7208510030", " 7208510030 "}) {
    const auto code = HsCode::parse(text);
    REQUIRE(code);
    CHECK(code->digits() == "7208510030");
    CHECK(code->formatted() == "7208.51.00.30");
    CHECK(code->length() == 10);
  }
  const auto six = HsCode::parse("720851");
  REQUIRE(six);
  CHECK(six->formatted() == "7208.51");
  CHECK(HsCode::parse("0804.50.80")->formatted() == "0804.50.80");
  CHECK(HsCode::parse("0804.50.80")->digits() == "08045080");
}

TEST_CASE("HsCode::parse rejects the rest with a reason") {
  std::string why;
  CHECK_FALSE(HsCode::parse("72085100301", 6, &why));
  CHECK(why == "HS code '72085100301' has more than 10 digits");
  CHECK_FALSE(HsCode::parse("7208", 6, &why));
  CHECK(why == "HS code '7208' has fewer than 6 digits");
  CHECK(HsCode::parse("7208", 4));
  CHECK_FALSE(HsCode::parse("72O851", 6, &why));
  CHECK(why == "HS code '72O851' has a character that is not a digit or '.'");
  CHECK_FALSE(HsCode::parse("7208..51", 6, &why));
  CHECK_FALSE(HsCode::parse(".720851", 6, &why));
  CHECK_FALSE(HsCode::parse("720851.", 6, &why));
  CHECK_FALSE(HsCode::parse("7208-51", 6, &why));
  CHECK_FALSE(HsCode::parse("", 6, &why));
  CHECK(why == "empty HS code");
  CHECK_FALSE(HsCode::parse("7208511", 6, &why));
  CHECK(why == "HS code '7208511' has an odd number of digits");
}

TEST_CASE("HsCode::prefix and starts_with") {
  const HsCode code = *HsCode::parse("7208510030");
  CHECK(code.prefix(8).digits() == "72085100");
  CHECK(code.prefix(4).digits() == "7208");
  CHECK(code.starts_with(*HsCode::parse("7208", 4)));
  CHECK_FALSE(code.starts_with(*HsCode::parse("7209", 4)));
  CHECK(code.prefix(6).key() != HsCode::parse("72085100")->key());
  // Leading zeros matter: 0804 and 804 are not the same code.
  CHECK(HsCode::parse("0804", 4)->digits() == "0804");
}
