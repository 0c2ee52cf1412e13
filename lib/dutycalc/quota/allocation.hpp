// First come, first served: lines draw on quotas in entry date order, then manifest order, and
// a line that crosses the limit is split into an in-quota and an over-quota part.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/quota/quota.hpp>
#include <dutycalc/rate/quantities.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::quota {

// A line that reaches a quota, as read in the first pass over the manifest.
struct QuotaClaim {
  std::size_t record = 0; // the line's position among the run's records
  Date date;
  const Quota* quota = nullptr;
  std::optional<Decimal> quantity; // in the quota's unit; none when the line cannot say
  std::string_view entry; // the customs entry the draw belongs to (its key; the caller's memory)
};

// What a line drew: the period, and how much of its quantity fell in and over the quota.
struct QuotaDraw {
  const Quota* quota = nullptr;
  std::string period;
  Decimal in;
  Decimal over;
  bool missing_quantity = false; // the line has no quantity in the quota's unit: it drew nothing
};

// The first quota `line` reaches, or null.
const Quota* quota_for(const schedule::Schedule& schedule, HsCode code,
                       schedule::CountryCode origin, schedule::CountryCode melt_country, Date date);

// The line's quantity in the quota's unit (its value for value quotas), or none.
std::optional<Decimal> quota_quantity(const Quota& quota, Decimal value,
                                      const rate::Quantities& quantities);

// Draws every claim on `ledger` in date order, then record order, and returns the draws in the
// claims' original (record) order. Each entry's earlier draw on a quota period is cleared first,
// so pricing an entry again replaces its draw instead of adding to it.
std::vector<QuotaDraw> allocate(const std::vector<QuotaClaim>& claims, Ledger& ledger);

} // namespace dutycalc::quota
