#include <dutycalc/rate/expression.hpp>

#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

using namespace dutycalc::rate;
using dutycalc::Currency;
using dutycalc::Decimal;
using dutycalc::RoundingMode;

namespace {
Decimal dec(const char* text) { return Decimal::parse(text).value(); }

struct Case {
  Quantities quantities;
  EvaluationContext context;
  Case(const char* value, std::initializer_list<Quantity> qs, Currency currency = Currency::usd()) {
    for (const auto& q : qs) quantities.add(q);
    context.value = dec(value);
    context.currency = currency;
    context.quantities = &quantities;
  }
  Evaluation run(const char* text, bool explain = false) {
    context.explain = explain;
    return evaluate(parse_expression(text), context);
  }
  // The amount rounded half-up to cents, as text; the error when evaluation failed.
  std::string cents(const char* text) {
    const Evaluation e = run(text);
    if (!e.ok) return "error: " + e.error;
    return round(e.amount, 2, RoundingMode::half_up).to_string(2);
  }
};
} // namespace

TEST_CASE("evaluate exact amounts", "[rate]") {
  CHECK(Case("0", {{dec("5566"), Unit::kg}}).cents("1.5¢/kg") == "83.49");
  CHECK(Case("100000.00", {}).cents("2.6%") == "2600.00");
  CHECK(Case("100000.00", {}).cents("Free") == "0.00");
  CHECK(Case("1000.00", {{dec("50"), Unit::kg}}).cents("2.2¢/kg + 10%") == "101.10");
  CHECK(Case("300.00", {}).cents("33 1/3%") == "100.00");
  CHECK(Case("0", {{dec("80000"), Unit::kg}}).cents("$2.21/t") == "176.80");
  CHECK(Case("0", {{dec("80"), Unit::t}}).cents("1.5¢/kg") == "1200.00");
  CHECK(Case("0", {{dec("10"), Unit::dozen}}).cents("0.9¢ each") == "1.08");
  CHECK(Case("0", {{dec("2"), Unit::hl}, {dec("40"), Unit::percent_vol}})
            .cents("4.4¢/liter + 31.4¢/pf. liter") == "59.04"); // 200 l * 4.4¢ + 160 pf.l * 31.4¢
  CHECK(Case("0", {{dec("5000"), Unit::each}}).cents("$1.34/1000") == "6.70");
  // Unrounded: the caller rounds once.
  const Evaluation third = Case("100.00", {}).run("33 1/3%");
  REQUIRE(third.ok);
  CHECK(third.amount == dec("33.333333333333"));
}

TEST_CASE("evaluate floors and caps", "[rate]") {
  Case eu("1200.00", {{dec("10000"), Unit::kg}}, Currency::eur());
  CHECK(eu.cents("13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg") == "1300.00");
  Case rich("20000.00", {{dec("10000"), Unit::kg}}, Currency::eur());
  CHECK(rich.cents("13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg") == "1500.00");
  Case middle("10000.00", {{dec("10000"), Unit::kg}}, Currency::eur());
  CHECK(middle.cents("13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg") == "1380.00");
  Case usd("1000.00", {{dec("200"), Unit::kg}});
  CHECK(usd.cents("max(5%, 0.10 USD/kg)") == "50.00");
  CHECK(usd.cents("max(1%, 0.10 USD/kg)") == "20.00");
  CHECK(usd.cents("min(5%, 0.10 USD/kg)") == "20.00");
}

TEST_CASE("evaluate applicable subheading", "[rate]") {
  Case c("1000.00", {});
  const Expression chapter99 = parse_expression("The duty provided in the applicable subheading + 25%");
  const Expression free = parse_expression("Free");
  const Expression base = parse_expression("2.6%");
  c.context.applicable_subheading = &free;
  Evaluation e = evaluate(chapter99, c.context);
  REQUIRE(e.ok);
  CHECK(e.amount == dec("250"));
  c.context.applicable_subheading = &base;
  e = evaluate(chapter99, c.context);
  REQUIRE(e.ok);
  CHECK(e.amount == dec("276"));

  c.context.applicable_subheading = nullptr;
  e = evaluate(chapter99, c.context);
  CHECK_FALSE(e.ok);
  CHECK(e.error == "needs the rate of the applicable subheading, which is not known here");
  c.context.applicable_subheading = &chapter99;
  CHECK(evaluate(chapter99, c.context).error ==
        "the applicable subheading's rate refers to an applicable subheading itself");
  const Expression prose = parse_expression("The rate applicable to the natural juice in heading 2009");
  c.context.applicable_subheading = &prose;
  CHECK(evaluate(chapter99, c.context).error ==
        "the applicable subheading's rate is legal text the grammar cannot read: \"The rate "
        "applicable to the natural juice in heading 2009\"");
}

TEST_CASE("evaluate errors", "[rate]") {
  Case none("1000.00", {});
  CHECK(none.cents("1.5¢/kg") == "error: needs a quantity in kg (g and t convert)");
  CHECK(none.cents("0.9¢ each + 5%") ==
        "error: needs a quantity in No. (doz., gross and thousand convert)");
  CHECK(none.cents("$1/bbl") == "error: needs a quantity in bbl");
  CHECK(none.cents("18.9¢/pf.liter") == "error: needs a quantity in pf.l (l or hl with %vol convert)");
  Case liters("1000.00", {{dec("10"), Unit::liter}});
  CHECK(liters.cents("1.5¢/kg") == "error: needs a quantity in kg (g and t convert)");
  Case kg("1000.00", {{dec("10"), Unit::kg}});
  CHECK(kg.cents("$1.32/kg on tungsten content + 40%") ==
        "error: needs a quantity in kg on tungsten content (g and t convert)");
  CHECK(kg.cents("5¢ each + 6% on the case") ==
        "error: needs a quantity in No. (doz., gross and thousand convert)");
  Case pieces("1000.00", {{dec("10"), Unit::each}});
  CHECK(pieces.cents("5¢ each + 6% on the case") ==
        "error: needs the value on the case (a part's own value cannot be declared yet)");
  CHECK(kg.cents("The rate applicable to each garment in the ensemble if separately entered") ==
        "error: rate is legal text the grammar cannot read: \"The rate applicable to each garment "
        "in the ensemble if separately entered\"");
  CHECK(kg.cents("12 EUR/100 kg") == "error: rate is in EUR but the value is in USD");
  CHECK(kg.cents("") == "error: no rate is stated");
  Case no_quantities("1000.00", {});
  no_quantities.context.quantities = nullptr;
  CHECK(no_quantities.cents("1.5¢/kg") == "error: needs a quantity in kg (g and t convert)");
  CHECK(no_quantities.cents("5%") == "50.00");
  // Too large for exact arithmetic: an error, never a wrong number.
  Case huge("100000000000000", {{dec("100000000000000000"), Unit::kg}});
  CHECK(huge.cents("999999999999¢/kg") == "error: amount too large for exact arithmetic");
}

TEST_CASE("evaluate explain", "[rate]") {
  Case c("1000.00", {{dec("50"), Unit::kg}});
  CHECK(c.run("2.2¢/kg + 10%", true).worked == "2.2¢/kg × 50 kg = 1.10\n10% × 1000.00 = 100.00");
  CHECK(c.run("2.2¢/kg + 10%", false).worked.empty());
  CHECK(c.run("Free", true).worked == "Free = 0.00");
  CHECK(c.run("33 1/3%", true).worked == "33 1/3% × 1000.00 = 333.333333333333");
  CHECK(c.run("$2.21/t", true).worked == "$2.21/t × 0.05 t = 0.1105");
  CHECK(c.run("max(5%, 1¢/kg + 1%)", true).worked ==
        "5% × 1000.00 = 50.00\n1¢/kg × 50 kg = 0.50\n1% × 1000.00 = 10.00\n"
        "1¢/kg + 1% = 10.50\nmax(50.00, 10.50) = 50.00");
  const Expression base = parse_expression("1¢/kg + 2%");
  c.context.applicable_subheading = &base;
  CHECK(c.run("The duty provided in the applicable subheading + 25%", true).worked ==
        "applicable subheading: 1¢/kg × 50 kg = 0.50\n"
        "applicable subheading: 2% × 1000.00 = 20.00\n"
        "applicable subheading (1¢/kg + 2%) = 20.50\n"
        "25% × 1000.00 = 250.00");
}
