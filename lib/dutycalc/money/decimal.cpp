#include <dutycalc/money/decimal.hpp>

#include <dutycalc/error.hpp>

#include <boost/multiprecision/cpp_int.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

namespace dutycalc {

namespace {

namespace mp = boost::multiprecision;
using Checked128 = mp::checked_int128_t;
using Checked256 = mp::checked_int256_t;

constexpr Decimal::Raw pow10_loop(int n) {
  Decimal::Raw r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}
// 10^n for n in 0..18 from a table (parsing and rounding ask for it on every amount).
constexpr std::array<std::uint64_t, 19> k_pow10 = [] {
  std::array<std::uint64_t, 19> table{};
  for (int n = 0; n < 19; ++n) table[static_cast<std::size_t>(n)] = static_cast<std::uint64_t>(pow10_loop(n));
  return table;
}();
constexpr Decimal::Raw pow10(int n) {
  return n >= 0 && n < 19 ? static_cast<Decimal::Raw>(k_pow10[static_cast<std::size_t>(n)]) : pow10_loop(n);
}
constexpr Decimal::Raw k_one = pow10(Decimal::k_places);
__extension__ using U128 = unsigned __int128;

// Conversions between the stored builtin and Boost's checked types. The builtin is only storage:
// every operation that can overflow runs in a checked type.
Checked128 to_checked(Decimal::Raw v) {
  const bool negative = v < 0;
  // Magnitude of the most negative value is representable in unsigned __int128.
  const U128 mag = negative ? static_cast<U128>(-(v + 1)) + 1 : static_cast<U128>(v);
  Checked128 hi = static_cast<std::uint64_t>(mag >> 64);
  Checked128 r = (hi << 64) | Checked128(static_cast<std::uint64_t>(mag));
  return negative ? Checked128(-r) : r;
}

template <class Big> Decimal::Raw to_raw(const Big& big) {
  // Range check against the storage type (the checked 128-bit type is symmetric: +-(2^127-1)).
  static const Big k_max = Big((std::numeric_limits<std::uint64_t>::max)() >> 1) << 64 |
                           Big((std::numeric_limits<std::uint64_t>::max)());
  if (big > k_max || big < -k_max) throw OverflowError("amount too large for exact arithmetic");
  const bool negative = big < 0;
  const Big mag = negative ? Big(-big) : big;
  const U128 hi = static_cast<std::uint64_t>(mag >> 64);
  const U128 lo = static_cast<std::uint64_t>(mag & Big((std::numeric_limits<std::uint64_t>::max)()));
  const U128 m = hi << 64 | lo;
  return negative ? -static_cast<Decimal::Raw>(m) : static_cast<Decimal::Raw>(m);
}

// Divides with the given rounding mode; the core of round(), of products and of quotients.
Checked256 divide_rounded(const Checked256& numerator, const Checked256& denominator,
                          RoundingMode mode) {
  Checked256 q = numerator / denominator; // truncates toward zero
  const Checked256 r = numerator % denominator;
  if (r == 0 || mode == RoundingMode::down) return q;
  const bool negative = (numerator < 0) != (denominator < 0);
  const Checked256 twice_r = mp::abs(r) * 2;
  const Checked256 abs_d = mp::abs(denominator);
  bool away = false;
  if (twice_r > abs_d) away = true;
  else if (twice_r == abs_d) away = mode == RoundingMode::half_up || (q % 2 != 0);
  if (away) q += negative ? -1 : 1;
  return q;
}

template <class F> auto checked(F&& f) {
  try {
    return f();
  } catch (const std::overflow_error&) {
    throw OverflowError("amount too large for exact arithmetic");
  } catch (const std::range_error&) {
    throw OverflowError("amount too large for exact arithmetic");
  }
}

// Fast paths. Most amounts are far from the limits: when both operands of a product fit in 63
// bits the product fits the builtin 128-bit type, and the exact result is computed there; only
// the rest goes through the checked 256-bit types above. Results are the same either way.
bool fits_63(Decimal::Raw v) {
  constexpr Decimal::Raw k_limit = static_cast<Decimal::Raw>(1) << 63;
  return v < k_limit && v > -k_limit;
}

// n / d rounded with `mode`, in the builtin type (d != 0; neither is the type's minimum).
Decimal::Raw divide_rounded_raw(Decimal::Raw n, Decimal::Raw d, RoundingMode mode) {
  Decimal::Raw q;
  Decimal::Raw r;
  // Amounts below about 9 million fit 64 bits, where division is a single instruction instead
  // of a call into the 128-bit routine. (INT64_MIN is left out: its quotient by -1 overflows.)
  constexpr Decimal::Raw k_small = std::numeric_limits<std::int64_t>::max();
  if (n >= -k_small && n <= k_small && d >= -k_small && d <= k_small) {
    const auto n64 = static_cast<std::int64_t>(n);
    const auto d64 = static_cast<std::int64_t>(d);
    q = n64 / d64;
    r = n64 % d64;
  } else {
    q = n / d;
    r = n % d;
  }
  if (r == 0 || mode == RoundingMode::down) return q;
  const bool negative = (n < 0) != (d < 0);
  const U128 twice_r = static_cast<U128>(r < 0 ? -r : r) * 2;
  const U128 abs_d = static_cast<U128>(d < 0 ? -d : d);
  bool away = false;
  if (twice_r > abs_d) away = true;
  else if (twice_r == abs_d) away = mode == RoundingMode::half_up || (q % 2 != 0);
  if (away) q += negative ? -1 : 1;
  return q;
}


} // namespace

namespace {
// Decimal::parse of text of at most 18 digits in all, with at most 12 after the point: what
// manifests and schedules hold. Its value fits 64 bits before scaling and cannot overflow. False
// (with `out` untouched) for anything else, which the general parse then reads, or refuses.
bool parse_short(std::string_view text, Decimal& out) {
  const char* p = text.data();
  const char* const end = p + text.size();
  const bool negative = p != end && *p == '-';
  if (negative) ++p;
  std::uint64_t whole = 0;
  const char* const whole_start = p;
  for (; p != end; ++p) {
    const auto digit = static_cast<unsigned>(static_cast<unsigned char>(*p) - '0');
    if (digit > 9) break;
    whole = whole * 10 + digit;
  }
  const auto whole_digits = p - whole_start;
  std::uint64_t fraction = 0;
  std::ptrdiff_t fraction_digits = 0;
  if (p != end && *p == '.') {
    const char* const fraction_start = ++p;
    for (; p != end; ++p) {
      const auto digit = static_cast<unsigned>(static_cast<unsigned char>(*p) - '0');
      if (digit > 9) break;
      fraction = fraction * 10 + digit;
    }
    fraction_digits = p - fraction_start;
  }
  if (p != end || whole_digits + fraction_digits == 0 || whole_digits + fraction_digits > 18 ||
      fraction_digits > Decimal::k_places)
    return false;
  const Decimal::Raw magnitude =
      static_cast<Decimal::Raw>(whole) * k_one +
      static_cast<Decimal::Raw>(fraction * k_pow10[static_cast<std::size_t>(Decimal::k_places - fraction_digits)]);
  out = Decimal::from_raw(negative ? -magnitude : magnitude);
  return true;
}
} // namespace

Decimal::ParseStatus Decimal::parse(std::string_view text, Decimal& out) {
  if (parse_short(text, out)) return ParseStatus::ok;
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  Raw whole = 0;
  int whole_digits = 0;
  bool overflow = false;
  constexpr Raw k_max = static_cast<Raw>((static_cast<U128>(1) << 127) - 1);
  constexpr Raw k_max_whole = k_max / k_one;
  // Up to 18 digits fit 64 bits: no overflow check needed (and 64-bit arithmetic is cheaper).
  std::uint64_t small = 0;
  for (; i < text.size() && whole_digits < 18 && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits)
    small = small * 10 + static_cast<std::uint64_t>(text[i] - '0');
  whole = static_cast<Raw>(small);
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++whole_digits) {
    const int digit = text[i] - '0';
    if (overflow || whole > (k_max_whole - digit) / 10) overflow = true;
    else whole = whole * 10 + digit;
  }
  // k_places (12) fraction digits fit 64 bits.
  std::uint64_t fraction64 = 0;
  int fraction_digits = 0;
  bool excess = false;
  if (i < text.size() && text[i] == '.') {
    ++i;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i, ++fraction_digits) {
      if (fraction_digits < k_places) fraction64 = fraction64 * 10 + static_cast<std::uint64_t>(text[i] - '0');
      else if (text[i] != '0') excess = true;
    }
  }
  if (i != text.size() || whole_digits + fraction_digits == 0) return ParseStatus::syntax;
  if (overflow) return ParseStatus::overflow;
  if (excess) return ParseStatus::too_many_places;
  static_assert(k_places <= 18);
  fraction64 *= static_cast<std::uint64_t>(pow10(k_places - std::min(fraction_digits, k_places)));
  const auto fraction = static_cast<Raw>(fraction64);
  if (whole == k_max_whole && fraction > k_max % k_one) return ParseStatus::overflow;
  const Raw magnitude = whole * k_one + fraction;
  out = Decimal(negative ? -magnitude : magnitude);
  return ParseStatus::ok;
}

std::optional<Decimal> Decimal::parse(std::string_view text) {
  Decimal d;
  if (parse(text, d) != ParseStatus::ok) return std::nullopt;
  return d;
}

void Decimal::throw_overflow() { throw OverflowError("amount too large for exact arithmetic"); }

Decimal Decimal::operator-() const {
  // Stored values lie within +-(2^127 - 1), so the negation always fits.
  return Decimal(-m_raw);
}

Decimal operator*(Decimal a, Decimal b) {
  if (fits_63(a.m_raw) && fits_63(b.m_raw))
    return Decimal(divide_rounded_raw(a.m_raw * b.m_raw, k_one, RoundingMode::half_even));
  return checked([&] {
    const Checked256 product = Checked256(to_checked(a.m_raw)) * Checked256(to_checked(b.m_raw));
    return Decimal(to_raw(divide_rounded(product, Checked256(to_checked(k_one)),
                                         RoundingMode::half_even)));
  });
}

Decimal Decimal::divided_by(Decimal divisor) const {
  if (divisor.is_zero()) throw Error("division by zero");
  if (fits_63(m_raw) && k_one < (static_cast<Raw>(1) << 40))
    return Decimal(divide_rounded_raw(m_raw * k_one, divisor.m_raw, RoundingMode::half_even));
  return checked([&] {
    const Checked256 n = Checked256(to_checked(m_raw)) * Checked256(to_checked(k_one));
    return Decimal(to_raw(divide_rounded(n, Checked256(to_checked(divisor.m_raw)),
                                         RoundingMode::half_even)));
  });
}

Decimal Decimal::scaled(Decimal numerator, Decimal denominator) const {
  if (denominator.is_zero()) throw Error("division by zero");
  if (fits_63(m_raw) && fits_63(numerator.m_raw))
    return Decimal(divide_rounded_raw(m_raw * numerator.m_raw, denominator.m_raw,
                                      RoundingMode::half_even));
  return checked([&] {
    const Checked256 n = Checked256(to_checked(m_raw)) * Checked256(to_checked(numerator.m_raw));
    return Decimal(to_raw(divide_rounded(n, Checked256(to_checked(denominator.m_raw)),
                                         RoundingMode::half_even)));
  });
}

int Decimal::places_used() const {
  Raw frac = m_raw % k_one;
  if (frac == 0) return 0;
  int places = k_places;
  while (frac % 10 == 0) {
    frac /= 10;
    --places;
  }
  return places;
}

namespace {
// "00".."99": two digits a step (amounts are rendered for every priced line).
constexpr char k_pairs[] = "0001020304050607080910111213141516171819"
                           "2021222324252627282930313233343536373839"
                           "4041424344454647484950515253545556575859"
                           "6061626364656667686970717273747576777879"
                           "8081828384858687888990919293949596979899";

// Writes the decimal text into `out` (room for Decimal::k_max_text bytes); returns its length.
// The text is built backwards from its last digit in a buffer and copied out once.
std::size_t render(Decimal::Raw raw, int min_places, bool grouped, char* out) {
  const bool negative = raw < 0;
  U128 mag = negative ? static_cast<U128>(-(raw + 1)) + 1 : static_cast<U128>(raw);
  U128 whole;
  std::uint64_t frac;
  if (mag >> 64 == 0) { // 64-bit division by a constant is a multiplication
    const auto small = static_cast<std::uint64_t>(mag);
    whole = small / static_cast<std::uint64_t>(k_one);
    frac = small % static_cast<std::uint64_t>(k_one);
  } else {
    const auto one = static_cast<U128>(k_one);
    whole = mag / one;
    frac = static_cast<std::uint64_t>(mag % one);
  }
  char text[Decimal::k_max_text];
  char* const end = text + sizeof text;
  char* p = end;

  // The fraction without its trailing zeros beyond min_places. Most amounts are whole cents
  // written with two places: one test (by a constant) settles it.
  int places = Decimal::k_places;
  if (min_places == 2 && frac % 10000000000 == 0) {
    frac /= 10000000000;
    places = 2;
  } else if (min_places < Decimal::k_places) {
    const int kept = std::max(min_places, 0);
    const auto drop = static_cast<std::uint64_t>(pow10(Decimal::k_places - kept));
    if (frac % drop == 0) {
      frac /= drop;
      places = kept;
    } else {
      while (frac % 10 == 0) {
        frac /= 10;
        --places;
      }
    }
  }
  if (places == 2) {
    p -= 2;
    std::memcpy(p, k_pairs + frac * 2, 2);
  } else {
    for (int i = 0; i < places; ++i) {
      *--p = static_cast<char>('0' + static_cast<int>(frac % 10));
      frac /= 10;
    }
  }
  if (places > 0) *--p = '.';

  if (!grouped && whole >> 64 == 0) {
    auto w = static_cast<std::uint64_t>(whole);
    while (w >= 100) {
      p -= 2;
      std::memcpy(p, k_pairs + (w % 100) * 2, 2);
      w /= 100;
    }
    if (w >= 10) {
      p -= 2;
      std::memcpy(p, k_pairs + w * 2, 2);
    } else {
      *--p = static_cast<char>('0' + static_cast<int>(w));
    }
  } else if (whole >> 64 == 0) {
    auto w = static_cast<std::uint64_t>(whole);
    for (int digits = 0; digits == 0 || w != 0; ++digits) {
      if (grouped && digits > 0 && digits % 3 == 0) *--p = ',';
      *--p = static_cast<char>('0' + static_cast<int>(w % 10));
      w /= 10;
    }
  } else {
    for (int digits = 0; digits == 0 || whole != 0; ++digits) {
      if (grouped && digits > 0 && digits % 3 == 0) *--p = ',';
      *--p = static_cast<char>('0' + static_cast<int>(whole % 10));
      whole /= 10;
    }
  }
  if (negative) *--p = '-';
  const auto length = static_cast<std::size_t>(end - p);
  std::memcpy(out, p, length);
  return length;
}
} // namespace

std::size_t Decimal::to_chars(char* out, int min_places) const {
  return render(m_raw, min_places, false, out);
}

std::string Decimal::to_string(int min_places) const {
  char text[k_max_text];
  return std::string(text, render(m_raw, min_places, false, text));
}

std::string Decimal::to_grouped_string(int min_places) const {
  char text[k_max_text];
  return std::string(text, render(m_raw, min_places, true, text));
}

Decimal round(Decimal value, int places, RoundingMode mode) {
  if (places < 0 || places > Decimal::k_places) throw Error("rounding places must be 0 to 12");
  if (places == Decimal::k_places) return value;
  constexpr std::int64_t k_cent = 10000000000; // 10^-2 in raw units
  constexpr std::int64_t k_small = std::numeric_limits<std::int64_t>::max();
  if (places == 2 && value.raw() >= -k_small && value.raw() <= k_small) {
    // To whole cents, as schedules round: the same arithmetic by a constant divisor, which the
    // compiler turns into a multiplication (a division by a variable takes tens of cycles).
    const auto n = static_cast<std::int64_t>(value.raw());
    std::int64_t q = n / k_cent;
    const std::int64_t r = n % k_cent;
    if (r != 0 && mode != RoundingMode::down) {
      const std::int64_t twice = (r < 0 ? -r : r) * 2;
      if (twice > k_cent || (twice == k_cent && (mode == RoundingMode::half_up || q % 2 != 0)))
        q += n < 0 ? -1 : 1;
    }
    return Decimal::from_raw(static_cast<Decimal::Raw>(q) * k_cent);
  }
  const Decimal::Raw unit = pow10(Decimal::k_places - places);
  if (fits_63(value.raw())) return Decimal::from_raw(divide_rounded_raw(value.raw(), unit, mode) * unit);
  return checked([&] {
    const Checked256 q = divide_rounded(Checked256(to_checked(value.raw())),
                                        Checked256(to_checked(unit)), mode);
    return Decimal::from_raw(to_raw(q * Checked256(to_checked(unit))));
  });
}

std::optional<RoundingMode> parse_rounding_mode(std::string_view text) {
  if (text == "half-up") return RoundingMode::half_up;
  if (text == "half-even") return RoundingMode::half_even;
  if (text == "down") return RoundingMode::down;
  return std::nullopt;
}

std::string_view to_string(RoundingMode mode) {
  switch (mode) {
  case RoundingMode::half_up: return "half-up";
  case RoundingMode::half_even: return "half-even";
  case RoundingMode::down: return "down";
  }
  return "half-up";
}

} // namespace dutycalc
