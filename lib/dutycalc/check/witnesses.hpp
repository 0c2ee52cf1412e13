// The origins, melt countries and dates at which two rules can differ in whether they apply:
// what the overlap checks try, so that a finite search is exact. A rule's outcome changes only
// at a date some window or membership starts or ends, and only between countries the schedule
// names (every country it does not name behaves alike).
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dutycalc::check {

// A validity window whose start may be open (in force since before the schedule's records).
struct Window {
  std::optional<Date> from; // nullopt: open start
  std::optional<Date> to;   // nullopt: open end
};

Window window_of(const DateRange& range, bool open_start = false);
// The days both windows share; nullopt when none.
std::optional<Window> intersect(const Window& a, const Window& b);
// "on 2020-08-16", "before 2021-01-01" (an open start), "at any date".
std::string describe_start(const Window& window);

class Witnesses {
public:
  explicit Witnesses(const schedule::Schedule& schedule);

  // Every country the schedule names, then one it names nowhere (standing for all the others).
  const std::vector<schedule::CountryCode>& origins() const { return m_countries; }
  // The dates inside `window` at which something may change: its start, then each date a rule or
  // membership starts or ends inside it.
  std::vector<Date> dates(const Window& window) const;
  // "CA", or "an origin the schedule does not name" for the stand-in.
  static std::string describe(schedule::CountryCode country);
  static constexpr schedule::CountryCode k_other{'Z', 'Z'};

private:
  std::vector<schedule::CountryCode> m_countries;
  std::vector<Date> m_dates; // sorted, distinct
};

} // namespace dutycalc::check
