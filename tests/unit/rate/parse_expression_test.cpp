#include <dutycalc/rate/expression.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace dutycalc::rate;
using dutycalc::Currency;
using dutycalc::Decimal;

namespace {
Decimal dec(const char* text) { return Decimal::parse(text).value(); }

const Node& root(const Expression& e) { return e.nodes().at(e.root()); }

// The canonical text of a parsed expression; the problem when it did not parse.
std::string canonical(std::string_view text) {
  const Expression e = parse_expression(text);
  if (e.is_prose()) return "prose@" + std::to_string(e.problem().offset) + ": " + e.problem().message;
  return to_string(e, e.root());
}
} // namespace

TEST_CASE("parse_expression simple rates", "[rate]") {
  const Expression free = parse_expression("Free");
  REQUIRE_FALSE(free.is_prose());
  CHECK(root(free).kind == Node::Kind::free);
  CHECK(canonical("FREE") == "Free");

  const Expression av = parse_expression("2.6%");
  CHECK(root(av).kind == Node::Kind::ad_valorem);
  CHECK(root(av).percent == dec("2.6"));
  CHECK(root(av).divisor == dec("1"));

  const Expression third = parse_expression("33 1/3%");
  CHECK(root(third).percent == dec("100"));
  CHECK(root(third).divisor == dec("3"));
  CHECK(canonical("33 1/3%") == "33 1/3%");
  CHECK(canonical("0.3464%") == "0.3464%");

  const Expression cents = parse_expression("1.5¢/kg");
  CHECK(root(cents).kind == Node::Kind::specific);
  CHECK(root(cents).amount == dec("0.015"));
  CHECK(root(cents).currency == Currency::usd());
  CHECK(root(cents).unit == Unit::kg);
  CHECK(root(cents).per == dec("1"));

  const Expression eur = parse_expression("93.10 EUR / 100 kg");
  CHECK(root(eur).amount == dec("93.1"));
  CHECK(root(eur).currency == Currency::eur());
  CHECK(root(eur).per == dec("100"));
  CHECK(canonical("93.10 EUR / 100 kg") == "93.1 EUR/100 kg");
}

TEST_CASE("parse_expression specific forms of the HTS", "[rate]") {
  CHECK(canonical("0.9¢ each") == "0.9¢ each");
  CHECK(canonical("18.9¢/pf.liter") == "18.9¢/pf.l");
  CHECK(canonical("0.34¢/liter") == "0.34¢/l");
  CHECK(canonical("4.4¢/ liter") == "4.4¢/l");
  CHECK(canonical("$1.32/kg") == "$1.32/kg");
  CHECK(canonical("$2.21/t") == "$2.21/t");
  CHECK(canonical("$1.646/kg") == "$1.646/kg");
  CHECK(canonical("12 EUR/100 kg") == "12 EUR/100 kg");
  CHECK(canonical("0.10 USD/kg") == "0.1 USD/kg");
  CHECK(canonical("10.40 EUR / tonne") == "10.4 EUR/t");
  CHECK(canonical("$3.11/m<sup>3</sup>") == "$3.11/m3");
  CHECK(canonical("5¢/m<sup>2 </sup>+ 3%") == "5¢/m2 + 3%");
  CHECK(canonical("1.1¢/doz. prs.") == "1.1¢/doz. prs.");
  CHECK(canonical("$1.34/1000") == "$1.34/1000 No.");
  CHECK(canonical("10¢/1,000 pins + 3.5%") == "10¢/1000 No. + 3.5%");
  CHECK(canonical("6¢/clean kg") == "6¢/clean kg");
  CHECK(canonical("2%<il></il>") == "2%");
  CHECK(canonical("5 percent") == "5%");
}

TEST_CASE("parse_expression compound and qualified", "[rate]") {
  CHECK(canonical("2.2¢/kg + 10%") == "2.2¢/kg + 10%");
  CHECK(canonical("2.2¢/kg +10%") == "2.2¢/kg + 10%");
  CHECK(canonical("4.4¢/liter + 31.4¢/pf. liter") == "4.4¢/l + 31.4¢/pf.l");
  CHECK(canonical("0.9¢ each + 5%") == "0.9¢ each + 5%");
  CHECK(canonical("1.5¢/kg  +\n 2%") == "1.5¢/kg + 2%");
  CHECK(canonical("The duty provided in the applicable subheading plus 25%") ==
        "the duty provided in the applicable subheading + 25%");

  const Expression drained = parse_expression("8.8¢/kg on drained weight");
  CHECK(root(drained).basis == Qualifier::drained_weight);
  CHECK(root(drained).qualifier == "on drained weight");
  CHECK(canonical("$1.32/kg on tungsten content + 40%") == "$1.32/kg on tungsten content + 40%");
  CHECK(canonical("3¢/kg, including weight of container") ==
        "3¢/kg on contents and container");
  CHECK(canonical("40¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery") ==
        "40¢ each + 6% on the case + 14% on the strap, band or bracelet + 5.3% on the battery");
  CHECK(canonical("5% on drained weight") == "prose@3: a percentage cannot be on a quantity");
}

TEST_CASE("parse_expression floors, caps, max and min", "[rate]") {
  const Expression e = parse_expression("13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg");
  REQUIRE_FALSE(e.is_prose());
  CHECK(root(e).kind == Node::Kind::minimum); // (13.8% MIN 13 EUR) MAX 15 EUR
  CHECK(canonical("13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg") ==
        "min(max(13.8%, 13 EUR/100 kg), 15 EUR/100 kg)");
  CHECK(canonical("max(5%, 0.10 USD/kg)") == "max(5%, 0.1 USD/kg)");
  CHECK(canonical("MIN( 5% ,2¢/kg , 1%)") == "min(5%, 2¢/kg, 1%)");
  CHECK(canonical("9% + 2 EUR/100 kg MAX 12%") == "min(9% + 2 EUR/100 kg, 12%)");
}

TEST_CASE("parse_expression applicable subheading", "[rate]") {
  for (const char* text : {"The duty provided in the applicable subheading",
                           "the duty provided for in the applicable subheading",
                           "The duty provided inthe applicable subheading", "No change"}) {
    const Expression e = parse_expression(text);
    INFO(text);
    REQUIRE_FALSE(e.is_prose());
    CHECK(root(e).kind == Node::Kind::applicable_subheading);
    CHECK(e.uses_applicable_subheading());
  }
  const Expression plus = parse_expression("The duty provided in the applicable subheading+ 25%");
  REQUIRE_FALSE(plus.is_prose());
  CHECK(root(plus).kind == Node::Kind::sum);
  CHECK_FALSE(parse_expression("2.6%").uses_applicable_subheading());
}

TEST_CASE("parse_expression prose and problems", "[rate]") {
  const Expression empty = parse_expression("  \n");
  CHECK(empty.is_empty());
  CHECK_FALSE(empty.is_prose());

  const Expression prose = parse_expression("The rate applicable to each garment in the ensemble");
  CHECK(prose.is_prose());
  CHECK(prose.text() == "The rate applicable to each garment in the ensemble");
  CHECK(prose.problem().offset == 0);

  CHECK(canonical("Free, under bond") == "prose@4: expected '+', MIN, MAX or the end of the rate");
  CHECK(canonical("2.2¢/furlong") == "prose@6: expected a unit (kg, l, No., ...)");
  CHECK(canonical("12 XYZ/kg") == "prose@3: unknown currency code");
  CHECK(canonical("12 kg") == "prose@3: expected %, ¢ or a currency after the number");
  CHECK(canonical("5% +") == "prose@4: expected a rate after this");
  CHECK(canonical("max(5%") == "prose@6: expected ',' or ')'");
  CHECK(canonical("3 4/3%") == "prose@2: fraction must be proper, like 1/3");
  CHECK(canonical("1¢/0 kg") == "prose@4: cannot be per zero units");
  CHECK(canonical("0.0000000000001%") == "prose@0: number has more than 12 decimal places");
  // Offsets are into the text as given, leading blanks included.
  CHECK(parse_expression("  5% x").problem().offset == 5);
  CHECK(display_column("2.2¢/furlong", 6) == 6);
  CHECK(display_column("abc", 0) == 1);
}

TEST_CASE("parse_expression hostile input", "[rate]") {
  CHECK(parse_expression(std::string(200, '(')).is_prose());
  CHECK(parse_expression(std::string(5000, '5')).is_prose());
  CHECK(parse_expression("max(max(max(max(1%))))").is_prose() == false);
  CHECK(parse_expression("99999999999999999999 1/999999999%").is_prose()); // overflows
  CHECK(parse_expression("5¢/m<sup").is_prose());
  CHECK(parse_expression(std::string_view("5%\0", 3)).is_prose());
  CHECK(parse_expression("\xC2").is_prose());
  CHECK(parse_expression("5\xE2\x82").is_prose());
  std::string sum = "1%";
  for (int i = 0; i < 2000; ++i) sum += " + 1%";
  CHECK_FALSE(parse_expression(sum).is_prose());
}

TEST_CASE("parse_expression copies share one parse", "[rate]") {
  const Expression parsed = parse_expression("2.2¢/kg + 10%");
  const Expression copy = parsed; // NOLINT(performance-unnecessary-copy-initialization)
  CHECK(&copy.nodes() == &parsed.nodes());
  CHECK(&copy.text() == &parsed.text());
  CHECK(copy.text() == "2.2¢/kg + 10%");
  // An empty expression and one parsed from blanks are the same: no text, no nodes.
  const Expression none;
  const Expression blank = parse_expression("  ");
  CHECK(none.is_empty());
  CHECK(blank.is_empty());
  CHECK(&blank.text() == &none.text());
  CHECK(blank.nodes().empty());
  CHECK_FALSE(blank.is_prose());
}
