// The pricing engine: one manifest line in, its duties and landed cost out, under the schedule as
// in force on the line's entry date.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/pricing/line_result.hpp>
#include <dutycalc/quota/allocation.hpp>
#include <dutycalc/schedule/rule_index.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace dutycalc::fx {
class FxTable;
}

namespace dutycalc::pricing {

struct EngineOptions {
  Date default_date;               // entry date of lines that carry none
  const fx::FxTable* fx = nullptr; // exchange rates (--fx); null when none were given
  // When set, every line is priced at this date whatever its own entry_date says (diff prices a
  // manifest as if it entered on each of two dates).
  std::optional<Date> force_date;
};

// What a line's customs entry contributes to it: its share of the entry's fees, and whether the
// entry is under a de minimis threshold (then it pays nothing).
struct EntryCharges {
  struct FeeShare {
    const schedule::Fee* fee;
    Decimal amount; // this line's share, rounded
  };
  std::vector<FeeShare> fees;
  const schedule::DeMinimis* de_minimis = nullptr;
  Decimal entry_value;
};

class CodeFactsTable;

class Engine {
public:
  Engine(const schedule::Schedule& schedule, EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Prices `line` into `out` (cleared first). `draw` is what the line drew on a quota (see
  // quota::allocate), or null. Never throws for a problem of the line: a line that cannot be
  // priced gets status error and the reason; arithmetic overflow is such a problem too.
  void price(const manifest::ManifestLine& line, LineResult& out,
             const quota::QuotaDraw* draw = nullptr, const EntryCharges* entry = nullptr) const;

  // price() in two steps, for a run that prices a line before its entry's charges are known and
  // finishes it later: price_duties() prices the line up to its duties (out cleared first); when
  // that leaves it ok, finish() adds the entry's charges (`entry`, or none), taxes and the landed
  // cost. The two give what price() gives; neither throws for a problem of the line.
  void price_duties(const manifest::ManifestLine& line, LineResult& out,
                    const quota::QuotaDraw* draw = nullptr) const;
  void finish(const manifest::ManifestLine& line, LineResult& out,
              const EntryCharges* entry = nullptr) const;
  // Asks the processor to fetch what price_duties(line) will look up for the line's code,
  // without waiting for it: start_prefetch(line) for each line of a batch, which returns where
  // the line's facts are; then continue_prefetch(that, stage) for each line at stage 1, then at
  // each further stage up to k_prefetch_stages - 1; then price them (see
  // CodeFactsTable::prefetch). Changes nothing that can be seen.
  static constexpr int k_prefetch_stages = 3;
  std::size_t start_prefetch(const manifest::ManifestLine& line) const;
  void continue_prefetch(std::size_t where, int stage) const;
  // Whether a line price_duties() left ok is still ok once finished with no entry's charges:
  // finishes it (into `out`) when that is not certain. It is certain when the schedule has no
  // import taxes and every amount is far below the limit (finishing then only adds them up).
  bool stays_ok_alone(const manifest::ManifestLine& line, LineResult& out) const;
  // Whether finish() reads the line's fields (for import taxes); when not, it may be given a line
  // that was not read.
  bool finish_reads_line() const { return !m_schedule.taxes.empty(); }

  // The entry date a line is priced at.
  Date date_of(const manifest::ManifestLine& line) const {
    if (m_options.force_date) return *m_options.force_date;
    return line.date.value_or(m_options.default_date);
  }
  const schedule::Schedule& schedule() const { return m_schedule; }

private:
  // The two steps, throwing OverflowError.
  void price_duties_checked(const manifest::ManifestLine& line, LineResult& out,
                            const quota::QuotaDraw* draw) const;
  void finish_checked(const manifest::ManifestLine& line, LineResult& out,
                      const EntryCharges* entry) const;
  // Converts the line's value, freight and insurance into the schedule's currency (the rounding
  // point for conversions: the schedule's places and mode); false with `out` failed when no rate.
  bool convert(const manifest::ManifestLine& line, Date date, LineResult& out) const;
  void add_taxes(const manifest::ManifestLine& line, LineResult& out) const;
  // The rated line `code` resolves to in `edition` (null, with `problem` set, when it does not)
  // and the rules that may reach it; kept for every code met, for all threads. The reference
  // lasts as long as the engine, or (for a code that does not resolve) until this thread's next
  // call.
  const schedule::RuleCandidates& candidates(HsCode code, const schedule::Edition& edition,
                                             const schedule::TariffLine*& rated,
                                             std::string& problem) const;
  const schedule::Schedule& m_schedule;
  EngineOptions m_options;
  schedule::RuleIndex m_rules;
  std::unique_ptr<CodeFactsTable> m_facts;
  // What each measure adds to the base rate, as the rate column shows it (rate::added_to_base),
  // written once: by the measure's address, sorted.
  std::vector<std::pair<const schedule::Measure*, std::string>> m_added_texts;
  const std::string& added_text(const schedule::Measure& measure) const;
};

} // namespace dutycalc::pricing
