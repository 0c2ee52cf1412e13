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

TEST_CASE("HsCode::parse reads the usual dotted ten-digit spelling as the general reading does") {
  // Each digit place of "dddd.dd.dd.dd" takes every digit, and every other byte is refused with
  // the general reading's reason.
  const std::string base = "0123.45.67.89";
  for (std::size_t at = 0; at < base.size(); ++at) {
    if (base[at] == '.') continue;
    for (int b = 0; b < 256; ++b) {
      std::string text = base;
      text[at] = static_cast<char>(b);
      std::string why;
      const auto code = HsCode::parse(text, 6, &why);
      CAPTURE(at, b);
      if (b >= '0' && b <= '9') {
        REQUIRE(code);
        std::string digits = "0123456789";
        digits[at - (at > 4) - (at > 7) - (at > 10)] = static_cast<char>(b);
        CHECK(code->digits() == digits);
        CHECK(code->length() == 10);
      } else if (b != ' ' && b != '\t') { // blanks at either end are trimmed
        CHECK_FALSE(code);
      }
    }
  }
  CHECK(HsCode::parse("9999.99.99.99")->digits() == "9999999999");
  CHECK(HsCode::parse("0000.00.00.00")->key() == HsCode::parse("0000000000")->key());
  std::string why;
  CHECK_FALSE(HsCode::parse("7208.51.00.3X", 6, &why));
  CHECK(why == "HS code '7208.51.00.3X' has a character that is not a digit or '.'");
  // Dots elsewhere in 13 bytes: the general reading.
  CHECK(HsCode::parse("72085.1.00.30")->digits() == "7208510030");
  CHECK_FALSE(HsCode::parse("7208.51..0.30", 6, &why));
}
