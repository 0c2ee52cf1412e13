#include <dutycalc/pricing/engine.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/fx/fx_table.hpp>
#include <dutycalc/pricing/additional_duties.hpp>
#include <dutycalc/pricing/base_rate.hpp>
#include <dutycalc/pricing/code_facts.hpp>
#include <dutycalc/rate/expression.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>
#include <functional>

namespace dutycalc::pricing {

using manifest::Column;
using schedule::Rounding;

namespace {

} // namespace

namespace {
// How many codes may resolve: every line of every edition, and as many again for codes more
// detailed than the lines they resolve to.
std::size_t codes_that_may_resolve(const schedule::Schedule& schedule) {
  std::size_t lines = 0;
  for (const schedule::Edition& edition : schedule.editions) lines += edition.nomenclature.lines().size();
  return 2 * lines;
}
} // namespace

Engine::Engine(const schedule::Schedule& schedule, EngineOptions options)
    : m_schedule(schedule), m_options(options), m_rules(schedule),
      m_facts(std::make_unique<CodeFactsTable>(codes_that_may_resolve(schedule))) {
  for (const schedule::Measure& measure : schedule.measures)
    m_added_texts.emplace_back(&measure, rate::added_to_base(measure.rate));
  std::sort(m_added_texts.begin(), m_added_texts.end(),
            [](const auto& a, const auto& b) { return std::less<>()(a.first, b.first); });
}

const std::string& Engine::added_text(const schedule::Measure& measure) const {
  const auto at = std::lower_bound(
      m_added_texts.begin(), m_added_texts.end(), &measure,
      [](const auto& entry, const schedule::Measure* m) { return std::less<>()(entry.first, m); });
  if (at != m_added_texts.end() && at->first == &measure) return at->second;
  // A measure not in the engine's schedule (none is priced): written now, for this thread.
  thread_local std::string text;
  text = rate::added_to_base(measure.rate);
  return text;
}

Engine::~Engine() = default;

const schedule::RuleCandidates& Engine::candidates(HsCode code, const schedule::Edition& edition,
                                                   const schedule::TariffLine*& rated,
                                                   std::string& problem) const {
  const std::uint64_t key = code.key();
  if (const CodeFacts* facts = m_facts->find(&edition, key)) {
    rated = facts->rated;
    return facts->candidates;
  }
  const auto resolution = edition.nomenclature.resolve(code);
  // A code that does not resolve is not kept (its message is made again when asked), nor one
  // met when the table is full: this thread's scratch holds it for this line.
  thread_local std::unique_ptr<CodeFacts> scratch;
  auto facts = scratch ? std::move(scratch) : std::make_unique<CodeFacts>();
  facts->edition = &edition;
  facts->code = key;
  facts->rated = resolution.rated;
  m_rules.candidates(code, facts->candidates);
  rated = resolution.rated;
  if (!resolution.rated) problem = resolution.problem;
  else if (const CodeFacts* kept = m_facts->keep(facts)) {
    if (facts) scratch = std::move(facts); // another thread kept the code first: reuse ours
    return kept->candidates;
  }
  // Not kept: this line's answer lives in the scratch until this thread's next call.
  scratch = std::move(facts);
  return scratch->candidates;
}

static_assert(Engine::k_prefetch_stages == CodeFactsTable::k_prefetch_stages);

// Where a line with a problem is: nowhere to fetch.
constexpr std::size_t k_no_slot = static_cast<std::size_t>(-1);

std::size_t Engine::start_prefetch(const manifest::ManifestLine& line) const {
  if (line.problem) return k_no_slot;
  bool before_oldest = false;
  const std::size_t slot =
      m_facts->slot_of(&m_schedule.edition_for(date_of(line), before_oldest), line.code.key());
  m_facts->prefetch(slot, 0);
  return slot;
}

void Engine::continue_prefetch(std::size_t where, int stage) const {
  if (where != k_no_slot) m_facts->prefetch(where, stage);
}

void Engine::price(const manifest::ManifestLine& line, LineResult& out,
                   const quota::QuotaDraw* draw, const EntryCharges* entry) const {
  price_duties(line, out, draw);
  if (out.status == LineStatus::ok) finish(line, out, entry);
}

void Engine::price_duties(const manifest::ManifestLine& line, LineResult& out,
                          const quota::QuotaDraw* draw) const {
  out.clear();
  try {
    price_duties_checked(line, out, draw);
  } catch (const OverflowError& e) {
    out.fail(fmt::format("cannot price: {}", e.message()));
  }
}

bool Engine::stays_ok_alone(const manifest::ManifestLine& line, LineResult& out) const {
  // The landed cost adds seven amounts: each below 2^123, their sum stays below 2^126.
  constexpr Decimal::Raw k_far_below = static_cast<Decimal::Raw>(1) << 123;
  const auto small = [](const Money& m) {
    return m.amount.raw() < k_far_below && m.amount.raw() > -k_far_below;
  };
  if (m_schedule.taxes.empty() && small(out.value) && small(out.freight) &&
      small(out.insurance) && small(out.base_duty) && small(out.additional_duty) &&
      small(out.fees) && small(out.taxes))
    return true;
  finish(line, out);
  return out.status == LineStatus::ok;
}

void Engine::finish(const manifest::ManifestLine& line, LineResult& out,
                    const EntryCharges* entry) const {
  try {
    finish_checked(line, out, entry);
  } catch (const OverflowError& e) {
    out.fail(fmt::format("cannot price: {}", e.message()));
  }
}

namespace {

// One part of a line priced on its own: the whole line, or its in-quota or over-quota part.
struct Part {
  Decimal value;                 // dutiable value of the part
  rate::Quantities quantities;   // quantities of the part
  const rate::Expression* base = nullptr;
  const std::vector<const schedule::Measure*>* exempt = nullptr; // measures switched off
};

// What the parts of a line add up to, before the one rounding of each duty amount.
struct Sums {
  Decimal base;
  struct MeasureSum {
    const schedule::Measure* measure;
    Decimal amount;
  };
  std::vector<MeasureSum> measures; // in schedule order, each measure once
  void add(const schedule::Measure* m, Decimal amount) {
    for (auto& s : measures)
      if (s.measure == m) {
        s.amount += amount;
        return;
      }
    measures.push_back({m, amount});
  }
};

bool switched_off(const Part& part, const schedule::Measure* m) {
  return part.exempt && std::find(part.exempt->begin(), part.exempt->end(), m) != part.exempt->end();
}

// The part of `quantities` that `share` of the line carries (share = part / whole).
rate::Quantities share_of(const rate::Quantities& quantities, Decimal part, Decimal whole) {
  rate::Quantities out;
  for (const rate::Quantity& q : quantities) {
    rate::Quantity scaled = q;
    scaled.amount = q.amount.scaled(part, whole);
    out.add(scaled);
  }
  return out;
}

std::string quantity_text(Decimal amount, const quota::Quota& q) {
  return q.unit.is_value ? amount.to_string() : amount.to_string() + " " + std::string(rate::name(q.unit.unit));
}

} // namespace

bool Engine::convert(const manifest::ManifestLine& line, Date date, LineResult& out) const {
  const Currency currency = m_schedule.currency;
  out.value = {line.value, currency};
  out.freight = {line.freight, currency};
  out.insurance = {line.insurance, currency};
  if (!line.currency || *line.currency == currency) return true;
  const Currency from = *line.currency;
  Date rate_date = date;
  switch (m_schedule.fx_date) {
  case schedule::FxDate::entry: break;
  case schedule::FxDate::export_date:
    if (line.export_date) rate_date = *line.export_date;
    else out.warn("no export_date: the exchange rate of the entry date was used");
    break;
  case schedule::FxDate::month: rate_date = *Date::from_ymd(date.year(), date.month(), 1); break;
  }
  if (!m_options.fx) {
    out.problem_column = Column::currency;
    out.fail(fmt::format("the line is in {} and the schedule in {}: give exchange rates with --fx",
                         from.code(), currency.code()));
    return false;
  }
  const auto rate = m_options.fx->rate(from, rate_date);
  if (!rate) {
    out.problem_column = Column::currency;
    out.fail(fmt::format("no exchange rate for {} on {} in {}", from.code(), rate_date.to_string(),
                         m_options.fx->name()));
    return false;
  }
  // The conversion rounding point: converted amounts to the schedule's minor units.
  const Rounding& r = m_schedule.rounding;
  out.value = {round(line.value * *rate, r.places, r.mode), currency};
  out.freight = {round(line.freight * *rate, r.places, r.mode), currency};
  out.insurance = {round(line.insurance * *rate, r.places, r.mode), currency};
  if (out.wants_rules()) out.rules.push_back({"exchange-rate",
                       fmt::format("1 {} = {} {} ({})", from.code(), rate->to_string(),
                                   currency.code(), rate_date.to_string()),
                       m_options.fx->name(), Decimal{}});
  return true;
}

void Engine::add_taxes(const manifest::ManifestLine& line, LineResult& out) const {
  if (m_schedule.taxes.empty()) return; // then the line is not read (see finish_reads_line())
  const Date date = date_of(line);
  if (!line.destination[0]) {
    out.warn("no destination: import taxes not included");
    return;
  }
  const Rounding& r = m_schedule.rounding;
  Decimal total;
  bool any = false;
  for (const schedule::Tax& tax : m_schedule.taxes) {
    if (!tax.applies(line.destination, date)) continue;
    any = true;
    Decimal base = out.customs_value.amount;
    if (tax.base == schedule::TaxBase::customs_value_plus_duties)
      base += out.base_duty.amount + out.additional_duty.amount;
    rate::EvaluationContext context;
    context.value = base;
    context.currency = m_schedule.currency;
    const rate::Evaluation evaluation = rate::evaluate(tax.rate, context);
    if (!evaluation.ok) {
      out.fail(fmt::format("{}: rate {}: {}", tax.title, tax.rate.text(), evaluation.error));
      return;
    }
    // The tax rounding point: each tax amount of a line.
    const Decimal amount = round(evaluation.amount, r.places, r.mode);
    total += amount;
    if (out.wants_rules()) out.rules.push_back({"tax", fmt::format("{} {} on {}", tax.title, tax.rate.text(),
                                            base.to_string(m_schedule.currency.minor_units())),
                         tax.origin.source, amount});
  }
  if (!any)
    if (out.detail) out.warn(fmt::format("no import tax rule for destination {} on {}",
                         schedule::view(line.destination), date.to_string()));
  out.taxes = {total, m_schedule.currency};
}

void Engine::price_duties_checked(const manifest::ManifestLine& line, LineResult& out,
                                  const quota::QuotaDraw* draw) const {
  const Currency currency = m_schedule.currency;
  out.base_duty = out.additional_duty = out.fees = out.taxes = out.landed_cost = Money{{}, currency};
  if (line.problem) {
    out.fail(line.problem->message);
    return;
  }

  const Date date = date_of(line);
  bool before_oldest = false;
  const schedule::Edition& edition = m_schedule.edition_for(date, before_oldest);
  out.schedule_version = m_schedule.version(edition, date);
  if (before_oldest && out.detail) {
    // Many lines of an old manifest get this one, the lines of an entry the same text: built
    // without a formatted print, and again only when the date or the edition differs from the
    // last line's on this thread (compared by value: schedules come and go in one process).
    thread_local std::string warning;
    thread_local Date warned_date;
    thread_local Date warned_effective;
    thread_local std::string warned_edition;
    if (warning.empty() || date != warned_date || edition.effective != warned_effective ||
        edition.id != warned_edition) {
      warning.assign("entry date ").append(date.to_string());
      warning.append(" is before the oldest edition in the schedule; priced with ").append(edition.id);
      warning.append(" (effective ").append(edition.effective.to_string()).append(")");
      warned_date = date;
      warned_effective = edition.effective;
      warned_edition = edition.id;
    }
    out.warn(warning);
  }

  if (!convert(line, date, out)) return;

  const schedule::TariffLine* rated_line = nullptr;
  thread_local std::string problem;
  const schedule::RuleCandidates& candidates = this->candidates(line.code, edition, rated_line, problem);
  if (!rated_line) {
    out.problem_column = Column::hs_code;
    out.fail(problem);
    return;
  }

  // Valuation: the customs value the ad valorem rates apply to.
  Decimal dutiable = out.value.amount;
  if (m_schedule.valuation == schedule::ValuationBasis::cif)
    dutiable = out.value.amount + out.freight.amount + out.insurance.amount;
  out.customs_value = {dutiable, currency};

  const schedule::TariffLine& rated = *rated_line;
  const schedule::CountryCode origin = line.origin;
  if (!draw)
    for (const quota::Quota* q : candidates.quotas)
      if (q->reaches(line.code, origin, line.melt_country, date)) {
        out.claim = q;
        break;
      }
  const BaseRate base =
      choose_base_rate(m_schedule, edition, rated, origin, line.program, date, out.wants_rules(),
                       out.detail);
  for (const std::string& warning : base.warnings) out.warn(warning);
  const rate::Expression& base_rate = base.expression();

  // Scratch kept per thread: the hot path allocates nothing once warm.
  thread_local std::vector<Part> parts;
  thread_local std::vector<MeasureOutcome> outcomes;

  // The parts to price: the whole line, or its in-quota and over-quota parts.
  parts.clear();
  const quota::Quota* q = draw ? draw->quota : nullptr;
  if (q && draw->missing_quantity) {
    if (out.detail) out.warn(fmt::format("cannot draw on quota {}: the line has no quantity in {}; priced as over "
                         "quota",
                         q->id, q->unit.is_value ? "value" : rate::name(q->unit.unit)));
    if (q->kind == quota::QuotaKind::absolute) {
      out.problem_column = Column::quantity;
      out.fail(fmt::format("absolute quota {} ({}): the line has no quantity in {} to draw with",
                           q->id, q->title, rate::name(q->unit.unit)));
      return;
    }
    parts.push_back({dutiable, line.quantities,
                     q->over_quota_rate ? &*q->over_quota_rate : &base_rate, nullptr});
    out.quota = q->id + " over";
  } else if (q) {
    const Decimal whole = draw->in + draw->over;
    if (q->kind == quota::QuotaKind::absolute && draw->over.sign() > 0) {
      out.quota = fmt::format("{} split:{}/{}", q->id, draw->in.to_string(), draw->over.to_string());
      out.fail(fmt::format("absolute quota {} ({}) exhausted: {} over the limit cannot be entered "
                           "({} left; the line draws nothing)",
                           q->id, q->title, quantity_text(draw->over, *q),
                           quantity_text(draw->in, *q)));
      return;
    }
    const rate::Expression* in_base = q->in_quota_rate ? &*q->in_quota_rate : &base_rate;
    const rate::Expression* over_base = q->over_quota_rate ? &*q->over_quota_rate : &base_rate;
    if (draw->over.is_zero()) {
      parts.push_back({dutiable, line.quantities, in_base, &q->in_quota_exempts});
      out.quota = q->id + " in";
    } else if (draw->in.is_zero()) {
      parts.push_back({dutiable, line.quantities, over_base, nullptr});
      out.quota = q->id + " over";
    } else {
      parts.push_back({dutiable.scaled(draw->in, whole), share_of(line.quantities, draw->in, whole),
                       in_base, &q->in_quota_exempts});
      parts.push_back({dutiable - parts[0].value, share_of(line.quantities, draw->over, whole),
                       over_base, nullptr});
      out.quota = fmt::format("{} split:{}/{}", q->id, draw->in.to_string(), draw->over.to_string());
    }
  } else {
    parts.push_back({dutiable, line.quantities, &base_rate, nullptr});
  }

  Sums sums;
  consider_measures(candidates, m_schedule, line.code, origin, line.melt_country, date,
                    outcomes, line.export_date);
  // A measure that turns on the export date (List 3's transition): without one, say so.
  for (const MeasureOutcome& o : outcomes)
    if (o.export_condition && !line.export_date)
      if (out.detail) out.warn(fmt::format("no export_date: priced as exported on the entry date; {} ({} +{}) "
                           "reaches goods exported before {}",
                           o.measure->title, o.measure->heading, rate::added_to_base(o.measure->rate),
                           o.measure->exported_before->to_string()));
  // The rate column: each part's rate and what the measures add to it.
  out.rate.clear();
  for (const Part& part : parts) {
    rate::EvaluationContext context;
    context.value = part.value;
    context.currency = currency;
    context.quantities = &part.quantities;
    const rate::Evaluation evaluation = rate::evaluate(*part.base, context);
    if (!evaluation.ok) {
      if (evaluation.error.starts_with("needs a quantity")) out.problem_column = Column::quantity;
      out.rate = part.base == &base_rate ? base.text : part.base->text();
      out.fail(fmt::format("rate {}{}{}", part.base->text(),
                           evaluation.error.starts_with("needs") ? " " : ": ", evaluation.error));
      return;
    }
    sums.base += evaluation.amount;
    if (out.detail) {
      if (parts.size() > 1) out.rate.append(&part == &parts[0] ? "in quota: " : "; over quota: ");
      out.rate.append(part.base == &base_rate ? base.text : part.base->text());
    }
    context.applicable_subheading = part.base;
    for (const MeasureOutcome& outcome : outcomes) {
      if (outcome.status != MeasureOutcome::Status::applies) continue;
      const schedule::Measure& measure = *outcome.measure;
      if (switched_off(part, &measure)) continue;
      const rate::Evaluation total = rate::evaluate(measure.rate, context);
      if (!total.ok) {
        out.fail(fmt::format("{} ({}): rate {}: {}", measure.title, measure.heading,
                             measure.rate.text(), total.error));
        return;
      }
      // The measure's rate usually includes the base ("the duty provided in the applicable
      // subheading + 25%"): what it adds is its total less the base.
      sums.add(&measure, measure.rate.uses_applicable_subheading() ? total.amount - evaluation.amount
                                                                   : total.amount);
      if (out.detail)
        out.rate.append(" + ").append(added_text(measure)).append(" (")
            .append(measure.heading).append(")");
    }
  }

  // The documented rounding point: each duty amount of a line (the base duty, then each
  // additional duty), to the schedule's places and mode.
  const Rounding& rounding = m_schedule.rounding;
  const Decimal base_duty = round(sums.base, rounding.places, rounding.mode);
  out.base_duty = {base_duty, currency};
  if (out.wants_rules()) out.rules.push_back({base.measure, base_rate.text(), base.source, base_duty});
  if (q && out.wants_rules())
    out.rules.push_back({"quota",
                         fmt::format("{} in quota, {} over quota ({})",
                                     quantity_text(draw->in, *q), quantity_text(draw->over, *q),
                                     draw->period),
                         fmt::format("{}: {}", q->title, q->origin.source), Decimal{}});
  Decimal additional;
  for (const auto& [measure, exact] : sums.measures) {
    const Decimal added = round(exact, rounding.places, rounding.mode);
    additional += added;
    if (out.wants_rules()) out.rules.push_back({measure->kind, measure->rate.text(),
                         fmt::format("{} {}: {}", measure->heading, measure->title,
                                     measure->origin.source),
                         added});
    if (!measure->origin.unconfirmed.empty())
      if (out.detail) out.warn(fmt::format("{} ({}): unconfirmed: {}", measure->title, measure->heading,
                           measure->origin.unconfirmed));
  }
  if (q && !draw->missing_quantity && !draw->in.is_zero() && !draw->over.is_zero())
    if (out.detail) out.warn(fmt::format("quota {} ({}): {} in quota, {} over quota", q->id, draw->period,
                         quantity_text(draw->in, *q), quantity_text(draw->over, *q)));
  if (q && !q->origin.unconfirmed.empty())
    if (out.detail) out.warn(fmt::format("quota {}: unconfirmed: {}", q->id, q->origin.unconfirmed));
  if (!q && out.detail) {
    // A quota the line would draw on but for where its metal was melted: say why it does not.
    for (const quota::Quota* candidate : candidates.quotas)
      if (const quota::Quota& other = *candidate; other.melt_origins && other.window.contains(date) && other.products.matches(line.code) &&
          other.origins.matches(origin, date) && !other.melt_origins->matches(line.melt_country, date))
        if (out.detail) out.warn(fmt::format("not in quota {}: it takes only goods melted in {} (melt_country {})",
                             other.id, other.melt_origins->describe(),
                             line.melt_country[0] ? std::string(schedule::view(line.melt_country))
                                                  : std::string("not given")));
  }
  if (out.detail)
    for (const schedule::Notice* notice : candidates.notices)
      if (notice->window.contains(date) && candidates.reaches(notice->products, line.code) &&
          notice->origins.matches(origin, date))
        out.warn(notice->message);
  out.additional_duty = {additional, currency};
}

void Engine::finish_checked(const manifest::ManifestLine& line, LineResult& out,
                            const EntryCharges* entry) const {
  const Currency currency = m_schedule.currency;
  if (entry && entry->de_minimis) {
    // Under the de minimis threshold the entry enters free: no duty, fee or tax.
    if (out.detail) out.warn(fmt::format("de minimis ({}): entry value {} is at or below {}; duty and fees waived",
                         entry->de_minimis->id, entry->entry_value.to_string(currency.minor_units()),
                         entry->de_minimis->threshold.to_string(currency.minor_units())));
    out.base_duty = out.additional_duty = {Decimal{}, currency};
    out.rules.clear();
    if (out.wants_rules()) out.rules.push_back({"de-minimis", entry->de_minimis->id, entry->de_minimis->origin.source, Decimal{}});
  } else {
    Decimal fees;
    if (entry)
      for (const auto& share : entry->fees) {
        fees += share.amount;
        if (out.wants_rules()) out.rules.push_back({"fee", share.fee->title, share.fee->origin.source, share.amount});
      }
    out.fees = {fees, currency};
    add_taxes(line, out);
    if (out.status == LineStatus::error) return;
  }
  out.landed_cost = {out.value.amount + out.freight.amount + out.insurance.amount +
                         out.base_duty.amount + out.additional_duty.amount + out.fees.amount +
                         out.taxes.amount,
                     currency};
}

} // namespace dutycalc::pricing
