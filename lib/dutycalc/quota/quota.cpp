#include <dutycalc/quota/quota.hpp>

#include <fmt/format.h>

namespace dutycalc::quota {

namespace {

constexpr int months_in(PeriodKind kind) {
  switch (kind) {
  case PeriodKind::year: return 12;
  case PeriodKind::half_year: return 6;
  case PeriodKind::quarter: return 3;
  case PeriodKind::month: return 1;
  }
  return 12;
}

// The first day of the month `offset` months after (year, month), on `day` (clamped to the
// month's last day: a year starting on 31 January has periods starting on the 28th/29th too).
Date month_start(int year, int month, int offset, int day) {
  int m = month - 1 + offset;
  year += m >= 0 ? m / 12 : -((11 - m) / 12);
  m = ((m % 12) + 12) % 12;
  for (int d = day; d >= 28; --d)
    if (const auto date = Date::from_ymd(year, m + 1, d)) return *date;
  return *Date::from_ymd(year, m + 1, day < 28 ? day : 28);
}

std::string label_of(PeriodKind kind, int quota_year, int index, bool calendar_year) {
  const std::string year = calendar_year ? fmt::format("{}", quota_year)
                                         : fmt::format("{}/{:02}", quota_year, (quota_year + 1) % 100);
  switch (kind) {
  case PeriodKind::year: return year;
  case PeriodKind::half_year: return fmt::format("{}-H{}", year, index + 1);
  case PeriodKind::quarter: return fmt::format("{}-Q{}", year, index + 1);
  case PeriodKind::month: return fmt::format("{}-{:02}", year, index + 1);
  }
  return year;
}

} // namespace

Period period_containing(PeriodKind kind, int year_start_month, int year_start_day, Date date) {
  // The quota year containing the date: it starts on year_start in this or the previous year.
  int quota_year = date.year();
  if (date < month_start(quota_year, year_start_month, 0, year_start_day)) --quota_year;
  const int step = months_in(kind);
  Period period;
  period.kind = kind;
  const bool calendar = year_start_month == 1 && year_start_day == 1;
  for (int index = 0; index * step < 12; ++index) {
    const Date start = month_start(quota_year, year_start_month, index * step, year_start_day);
    const Date end = month_start(quota_year, year_start_month, (index + 1) * step, year_start_day);
    if (date < end) {
      period.start = start;
      period.end = end;
      period.label = label_of(kind, quota_year, index, calendar);
      return period;
    }
  }
  return period; // unreachable: the last period ends where the next year starts
}

std::optional<Period> parse_period(PeriodKind kind, int year_start_month, int year_start_day,
                                   std::string_view label) {
  // Every period is found again from its first day: try the periods of the year the label names.
  if (label.size() < 4) return std::nullopt;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (label[i] < '0' || label[i] > '9') return std::nullopt;
    year = year * 10 + (label[i] - '0');
  }
  if (year < 1900 || year > 9000) return std::nullopt;
  const int step = months_in(kind);
  for (int index = 0; index * step < 12; ++index) {
    const Period p = period_containing(kind, year_start_month, year_start_day,
                                       month_start(year, year_start_month, index * step, year_start_day));
    if (p.label == label) return p;
  }
  return std::nullopt;
}

std::optional<PeriodKind> parse_period_kind(std::string_view text) {
  if (text == "year") return PeriodKind::year;
  if (text == "half-year") return PeriodKind::half_year;
  if (text == "quarter") return PeriodKind::quarter;
  if (text == "month") return PeriodKind::month;
  return std::nullopt;
}

std::string_view to_string(PeriodKind kind) {
  switch (kind) {
  case PeriodKind::year: return "year";
  case PeriodKind::half_year: return "half-year";
  case PeriodKind::quarter: return "quarter";
  case PeriodKind::month: return "month";
  }
  return "year";
}

bool Quota::reaches(HsCode code, schedule::CountryCode origin_country,
                    schedule::CountryCode melt_country, Date date) const {
  if (!window.contains(date) || !products.matches(code) || !origins.matches(origin_country, date))
    return false;
  return !melt_origins || melt_origins->matches(melt_country, date);
}

} // namespace dutycalc::quota
