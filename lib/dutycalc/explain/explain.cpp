#include <dutycalc/explain/explain.hpp>

#include <dutycalc/country.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/explain/description_path.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/pricing/engine.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/rate/expression.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace dutycalc::explain {

namespace {

// An ISO country code from an option, upper-cased as manifests are read.
schedule::CountryCode read_country(const std::string& text, std::string_view option) {
  std::string code = text;
  for (char& c : code) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
  if (!is_country_code(code))
    throw Error(fmt::format("{} '{}' is not an ISO 3166-1 alpha-2 country code (like JP or DE)",
                            option, text));
  return {code[0], code[1]};
}

// The quota the request draws on, drawn from full quotas: what `dutycalc price` does for a
// line without --ledger. The ledger lives for this call only.
std::optional<QuotaItem> draw_quota(const schedule::Schedule& schedule, const ExplainRequest& r) {
  const quota::Quota* q =
      quota::quota_for(schedule, r.code, r.origin, r.melt_country, r.date);
  if (!q) return std::nullopt;
  const auto ledger = quota::open_memory_ledger();
  const std::vector<quota::QuotaClaim> claims{
      {0, r.date, q, quota::quota_quantity(*q, r.value.value_or(Decimal()), r.quantities), ""}};
  QuotaItem item{q, quota::allocate(claims, *ledger).front(), {}};
  const quota::QuotaDraw& d = item.draw;
  const std::string unit = q->unit.is_value ? std::string() : " " + std::string(rate::name(q->unit.unit));
  if (d.missing_quantity)
    item.why = fmt::format("no quantity in {}: priced as over quota",
                           q->unit.is_value ? "value" : rate::name(q->unit.unit));
  else if (d.over.is_zero())
    item.why = fmt::format("in quota, {}: {}{} drawn from a full quota", d.period,
                           d.in.to_grouped_string(), unit);
  else if (d.in.is_zero())
    item.why = fmt::format("over quota, {}", d.period);
  else
    item.why = fmt::format("split, {}: {}{} in quota, {}{} over", d.period,
                           d.in.to_grouped_string(), unit, d.over.to_grouped_string(), unit);
  return item;
}

// Prices the request as `dutycalc price` would a manifest line with the same fields. Without a
// value the line is priced on zero: its rate and messages are right, its amounts are not shown.
pricing::LineResult price_bottom_line(const schedule::Schedule& schedule,
                                      const ExplainRequest& request,
                                      const std::optional<QuotaItem>& quota_item) {
  manifest::ManifestLine line;
  line.code = request.code;
  line.origin = request.origin;
  line.value = request.value.value_or(Decimal());
  line.date = request.date;
  line.quantities = request.quantities;
  line.program = request.programme;
  line.melt_country = request.melt_country;
  const pricing::Engine engine(schedule, {request.date, nullptr, std::nullopt});
  pricing::LineResult result;
  engine.price(line, result, quota_item ? &quota_item->draw : nullptr);
  return result;
}

// What the engine recorded for `measure` among the line's applied rules, or null. The engine
// cites a measure as "<heading> <title>: <source>"; reading the amount back keeps one pricing.
const pricing::AppliedRule* rule_of(const pricing::LineResult& result,
                                    const schedule::Measure& measure) {
  const std::string source =
      fmt::format("{} {}: {}", measure.heading, measure.title, measure.origin.source);
  for (const pricing::AppliedRule& rule : result.rules)
    if (rule.source == source) return &rule;
  return nullptr;
}

// For an applying measure that the line's quota switches off in quota: which part pays it.
std::string quota_note(const schedule::Measure& measure, const std::optional<QuotaItem>& item) {
  if (!item || item->draw.missing_quantity || item->draw.in.is_zero()) return {};
  const auto& exempts = item->quota->in_quota_exempts;
  if (std::find(exempts.begin(), exempts.end(), &measure) == exempts.end()) return {};
  return item->draw.over.is_zero()
             ? fmt::format("not charged: the line is in quota {}", item->quota->id)
             : fmt::format("charged on the over-quota part only (quota {})", item->quota->id);
}

} // namespace

ExplainRequest make_request(const ExplainArguments& arguments, Date today) {
  ExplainRequest request;
  request.code_text = arguments.code;
  std::string why;
  const auto code = HsCode::parse(arguments.code, 6, &why);
  if (!code) throw Error(why);
  request.code = *code;
  request.origin = read_country(arguments.origin, "--origin");
  if (!arguments.melt_country.empty())
    request.melt_country = read_country(arguments.melt_country, "--melt-country");

  request.date = today;
  if (!arguments.date.empty()) {
    const auto date = Date::parse(arguments.date);
    if (!date)
      throw Error(fmt::format("--date '{}' is not a valid YYYY-MM-DD date", arguments.date));
    request.date = *date;
  }
  if (!arguments.value.empty()) {
    Decimal value;
    if (Decimal::parse(arguments.value, value) != Decimal::ParseStatus::ok || value.sign() < 0)
      throw Error(fmt::format("--value '{}' must be a plain non-negative decimal, like 1234.56",
                              arguments.value));
    request.value = value;
  }
  for (const std::string& text : arguments.quantities) {
    std::string problem;
    const auto quantity = rate::parse_quantity(text, problem);
    if (!quantity) throw Error("--quantity: " + problem);
    if (!request.quantities.add(*quantity))
      throw Error(fmt::format("at most {} quantities can be given", rate::Quantities::k_capacity));
  }
  request.programme = arguments.programme;
  return request;
}

Explanation explain_code(const schedule::Schedule& schedule, const ExplainRequest& request) {
  Explanation e;
  e.request = request;
  e.currency = schedule.currency;
  e.edition = &schedule.edition_for(request.date, e.before_oldest);
  e.version = schedule.version(*e.edition, request.date);
  const auto resolution = e.edition->nomenclature.resolve(request.code);
  if (!resolution.rated) throw Error(resolution.problem);
  e.line = resolution.line;
  e.rated = resolution.rated;
  e.path = description_path(e.edition->nomenclature, *e.line);

  OptionContext context;
  context.schedule = &schedule;
  context.edition = e.edition;
  context.rated = e.rated;
  context.origin = request.origin;
  context.programme = e.request.programme;
  context.date = request.date;
  context.value = request.value;
  context.quantities = &e.request.quantities;
  e.options = list_options(context);

  e.quota = draw_quota(schedule, e.request);
  e.result = price_bottom_line(schedule, e.request, e.quota);
  for (const auto& fee : schedule.fees) e.schedule_fees.push_back(fee.id);

  std::vector<pricing::MeasureOutcome> outcomes;
  pricing::consider_measures(schedule, request.code, request.origin, request.melt_country,
                             request.date, outcomes);
  const bool amounts = request.value && e.result.status == pricing::LineStatus::ok;
  for (const pricing::MeasureOutcome& outcome : outcomes) {
    MeasureItem item{outcome.measure, outcome, pricing::describe(outcome, request.date),
                     rate::added_to_base(outcome.measure->rate), std::nullopt, {}};
    if (outcome.status == pricing::MeasureOutcome::Status::applies) {
      item.quota_note = quota_note(*outcome.measure, e.quota);
      const pricing::AppliedRule* rule = rule_of(e.result, *outcome.measure);
      // No rule: switched off in quota (nothing charged), or not found (no amount shown).
      if (amounts && rule) item.duty = rule->amount;
      else if (amounts && !item.quota_note.empty()) item.duty = Decimal();
    }
    e.measures.push_back(std::move(item));
  }
  for (const schedule::Notice& notice : schedule.notices)
    if (notice.reaches(request.code, request.origin, request.date)) e.notices.push_back(&notice);
  return e;
}

} // namespace dutycalc::explain
