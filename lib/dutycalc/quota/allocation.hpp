// First come, first served: lines draw on quotas in entry date order, then manifest order, and
// a line that crosses the limit is split into an in-quota and an over-quota part.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/quota/quota.hpp>
#include <dutycalc/rate/quantities.hpp>
#include <dutycalc/schedule/schedule.hpp>
#include <dutycalc/util/external_sort.hpp>

#include <cstddef>
#include <memory>
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
// so pricing an entry again replaces its draw instead of adding to it. (An Allocation, below.)
std::vector<QuotaDraw> allocate(const std::vector<QuotaClaim>& claims, Ledger& ledger);

// A claim drawn, as Allocation::next() gives it back: views valid until the next call.
struct DrawnClaim {
  std::size_t record = 0;
  QuotaDraw draw;
  std::string_view entry;
  std::string_view payload; // what the caller added with the claim
};

// A claim's bytes as Allocation sorts them, made ahead (on any thread: Allocation::encode), with
// its record and place left for Allocation::add to set in turn.
struct EncodedClaim {
  std::string bytes;
  std::size_t order_at = 0; // where the record and the place go
};

// allocate() for any number of claims, in bounded memory: the claims wait in temporary files
// (ExternalSorter), sorted three times: by quota period and entry, to find each entry's first
// claim on a period (the one that clears its earlier draw); by date and record, to draw them in
// turn; and back into the order they were added in, to be read with their draws. Each claim
// carries the caller's `payload` bytes through to its draw.
class Allocation {
public:
  // `limits`: of each of the three sorts (tests make them small, to sort through files).
  explicit Allocation(ExternalSorter::Limits limits = {});
  ~Allocation();
  Allocation(const Allocation&) = delete;
  Allocation& operator=(const Allocation&) = delete;

  // Adds a claim (its entry's key is copied). Throws Error when a temporary file cannot be written.
  void add(const QuotaClaim& claim, std::string_view payload = {});
  // Encodes `claim` into `out` (its record left to add()): the part of add() that needs nothing
  // but the claim, for a caller that adds claims in turn from several threads.
  static void encode(const QuotaClaim& claim, EncodedClaim& out);
  // Adds a claim encode() made, as the claim of line `record`.
  void add(EncodedClaim& claim, std::size_t record, std::string_view payload = {});
  std::size_t claims() const { return m_added; }
  // Draws every claim added on `ledger` (see allocate()), calling `drawn(claim)` for each, in
  // drawing order.
  template <class Drawn> void draw(Ledger& ledger, Drawn drawn) {
    DrawnClaim claim;
    start_drawing();
    while (draw_next(ledger, claim)) drawn(static_cast<const DrawnClaim&>(claim));
    end_drawing();
  }
  // After draw(): the claims with their draws, in the order they were added; false after the last.
  bool next(DrawnClaim& claim);

private:
  void start_drawing();
  bool draw_next(Ledger& ledger, DrawnClaim& claim);
  void end_drawing();
  struct Sorters;
  std::unique_ptr<Sorters> m_sorters;
  std::string m_bytes;
  EncodedClaim m_encoded; // add(claim)'s
  std::size_t m_added = 0;
};

} // namespace dutycalc::quota
