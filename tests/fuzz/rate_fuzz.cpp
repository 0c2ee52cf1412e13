// libFuzzer entry point for the duty expression grammar: the input is parsed as a rate expression
// and as a special column; what parses is rendered and evaluated on a fixed line (value, several
// quantities and an applicable subheading rate). Besides "no crash", it checks the promises of
// the headers: parsing never throws, prose keeps its text and a problem offset inside it,
// evaluation either succeeds or says why.
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/rate/quantities.hpp>
#include <dutycalc/rate/special_column.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

namespace {
using namespace dutycalc;

// The line every parsed expression is evaluated on: enough quantities that most specific rates
// find theirs, so evaluation goes deep rather than stopping at "needs a quantity".
const rate::Quantities& quantities() {
  static const rate::Quantities k_quantities = [] {
    rate::Quantities q;
    for (const char* text : {"1234.5 kg", "12 No.", "750.25 l", "40 %vol", "3 m2", "2 doz."}) {
      std::string error;
      if (const auto quantity = rate::parse_quantity(text, error)) q.add(*quantity);
    }
    return q;
  }();
  return k_quantities;
}

void evaluate_checked(const rate::Expression& expression, bool explain) {
  static const rate::Expression k_applicable = rate::parse_expression("2.5% + 1.1¢/kg");
  rate::EvaluationContext context;
  context.value = *Decimal::parse("98765.43");
  context.currency = *Currency::from_code("USD");
  context.quantities = &quantities();
  context.applicable_subheading = &k_applicable;
  context.explain = explain;
  const rate::Evaluation result = rate::evaluate(expression, context);
  if (!result.ok && result.error.empty()) std::abort();
  if (result.ok) (void)round(result.amount, 2, RoundingMode::half_up).to_string(2);
}

void check_expression(const rate::Expression& expression, std::string_view written) {
  if (expression.is_prose()) {
    if (expression.problem().message.empty()) std::abort();
    if (expression.problem().offset > written.size()) std::abort();
    (void)rate::display_column(written, expression.problem().offset);
    return;
  }
  if (expression.is_empty()) return;
  if (expression.root() >= expression.nodes().size()) std::abort();
  for (std::uint32_t i = 0; i < expression.nodes().size(); ++i)
    (void)rate::to_string(expression, i);
  evaluate_checked(expression, false);
  evaluate_checked(expression, true);
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  check_expression(rate::parse_expression(text), text);

  const auto rates = rate::parse_special_column(text);
  for (const rate::SpecialRate& special : rates) {
    if (special.offset > text.size()) std::abort();
    check_expression(special.rate, text); // offsets are within the column's text
    for (const std::string& programme : special.programmes) {
      const auto match = rate::find_programme(rates, programme);
      if (!match.rate) std::abort(); // a listed programme is always found
    }
  }
  (void)rate::find_programme(rates, "A");
  (void)rate::find_programme(rates, "KR");
  return 0;
}
