// `dutycalc diff --manifest`: a manifest priced as if it entered on each of two dates, line by
// line, with the landed cost at each and the change.
#pragma once

#include <dutycalc/diff/schedule_diff.hpp>
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/pricing/price_manifest.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <cstddef>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace dutycalc::fx {
class FxTable;
}

namespace dutycalc::diff {

struct PriceDiffOptions {
  char delimiter = ',';
  const fx::FxTable* fx = nullptr; // exchange rates (--fx), or null
};

// What pricing one line at one date gave: the columns of `dutycalc price` that diff compares.
struct PricedAt {
  bool ok = false;
  std::string rate;
  std::string quota;
  std::string message; // why it failed, or its warnings
  Decimal value;       // in the schedule's currency (when ok)
  Decimal base_duty;
  Decimal additional_duty;
  Decimal fees;
  Decimal taxes;
  Decimal landed_cost;
};

struct LineComparison {
  int line = 0;        // where the record starts in the manifest
  std::string hs_code; // as written
  std::string origin;  // as written
  std::string value;   // as written
  PricedAt from;
  PricedAt to;

  // The landed cost at `to` less that at `from`, when the line was priced at both dates.
  std::optional<Decimal> change() const;
};

struct ManifestComparison {
  std::string display_name;
  Currency currency;
  std::vector<LineComparison> lines; // in manifest order
  // Totals over the lines priced at both dates (a line that fails at one is left out of both).
  std::size_t priced_at_both = 0;
  std::size_t failed_from = 0; // lines that could not be priced at the first date
  std::size_t failed_to = 0;
  Decimal value;
  Decimal landed_from;
  Decimal landed_to;
};

// Prices `manifest` ("-": standard input, read once) at dates.from and at dates.to, each time
// from full quotas (an in-memory ledger) and with every line forced to that date. Lines that
// cannot be priced are reported on `diagnostics` as `price` reports them, once when the problem
// is the same at both dates, else with the date appended: "... (at 2025-03-12)". Throws Error
// when the manifest as a whole is unusable.
ManifestComparison compare_manifest(const schedule::Schedule& schedule,
                                    const pricing::ManifestSource& manifest, DiffDates dates,
                                    const PriceDiffOptions& options, std::ostream& diagnostics);

} // namespace dutycalc::diff
