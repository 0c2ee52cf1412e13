// Calendar dates (no time of day, no time zone): what customs law dates entries and rules by.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dutycalc {

// A proleptic Gregorian date stored as days since 1970-01-01, so comparisons are integer compares.
class Date {
public:
  constexpr Date() = default;
  static Date from_days(std::int32_t days) { return Date(days); }
  // Returns nullopt for anything that is not a valid YYYY-MM-DD date (2021-02-30, 21/11/15).
  static std::optional<Date> parse(std::string_view text);
  static std::optional<Date> from_ymd(int year, int month, int day);
  // Today in UTC.
  static Date today();

  std::int32_t days() const { return m_days; }
  int year() const;
  int month() const;
  int day() const;
  std::string to_string() const; // YYYY-MM-DD

  friend constexpr bool operator==(Date, Date) = default;
  friend constexpr auto operator<=>(Date, Date) = default;

private:
  constexpr explicit Date(std::int32_t days) : m_days(days) {}
  std::int32_t m_days = 0;
};

// A validity window: from `from` (inclusive) to `to` (exclusive: the first day it no longer applies),
// `to` absent for open-ended.
struct DateRange {
  Date from;
  std::optional<Date> to;
  bool contains(Date d) const { return from <= d && (!to || d < *to); }
};

} // namespace dutycalc
