#include <dutycalc/date.hpp>

#include <chrono>
#include <fmt/format.h>

namespace dutycalc {

namespace {
// Howard Hinnant's days_from_civil / civil_from_days.
constexpr std::int32_t days_from_civil(int y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

struct Civil {
  int year;
  unsigned month;
  unsigned day;
};

constexpr Civil civil_from_days(std::int32_t z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2), m, d};
}

constexpr bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

constexpr int days_in_month(int y, int m) {
  constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : k_days[m - 1];
}

bool parse_digits(std::string_view s, int& out) {
  out = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    out = out * 10 + (c - '0');
  }
  return !s.empty();
}
} // namespace

std::optional<Date> Date::from_ymd(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12) return std::nullopt;
  if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return Date(days_from_civil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)));
}

std::optional<Date> Date::parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  if (!parse_digits(text.substr(0, 4), y) || !parse_digits(text.substr(5, 2), m) ||
      !parse_digits(text.substr(8, 2), d))
    return std::nullopt;
  return from_ymd(y, m, d);
}

Date Date::today() {
  const auto now = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  return Date(static_cast<std::int32_t>(now.time_since_epoch().count()));
}

int Date::year() const { return civil_from_days(m_days).year; }
int Date::month() const { return static_cast<int>(civil_from_days(m_days).month); }
int Date::day() const { return static_cast<int>(civil_from_days(m_days).day); }

std::string Date::to_string() const {
  // By hand: many priced lines show a date, and a formatted print costs far more than the date.
  const Civil c = civil_from_days(m_days);
  if (c.year < 0 || c.year > 9999) return fmt::format("{:04}-{:02}-{:02}", c.year, c.month, c.day);
  char text[] = "0000-00-00";
  const auto put = [&text](std::size_t end, unsigned value, int digits) {
    for (int k = 1; k <= digits; ++k, value /= 10) text[end - k] = static_cast<char>('0' + value % 10);
  };
  put(4, static_cast<unsigned>(c.year), 4);
  put(7, c.month, 2);
  put(10, c.day, 2);
  return std::string(text, 10);
}

} // namespace dutycalc
