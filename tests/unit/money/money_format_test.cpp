#include <dutycalc/money/format.hpp>
#include <dutycalc/money/currency.hpp>

#include <catch2/catch.hpp>
#include <fmt/format.h>

using namespace dutycalc;

TEST_CASE("fmt::formatter<Money>") {
  const Money m{*Decimal::parse("25000"), Currency::usd()};
  CHECK(fmt::format("{}", m) == "25000.00");
  CHECK(fmt::format("{:'}", m) == "25,000.00");
  const Money yen{*Decimal::parse("1500"), *Currency::from_code("JPY")};
  CHECK(fmt::format("{}", yen) == "1500");
  // Never rounds silently: extra places show.
  const Money precise{*Decimal::parse("0.125"), Currency::usd()};
  CHECK(fmt::format("{}", precise) == "0.125");
}

TEST_CASE("Currency::from_code") {
  CHECK(Currency::from_code("EUR")->minor_units() == 2);
  CHECK(Currency::from_code("JPY")->minor_units() == 0);
  CHECK(Currency::from_code("KWD")->minor_units() == 3);
  CHECK_FALSE(Currency::from_code("XYZ"));
  CHECK_FALSE(Currency::from_code("usd"));
}

TEST_CASE("round_to_minor") {
  const Money m{*Decimal::parse("83.485"), Currency::usd()};
  CHECK(round_to_minor(m, RoundingMode::half_up).amount == *Decimal::parse("83.49"));
  CHECK(round_to_minor(m, RoundingMode::half_even).amount == *Decimal::parse("83.48"));
}
