#include <dutycalc/explain/options.hpp>

#include <dutycalc/pricing/base_rate.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/rate/special_column.hpp>

#include <fmt/format.h>

namespace dutycalc::explain {

using Kind = DutyOption::Kind;
using Status = DutyOption::Status;

std::string_view to_string(Status status) {
  switch (status) {
  case Status::applies: return "applies";
  case Status::available: return "available";
  case Status::eligible: return "eligible";
  case Status::not_eligible: return "not eligible";
  case Status::not_modelled: return "not modelled";
  case Status::not_available: return "not available";
  }
  return "";
}

std::string_view to_string(Kind kind) {
  switch (kind) {
  case Kind::general: return "general";
  case Kind::programme: return "programme";
  case Kind::column2: return "column-2";
  }
  return "";
}

namespace {

// The amount an option's rate gives on the request's value and quantities, rounded where the
// engine rounds (each duty amount, to the schedule's places and mode). Only for options the
// importer can use: an amount beside an unusable option would read as an offer.
void price_option(DutyOption& option, const rate::Expression& rate, const OptionContext& context) {
  if (!context.value) return;
  if (option.status != Status::applies && option.status != Status::available &&
      option.status != Status::eligible)
    return;
  const schedule::Schedule& schedule = *context.schedule;
  rate::EvaluationContext evaluation_context;
  evaluation_context.value = *context.value;
  evaluation_context.currency = schedule.currency;
  evaluation_context.quantities = context.quantities;
  const rate::Evaluation evaluation = rate::evaluate(rate, evaluation_context);
  if (evaluation.ok)
    option.duty = round(evaluation.amount, schedule.rounding.places, schedule.rounding.mode);
  else
    option.duty_problem = evaluation.error;
}

// The programme a special-column symbol belongs to: "A+" and "A*" are programme A (the mark
// narrows the beneficiaries for the line, see rate::find_programme).
std::string_view programme_id(std::string_view symbol) {
  while (!symbol.empty() && (symbol.back() == '*' || symbol.back() == '+')) symbol.remove_suffix(1);
  return symbol;
}

DutyOption general_option(const OptionContext& context, const pricing::BaseRate& chosen) {
  const schedule::TariffLine& line = *context.rated;
  DutyOption option;
  option.kind = Kind::general;
  option.name = "general";
  option.rate = line.general.text();
  option.sources.push_back(
      fmt::format("{}, {} general rate", context.edition->id, line.code.formatted()));
  if (chosen.measure == "column-2") {
    option.status = Status::not_available;
    option.why = fmt::format("goods of {} pay column 2", schedule::view(context.origin));
  } else if (chosen.measure == "general") {
    option.status = Status::applies;
    // When a claim was refused, the engine's first warning says why.
    option.why = context.programme.empty() || chosen.warnings.empty() ? "no programme claimed"
                                                                       : chosen.warnings.front();
  } else {
    option.status = Status::available;
    option.why = "without a programme claim";
  }
  price_option(option, line.general, context);
  return option;
}

DutyOption programme_option(const OptionContext& context, const pricing::BaseRate& chosen,
                            const rate::SpecialRate& entry, const std::string& symbol,
                            std::string_view granted_symbol) {
  const schedule::TariffLine& line = *context.rated;
  const std::string_view id = programme_id(symbol);
  const schedule::Programme* definition = context.schedule->find_programme(id);
  DutyOption option;
  option.kind = Kind::programme;
  option.symbol = symbol;
  option.rate = entry.rate.text();
  option.sources.push_back(fmt::format("{}, {} special rate column", context.edition->id,
                                       line.code.formatted()));
  if (definition) {
    option.name = definition->name;
    option.sources.push_back(fmt::format("programme {} ({}): {}", definition->id, definition->name,
                                         definition->origin.source));
    option.unconfirmed = definition->origin.unconfirmed;
  }
  std::string why;
  if (chosen.measure == "column-2") {
    option.status = Status::not_available;
    option.why = fmt::format("goods of {} pay column 2", schedule::view(context.origin));
  } else if (!definition) {
    option.status = Status::not_modelled;
    option.why = fmt::format("programme {} is not modelled in this schedule", id);
  } else if (!pricing::programme_eligible(*definition, context.origin, context.date, why)) {
    option.status = Status::not_eligible;
    option.why = std::move(why);
  } else if (entry.is_reference || entry.rate.is_prose()) {
    option.status = Status::not_modelled;
    option.why = fmt::format("the rate \"{}\" is not modelled in this schedule", entry.rate.text());
  } else if (chosen.measure == "programme" && granted_symbol == symbol) {
    option.status = Status::applies;
    option.why = fmt::format("claimed (--program {})", context.programme);
  } else {
    option.status = Status::eligible;
    option.why = fmt::format("claim with --program {}", id);
  }
  if (symbol.ends_with('*') &&
      (option.status == Status::applies || option.status == Status::eligible))
    option.why += "; '*': some countries are excluded for this line, which the schedule does not "
                  "model";
  if (option.status != Status::not_modelled) price_option(option, entry.rate, context);
  return option;
}

} // namespace

std::vector<DutyOption> list_options(const OptionContext& context) {
  const schedule::Schedule& schedule = *context.schedule;
  const schedule::TariffLine& line = *context.rated;
  const pricing::BaseRate chosen = pricing::choose_base_rate(
      schedule, *context.edition, line, context.origin, context.programme, context.date);

  std::vector<DutyOption> options;
  options.push_back(general_option(context, chosen));

  const std::vector<rate::SpecialRate> special = rate::parse_special_column(line.special.text());
  const std::string_view granted =
      context.programme.empty() ? std::string_view()
                                : rate::find_programme(special, context.programme).symbol;
  for (const rate::SpecialRate& entry : special)
    for (const std::string& symbol : entry.programmes)
      options.push_back(programme_option(context, chosen, entry, symbol, granted));

  const schedule::Membership* membership =
      schedule.column2 ? schedule.column2->membership(context.origin, context.date) : nullptr;
  if (membership) {
    DutyOption option;
    option.kind = Kind::column2;
    option.name = "column 2";
    option.rate = line.column2.text();
    option.sources.push_back(
        fmt::format("{}, {} column 2 rate", context.edition->id, line.code.formatted()));
    option.sources.push_back(
        fmt::format("{}: {}", schedule.column2->name, schedule.column2->source));
    option.unconfirmed = membership->unconfirmed;
    const std::string since = membership->open_start
                                  ? std::string()
                                  : fmt::format(" from {}", membership->window.from.to_string());
    if (chosen.measure == "column-2") {
      option.status = Status::applies;
      option.why = fmt::format("{} is in {}{}", schedule::view(context.origin),
                               schedule.column2->name, since);
    } else {
      option.status = Status::not_available;
      option.why = "the line states no column 2 rate; the general rate applies";
    }
    price_option(option, line.column2, context);
    options.push_back(std::move(option));
  }
  return options;
}

} // namespace dutycalc::explain
