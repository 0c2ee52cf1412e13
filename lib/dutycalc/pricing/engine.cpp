#include <dutycalc/pricing/engine.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/rate/expression.hpp>

#include <fmt/format.h>

namespace dutycalc::pricing {

using manifest::Column;

Engine::Engine(const schedule::Schedule& schedule, EngineOptions options)
    : m_schedule(schedule), m_options(options) {}

void Engine::price(const manifest::ManifestLine& line, LineResult& out) const {
  out.clear();
  try {
    price_checked(line, out);
  } catch (const OverflowError& e) {
    out.fail(fmt::format("cannot price: {}", e.message()));
  }
}

void Engine::price_checked(const manifest::ManifestLine& line, LineResult& out) const {
  const Currency currency = m_schedule.currency;
  out.base_duty = out.additional_duty = out.fees = out.taxes = out.landed_cost = Money{{}, currency};
  if (line.problem) {
    out.fail(line.problem->message);
    return;
  }

  const Date date = line.date.value_or(m_options.default_date);
  bool before_oldest = false;
  const schedule::Edition& edition = m_schedule.edition_for(date, before_oldest);
  out.schedule_version = edition.id;
  if (before_oldest)
    out.warn(fmt::format("entry date {} is before the oldest edition in the schedule; priced with "
                         "{} (effective {})",
                         date.to_string(), edition.id, edition.effective.to_string()));

  if (line.currency && !(*line.currency == currency)) {
    out.problem_column = Column::currency;
    out.fail(fmt::format("the line is in {} and the schedule in {}; currency conversion is not "
                         "supported yet",
                         line.currency->code(), currency.code()));
    return;
  }

  const auto resolution = edition.nomenclature.resolve(line.code);
  if (!resolution.rated) {
    out.problem_column = Column::hs_code;
    out.fail(resolution.problem);
    return;
  }

  // Valuation: the customs value the ad valorem rates apply to.
  Decimal dutiable = line.value;
  if (m_schedule.valuation == schedule::ValuationBasis::cif)
    dutiable = line.value + line.freight + line.insurance;

  const rate::Expression& general = resolution.rated->general;
  rate::EvaluationContext context;
  context.value = dutiable;
  context.currency = currency;
  context.quantities = &line.quantities;
  const rate::Evaluation evaluation = rate::evaluate(general, context);
  out.rate = general.text();
  if (!evaluation.ok) {
    if (evaluation.error.starts_with("needs a quantity")) out.problem_column = Column::quantity;
    out.fail(fmt::format("rate {}{}{}", general.text(),
                         evaluation.error.starts_with("needs") ? " " : ": ", evaluation.error));
    return;
  }

  // The documented rounding point: each duty amount of a line, to the schedule's places and mode.
  const Decimal base = round(evaluation.amount, m_schedule.rounding.places, m_schedule.rounding.mode);
  out.base_duty = {base, currency};
  out.landed_cost = {line.value + line.freight + line.insurance + base, currency};
  out.rules.push_back({"general", general.text(),
                       fmt::format("{}, {} general rate", edition.id,
                                   resolution.rated->code.formatted()),
                       base});
}

} // namespace dutycalc::pricing
