#include <dutycalc/rate/unit.hpp>

#include <catch2/catch.hpp>

using namespace dutycalc::rate;
using dutycalc::Decimal;

namespace {
Decimal dec(const char* text) { return Decimal::parse(text).value(); }
} // namespace

TEST_CASE("parse_unit", "[rate]") {
  // Spellings of the 2024 HTS unit fields and rate texts.
  CHECK(parse_unit("kg") == Unit::kg);
  CHECK(parse_unit("KG") == Unit::kg);
  CHECK(parse_unit("<u>kg</u>") == Unit::kg);
  CHECK(parse_unit("g") == Unit::g);
  CHECK(parse_unit("t") == Unit::t);
  CHECK(parse_unit("tonne") == Unit::t);
  CHECK(parse_unit("liters") == Unit::liter);
  CHECK(parse_unit("liter") == Unit::liter);
  CHECK(parse_unit("l") == Unit::liter);
  CHECK(parse_unit("hl") == Unit::hl);
  CHECK(parse_unit("pf.liter") == Unit::proof_liter);
  CHECK(parse_unit("pf.liters") == Unit::proof_liter);
  CHECK(parse_unit("pf. liter") == Unit::proof_liter);
  CHECK(parse_unit("proof liter") == Unit::proof_liter);
  CHECK(parse_unit("No.") == Unit::each);
  CHECK(parse_unit("No") == Unit::each);
  CHECK(parse_unit("each") == Unit::each);
  CHECK(parse_unit("pcs") == Unit::each);
  CHECK(parse_unit("pcs ") == Unit::each);
  CHECK(parse_unit("doz.") == Unit::dozen);
  CHECK(parse_unit("Dz Pcs") == Unit::dozen);
  CHECK(parse_unit("pr.") == Unit::pair);
  CHECK(parse_unit("prs.") == Unit::pair);
  CHECK(parse_unit("doz. prs.") == Unit::dozen_pair);
  CHECK(parse_unit("<il>doz. prs.</il>") == Unit::dozen_pair);
  CHECK(parse_unit("<il>doz. prs</il>.") == Unit::dozen_pair);
  CHECK(parse_unit("gross") == Unit::gross);
  CHECK(parse_unit("bbl") == Unit::barrel);
  CHECK(parse_unit("m") == Unit::m);
  CHECK(parse_unit("lin. m") == Unit::m);
  CHECK(parse_unit("m2") == Unit::m2);
  CHECK(parse_unit("m²") == Unit::m2);
  CHECK(parse_unit("m<sup>2</sup>") == Unit::m2);
  CHECK(parse_unit("m<sup style=\"font-size: 9.75px;\">3</sup>") == Unit::m3);
  CHECK(parse_unit("m3") == Unit::m3);
  CHECK(parse_unit("m³") == Unit::m3);
  CHECK(parse_unit("cm<sup>2</sup>") == Unit::cm2);
  CHECK(parse_unit("carat") == Unit::carat);
  CHECK(parse_unit("GBq") == Unit::gbq);
  CHECK(parse_unit("MWh") == Unit::mwh);
  CHECK(parse_unit("thousands") == Unit::thousand);
  CHECK(parse_unit("Jwls.") == Unit::jewel);
  CHECK(parse_unit("%vol") == Unit::percent_vol);
  // Not units, or units with something after them.
  CHECK_FALSE(parse_unit(""));
  CHECK_FALSE(parse_unit("kgs.x"));
  CHECK_FALSE(parse_unit("furlong"));
  CHECK_FALSE(parse_unit("W kg"));
  CHECK_FALSE(parse_unit("m<sup>2"));
}

TEST_CASE("name", "[rate]") {
  CHECK(name(Unit::kg) == "kg");
  CHECK(name(Unit::proof_liter) == "pf.l");
  CHECK(name(Unit::each) == "No.");
  CHECK(name(Unit::dozen_pair) == "doz. prs.");
  CHECK(name(Qualifier::drained_weight) == "on drained weight");
  CHECK(name(Qualifier::none).empty());
  // Every unit's name reads back as that unit.
  for (int u = 0; u <= static_cast<int>(Unit::jewel); ++u) {
    const auto unit = static_cast<Unit>(u);
    INFO(name(unit));
    CHECK(parse_unit(name(unit)) == unit);
  }
}

TEST_CASE("conversion_factor", "[rate]") {
  CHECK(conversion_factor(Unit::kg, Unit::t) == dec("0.001"));
  CHECK(conversion_factor(Unit::t, Unit::kg) == dec("1000"));
  CHECK(conversion_factor(Unit::g, Unit::kg) == dec("0.001"));
  CHECK(conversion_factor(Unit::g, Unit::t) == dec("0.000001"));
  CHECK(conversion_factor(Unit::hl, Unit::liter) == dec("100"));
  CHECK(conversion_factor(Unit::liter, Unit::hl) == dec("0.01"));
  CHECK(conversion_factor(Unit::dozen, Unit::each) == dec("12"));
  CHECK(conversion_factor(Unit::gross, Unit::dozen) == dec("12"));
  CHECK(conversion_factor(Unit::each, Unit::thousand) == dec("0.001"));
  CHECK(conversion_factor(Unit::dozen_pair, Unit::pair) == dec("12"));
  CHECK(conversion_factor(Unit::cm2, Unit::m2) == dec("0.0001"));
  CHECK(conversion_factor(Unit::kg, Unit::kg) == dec("1"));
  CHECK_FALSE(conversion_factor(Unit::kg, Unit::liter));
  CHECK_FALSE(conversion_factor(Unit::pair, Unit::each)); // a pair is not two pieces for duty
  CHECK_FALSE(conversion_factor(Unit::barrel, Unit::liter));
  CHECK_FALSE(conversion_factor(Unit::m, Unit::m2));
}

TEST_CASE("match_qualifier", "[rate]") {
  CHECK(match_qualifier(" on drained weight + 5%")->qualifier == Qualifier::drained_weight);
  CHECK(match_qualifier(" on drained weight + 5%")->length == 18);
  CHECK(match_qualifier(", including weight of container")->qualifier ==
        Qualifier::contents_and_container);
  CHECK(match_qualifier(" on the case and strap, band or bracelet")->qualifier ==
        Qualifier::value_of_case_and_strap);
  CHECK(match_qualifier(" on thebattery")->qualifier == Qualifier::value_of_battery);
  CHECK_FALSE(match_qualifier(" on the casein"));
  CHECK_FALSE(match_qualifier(" + 5%"));
  CHECK(is_value_part(Qualifier::value_of_case));
  CHECK_FALSE(is_value_part(Qualifier::tungsten_content));
}
