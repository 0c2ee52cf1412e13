#include <dutycalc/pricing/engine.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/pricing/additional_duties.hpp>
#include <dutycalc/pricing/base_rate.hpp>
#include <dutycalc/rate/expression.hpp>

#include <fmt/format.h>

namespace dutycalc::pricing {

using manifest::Column;
using schedule::Rounding;

namespace {

// What a chapter 99 rate adds to the base, as text: "25%" of "The duty provided in the
// applicable subheading + 25%".
std::string additional_part(const rate::Expression& expression) {
  const auto& nodes = expression.nodes();
  const rate::Node& root = nodes[expression.root()];
  if (root.kind == rate::Node::Kind::applicable_subheading) return {};
  if (root.kind != rate::Node::Kind::sum) return rate::to_string(expression, expression.root());
  std::string text;
  for (const std::uint32_t child : root.children) {
    if (nodes[child].kind == rate::Node::Kind::applicable_subheading) continue;
    if (!text.empty()) text += " + ";
    text += rate::to_string(expression, child);
  }
  return text;
}

} // namespace

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
  out.schedule_version = m_schedule.version(edition, date);
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

  const schedule::TariffLine& rated = *resolution.rated;
  const schedule::CountryCode origin = line.origin;
  const BaseRate base = choose_base_rate(m_schedule, edition, rated, origin, line.program, date);
  for (const std::string& warning : base.warnings) out.warn(warning);
  const rate::Expression& base_rate = base.expression();

  rate::EvaluationContext context;
  context.value = dutiable;
  context.currency = currency;
  context.quantities = &line.quantities;
  const rate::Evaluation evaluation = rate::evaluate(base_rate, context);
  out.rate = base.text;
  if (!evaluation.ok) {
    if (evaluation.error.starts_with("needs a quantity")) out.problem_column = Column::quantity;
    out.fail(fmt::format("rate {}{}{}", base_rate.text(),
                         evaluation.error.starts_with("needs") ? " " : ": ", evaluation.error));
    return;
  }

  // The documented rounding point: each duty amount of a line (the base duty, then each
  // additional duty), to the schedule's places and mode.
  const Rounding& rounding = m_schedule.rounding;
  const Decimal base_duty = round(evaluation.amount, rounding.places, rounding.mode);
  out.base_duty = {base_duty, currency};
  out.rules.push_back({base.measure, base_rate.text(), base.source, base_duty});

  Decimal additional;
  std::vector<MeasureOutcome> outcomes;
  consider_measures(m_schedule, line.code, origin, line.melt_country, date, outcomes);
  context.applicable_subheading = &base_rate;
  for (const MeasureOutcome& outcome : outcomes) {
    if (outcome.status != MeasureOutcome::Status::applies) continue;
    const schedule::Measure& measure = *outcome.measure;
    const rate::Evaluation total = rate::evaluate(measure.rate, context);
    if (!total.ok) {
      out.fail(fmt::format("{} ({}): rate {}: {}", measure.title, measure.heading,
                           measure.rate.text(), total.error));
      return;
    }
    // The measure's rate usually includes the base ("the duty provided in the applicable
    // subheading + 25%"): what it adds is its total less the base.
    const Decimal added_exact = measure.rate.uses_applicable_subheading()
                                    ? total.amount - evaluation.amount
                                    : total.amount;
    const Decimal added = round(added_exact, rounding.places, rounding.mode);
    additional += added;
    const std::string part = additional_part(measure.rate);
    out.rate += fmt::format(" + {} ({})", part.empty() ? "0" : part, measure.heading);
    out.rules.push_back({measure.kind, measure.rate.text(),
                         fmt::format("{} {}: {}", measure.heading, measure.title,
                                     measure.origin.source),
                         added});
    if (!measure.origin.unconfirmed.empty())
      out.warn(fmt::format("{} ({}): unconfirmed: {}", measure.title, measure.heading,
                           measure.origin.unconfirmed));
  }
  for (const schedule::Notice& notice : m_schedule.notices)
    if (notice.reaches(line.code, origin, date)) out.warn(notice.message);
  out.additional_duty = {additional, currency};
  out.landed_cost = {line.value + line.freight + line.insurance + base_duty + additional, currency};
}

} // namespace dutycalc::pricing
