// dutycalc eval: evaluate one duty expression on a value and quantities, showing the working.
// Output: one line per step of the computation, then "duty: <amount> <currency>", the amount
// rounded half-up to the currency's minor units (the one rounding, done here, at the end).
#include "commands.hpp"

#include <dutycalc/error.hpp>
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/rate/quantities.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace dutycalc::cmd {

namespace {

struct EvalOptions {
  std::string expression;
  std::string value;
  std::vector<std::string> quantities;
  std::string currency = "USD";
  std::string applicable;
};

rate::Expression read_expression(const std::string& text, std::string_view what) {
  rate::Expression expression = rate::parse_expression(text);
  if (expression.is_empty()) throw Error(fmt::format("{} is empty", what));
  if (expression.is_prose()) {
    const auto& problem = expression.problem();
    throw Error(fmt::format("cannot read {} \"{}\" at column {}: {}", what, text,
                            rate::display_column(text, problem.offset), problem.message));
  }
  return expression;
}

ExitCode run_eval(const EvalOptions& options) {
  const rate::Expression expression = read_expression(options.expression, "rate");
  std::optional<rate::Expression> applicable;
  if (!options.applicable.empty())
    applicable = read_expression(options.applicable, "--applicable rate");

  Decimal value;
  if (Decimal::parse(options.value, value) != Decimal::ParseStatus::ok || value.sign() < 0)
    throw Error(fmt::format("--value '{}' must be a plain non-negative decimal, like 1234.56",
                            options.value));
  std::string code = options.currency;
  for (char& c : code) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  const auto currency = Currency::from_code(code);
  if (!currency)
    throw Error(fmt::format("--currency '{}' is not a known ISO 4217 currency code", options.currency));

  rate::Quantities quantities;
  for (const std::string& text : options.quantities) {
    std::string problem;
    const auto quantity = rate::parse_quantity(text, problem);
    if (!quantity) throw Error("--quantity: " + problem);
    if (!quantities.add(*quantity))
      throw Error(fmt::format("at most {} quantities can be given", rate::Quantities::k_capacity));
  }

  rate::EvaluationContext context;
  context.value = value;
  context.currency = *currency;
  context.quantities = &quantities;
  context.applicable_subheading = applicable ? &*applicable : nullptr;
  context.explain = true;
  const rate::Evaluation result = rate::evaluate(expression, context);
  if (!result.ok)
    throw Error(fmt::format("cannot evaluate \"{}\": {}", options.expression, result.error));

  const Decimal duty = round(result.amount, currency->minor_units(), RoundingMode::half_up);
  fmt::print("{}\nduty: {} {}\n", result.worked, duty.to_string(currency->minor_units()),
             currency->code());
  std::fflush(stdout);
  return ExitCode::ok;
}

} // namespace

void setup_eval(CLI::App& app, Context& context) {
  auto options = std::make_shared<EvalOptions>();
  auto* sub = app.add_subcommand(
      "eval", "Evaluate one duty expression on a value and quantities, showing the working");
  sub->footer(
      "Examples:\n"
      "  $ dutycalc eval \"2.2¢/kg + 10%\" --value 1000 --quantity 50kg\n"
      "  $ dutycalc eval \"13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg\" --value 1200 --quantity 10000kg --currency EUR\n"
      "  $ dutycalc eval \"The duty provided in the applicable subheading + 25%\" --value 1000 --applicable 2.6%\n"
      "Prints one line per step, then the duty rounded half-up to the currency's minor units.\n"
      "Quantities: a plain decimal and a unit (kg, g, t, l, hl, pf.liter, No., doz., prs., m2, m3, ...);\n"
      "units of one family convert (50kg serves a rate per t); liters with a strength (40%vol)\n"
      "give proof liters; a qualified rate needs a qualified quantity (\"3kg on tungsten content\").");
  sub->add_option("expression", options->expression,
                  "Duty expression as a schedule prints it, e.g. \"2.2¢/kg + 10%\"")
      ->required();
  sub->add_option("--value", options->value, "Dutiable value, a plain decimal in --currency")
      ->required();
  sub->add_option("--quantity", options->quantities,
                  "Quantity with its unit, e.g. 50kg or \"12.5 l\" (repeatable)")
      ->allow_extra_args(false); // one value per --quantity, so a later positional stays positional
  sub->add_option("--currency", options->currency, "ISO 4217 currency of the value and duty")
      ->capture_default_str();
  sub->add_option("--applicable", options->applicable,
                  "Rate of the applicable subheading, for chapter 99 expressions that refer to it");
  sub->callback([options, &context] { context.exit_code = run_eval(*options); });
}

} // namespace dutycalc::cmd
