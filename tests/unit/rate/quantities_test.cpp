#include <dutycalc/rate/quantities.hpp>

#include <catch2/catch.hpp>

using namespace dutycalc::rate;
using dutycalc::Decimal;

namespace {
Decimal dec(const char* text) { return Decimal::parse(text).value(); }
} // namespace

TEST_CASE("Quantities::in", "[rate]") {
  Quantities q;
  CHECK(q.empty());
  CHECK(q.add({dec("80000"), Unit::kg}));
  CHECK(q.add({dec("3"), Unit::dozen}));
  CHECK(q.in(Unit::kg) == dec("80000"));
  CHECK(q.in(Unit::t) == dec("80"));
  CHECK(q.in(Unit::g) == dec("80000000"));
  CHECK(q.in(Unit::each) == dec("36"));
  CHECK_FALSE(q.in(Unit::liter));
  CHECK_FALSE(q.in(Unit::pair));
  // Qualified quantities are separate: plain kg never stands in for "kg on tungsten content".
  CHECK_FALSE(q.in(Unit::kg, Qualifier::tungsten_content));
  CHECK(q.add({dec("1.5"), Unit::t, Qualifier::tungsten_content}));
  CHECK(q.in(Unit::kg, Qualifier::tungsten_content) == dec("1500"));
  CHECK(q.in(Unit::kg) == dec("80000"));
}

TEST_CASE("Quantities::in proof liters", "[rate]") {
  Quantities q;
  CHECK(q.add({dec("2"), Unit::hl}));
  CHECK_FALSE(q.in(Unit::proof_liter)); // no strength
  CHECK(q.add({dec("40"), Unit::percent_vol}));
  CHECK(q.in(Unit::proof_liter) == dec("160")); // 200 l at 40 %vol = 160 pf.l
  Quantities direct;
  CHECK(direct.add({dec("12"), Unit::proof_liter}));
  CHECK(direct.in(Unit::proof_liter) == dec("12"));
}

TEST_CASE("Quantities::add capacity", "[rate]") {
  Quantities q;
  for (std::size_t i = 0; i < Quantities::k_capacity; ++i) CHECK(q.add({dec("1"), Unit::kg}));
  CHECK_FALSE(q.add({dec("1"), Unit::kg}));
  CHECK(q.size() == Quantities::k_capacity);
}

TEST_CASE("parse_quantity", "[rate]") {
  std::string error;
  auto q = parse_quantity("50kg", error);
  REQUIRE(q);
  CHECK(q->amount == dec("50"));
  CHECK(q->unit == Unit::kg);
  q = parse_quantity("12.5 l", error);
  REQUIRE(q);
  CHECK(q->amount == dec("12.5"));
  CHECK(q->unit == Unit::liter);
  q = parse_quantity("3 doz. prs.", error);
  REQUIRE(q);
  CHECK(q->unit == Unit::dozen_pair);
  q = parse_quantity("40%vol", error);
  REQUIRE(q);
  CHECK(q->unit == Unit::percent_vol);
  q = parse_quantity("3 kg on tungsten content", error);
  REQUIRE(q);
  CHECK(q->qualifier == Qualifier::tungsten_content);

  CHECK_FALSE(parse_quantity("1,000kg", error));
  CHECK(error == "quantity '1,000kg' must be a plain decimal and a unit, like 50kg or 12.5 l");
  CHECK_FALSE(parse_quantity("50", error));
  CHECK(error == "quantity '50' has no unit, like 50kg");
  CHECK_FALSE(parse_quantity("50 furlongs", error));
  CHECK(error == "quantity '50 furlongs' has an unknown unit 'furlongs'");
  CHECK_FALSE(parse_quantity("-5kg", error));
  CHECK(error == "quantity '-5kg' is negative");
  CHECK_FALSE(parse_quantity("5 kg net", error));
  CHECK(error == "quantity '5 kg net' has unreadable text after the unit: 'net'");
  CHECK_FALSE(parse_quantity("1e5kg", error));
  CHECK_FALSE(parse_quantity("", error));
}
