// Exact fixed-point decimal numbers for amounts, rates and quantities. No binary floating point.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dutycalc {

// How a value is brought to fewer decimal places (see round()).
enum class RoundingMode {
  half_up,   // ties away from zero: 0.125 -> 0.13, -0.125 -> -0.13 (customs' usual rule)
  half_even, // ties to the even digit: 0.125 -> 0.12, 0.135 -> 0.14
  down,      // toward zero: 0.129 -> 0.12
};

// A signed decimal with 12 fixed fraction digits held in a 128-bit integer (about +-1.7e26).
// Addition and multiplication are checked (Boost.Multiprecision's checked integers) and throw
// OverflowError instead of wrapping. Products keep 12 places: real tariff arithmetic (two-place
// values times rates of up to six places) is exact; only fractional rates such as 33 1/3% need the
// 12th place, where the product is rounded half-even by round(), the one rounding function.
class Decimal {
public:
  __extension__ using Raw = __int128;
  static constexpr int k_places = 12;

  constexpr Decimal() = default;
  // Any 64-bit integer fits: |whole| * 10^12 < 2^63 * 2^40 < 2^127.
  static constexpr Decimal from_integer(std::int64_t whole) {
    return Decimal(static_cast<Raw>(whole) * static_cast<Raw>(1000000000000));
  }
  // `raw` counts units of 10^-12.
  static constexpr Decimal from_raw(Raw raw) { return Decimal(raw); }
  constexpr Raw raw() const { return m_raw; }

  enum class ParseStatus { ok, syntax, too_many_places, overflow };
  // Plain decimals only: optional '-', digits, optional '.' and digits ("1234.56", "-1", ".5").
  // No '+', exponents, thousands separators or spaces.
  static ParseStatus parse(std::string_view text, Decimal& out);
  static std::optional<Decimal> parse(std::string_view text);

  // Sums are inline (they are everywhere in pricing); the result must stay within the stored
  // range, +-(2^127 - 1), or OverflowError is thrown.
  friend Decimal operator+(Decimal a, Decimal b) {
    Raw r;
    if (__builtin_add_overflow(a.m_raw, b.m_raw, &r) || r < -k_raw_max) throw_overflow();
    return Decimal(r);
  }
  friend Decimal operator-(Decimal a, Decimal b) {
    Raw r;
    if (__builtin_sub_overflow(a.m_raw, b.m_raw, &r) || r < -k_raw_max) throw_overflow();
    return Decimal(r);
  }
  friend Decimal operator*(Decimal a, Decimal b);
  Decimal operator-() const;
  Decimal& operator+=(Decimal other) { return *this = *this + other; }
  Decimal& operator-=(Decimal other) { return *this = *this - other; }
  // Quotient to 12 places, rounded half-even. Throws Error on division by zero.
  Decimal divided_by(Decimal divisor) const;
  // this * numerator / denominator with one rounding at the end (exact shares of a total).
  Decimal scaled(Decimal numerator, Decimal denominator) const;

  int sign() const { return m_raw < 0 ? -1 : (m_raw > 0 ? 1 : 0); }
  bool is_zero() const { return m_raw == 0; }
  // Number of fraction digits actually used (0 for integers, up to 12).
  int places_used() const;

  // Shortest exact text, at least `min_places` fraction digits: Decimal 101.1 -> "101.10" for 2.
  std::string to_string(int min_places = 0) const;
  // The same text written into `out` (at least k_max_text bytes), without allocating; returns
  // its length.
  static constexpr std::size_t k_max_text = 72; // 39 digits, 12 group commas, sign, point, 12 places
  std::size_t to_chars(char* out, int min_places = 0) const;
  // Same, with ',' between thousands ("1,234,567.50").
  std::string to_grouped_string(int min_places = 0) const;

  friend constexpr bool operator==(Decimal, Decimal) = default;
  friend constexpr std::strong_ordering operator<=>(Decimal a, Decimal b) {
    return a.m_raw < b.m_raw   ? std::strong_ordering::less
           : a.m_raw > b.m_raw ? std::strong_ordering::greater
                               : std::strong_ordering::equal;
  }

private:
  static constexpr Raw k_raw_max = static_cast<Raw>(INT64_MAX) << 64 | static_cast<Raw>(UINT64_MAX);
  [[noreturn, gnu::cold]] static void throw_overflow();
  constexpr explicit Decimal(Raw raw) : m_raw(raw) {}
  Raw m_raw = 0;
};

// The one rounding function: `value` to `places` fraction digits (0..12) by `mode`.
Decimal round(Decimal value, int places, RoundingMode mode);

// "half-up", "half-even", "down" (schedule files spell modes this way).
std::optional<RoundingMode> parse_rounding_mode(std::string_view text);
std::string_view to_string(RoundingMode mode);

} // namespace dutycalc
