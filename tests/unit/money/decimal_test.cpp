#include <dutycalc/error.hpp>
#include <dutycalc/money/decimal.hpp>

#include <boost/multiprecision/cpp_int.hpp>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

using dutycalc::Decimal;
using dutycalc::RoundingMode;

namespace {
Decimal dec(const char* text) { return Decimal::parse(text).value(); }
} // namespace

TEST_CASE("Decimal::parse") {
  CHECK(dec("1234.56").to_string() == "1234.56");
  CHECK(dec("-1").to_string() == "-1");
  CHECK(dec(".5").to_string() == "0.5");
  CHECK(dec("007.50").to_string(2) == "7.50");
  Decimal d;
  CHECK(Decimal::parse("1,000.00", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("1e5", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("NaN", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("+1", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("-", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse(".", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("1.", d) == Decimal::ParseStatus::ok);
  CHECK(Decimal::parse("12,5O", d) == Decimal::ParseStatus::syntax);
  CHECK(Decimal::parse("1234567890123456789012345678901234567890", d) ==
        Decimal::ParseStatus::overflow);
  CHECK(Decimal::parse("0.0000000000001", d) == Decimal::ParseStatus::too_many_places);
  CHECK(Decimal::parse("0.1000000000000000", d) == Decimal::ParseStatus::ok);
}

TEST_CASE("Decimal arithmetic is exact") {
  CHECK((dec("0.1") + dec("0.2")) == dec("0.3"));
  CHECK((dec("1000.00") * dec("0.10")) == dec("100"));
  CHECK((dec("5566") * dec("0.015")).to_string(2) == "83.49");
  CHECK((dec("100000") * dec("0.003464")) == dec("346.4"));
  CHECK(dec("300").divided_by(dec("3")) == dec("100"));
  CHECK(dec("1").divided_by(dec("3")).to_string() == "0.333333333333");
  CHECK(dec("100").scaled(dec("1"), dec("3")).to_string() == "33.333333333333");
  CHECK_THROWS_AS(dec("1").divided_by(dec("0")), dutycalc::Error);
}

TEST_CASE("Decimal overflow is an error, never a wrong number") {
  const Decimal big = dec("100000000000000000000000000"); // 1e26
  CHECK_THROWS_AS(big + big, dutycalc::OverflowError);
  CHECK_THROWS_AS(big * big, dutycalc::OverflowError);
  CHECK_THROWS_AS(-big - big, dutycalc::OverflowError);
}

TEST_CASE("round") {
  CHECK(round(dec("0.125"), 2, RoundingMode::half_up) == dec("0.13"));
  CHECK(round(dec("-0.125"), 2, RoundingMode::half_up) == dec("-0.13"));
  CHECK(round(dec("0.125"), 2, RoundingMode::half_even) == dec("0.12"));
  CHECK(round(dec("0.135"), 2, RoundingMode::half_even) == dec("0.14"));
  CHECK(round(dec("0.129"), 2, RoundingMode::down) == dec("0.12"));
  CHECK(round(dec("-0.129"), 2, RoundingMode::down) == dec("-0.12"));
  CHECK(round(dec("99.9999999999"), 2, RoundingMode::half_up) == dec("100"));
  CHECK(round(dec("83.49"), 0, RoundingMode::half_up) == dec("83"));
  CHECK(round(dec("2.5"), 0, RoundingMode::half_even) == dec("2"));
}

TEST_CASE("Decimal::to_grouped_string") {
  CHECK(dec("1234567.5").to_grouped_string(2) == "1,234,567.50");
  CHECK(dec("-999").to_grouped_string(2) == "-999.00");
  CHECK(dec("0").to_grouped_string(2) == "0.00");
}

TEST_CASE("Decimal text keeps every fraction digit it needs and at least min_places") {
  CHECK(dec("0.000000000001").to_string() == "0.000000000001");
  CHECK(dec("0.000000000001").to_string(2) == "0.000000000001");
  CHECK(dec("-0.1").to_string(2) == "-0.10");
  CHECK(dec("12.3400").to_string(0) == "12.34");
  CHECK(dec("12.345").to_string(2) == "12.345");
  CHECK(dec("12").to_string(2) == "12.00");
  CHECK(dec("12").to_string(0) == "12");
  CHECK(dec("0").to_string(3) == "0.000");
  CHECK(dec("1.1").to_string(12) == "1.100000000000");
  CHECK(dec("1.1").to_string(14) == "1.100000000000");
  char text[Decimal::k_max_text];
  CHECK(std::string_view(text, dec("-1234567.89").to_chars(text, 2)) == "-1234567.89");
}

TEST_CASE("Decimal text of whole parts of every length, as the integer's own digits") {
  // The whole part is written two digits at a time: every length, odd and even, and the
  // boundaries where a digit is added, against std::to_string of the same integer.
  std::vector<std::int64_t> wholes = {0, 1, 9, 10, 11, 99, 100, 101, 999, 1000, 1001};
  for (std::int64_t p = 10; p <= 1000000; p *= 10)
    for (std::int64_t w = p - 3; w <= p + 3; ++w) wholes.push_back(w);
  for (std::int64_t w = 0; w < 20000; w += 7) wholes.push_back(w);
  wholes.push_back(9223372); // about the largest whole part in 64 bits of raw units
  for (const std::int64_t w : wholes) {
    const Decimal d = Decimal::from_integer(w);
    REQUIRE(d.to_string(2) == std::to_string(w) + ".00");
    REQUIRE((-d).to_string(0) == (w == 0 ? "0" : "-" + std::to_string(w)));
  }
  // Past 64 bits of raw units the 128-bit path writes the digits.
  CHECK(Decimal::from_integer(123456789012345).to_string(2) == "123456789012345.00");
  // Every 64-bit integer, the extremes included.
  CHECK(Decimal::from_integer(INT64_MAX).to_string() == "9223372036854775807");
  CHECK(Decimal::from_integer(INT64_MIN).to_string() == "-9223372036854775808");
  CHECK(Decimal::from_integer(-100) == dec("-100"));
  CHECK(dec("98765432109876543.21").to_grouped_string(2) == "98,765,432,109,876,543.21");
}

namespace {
namespace mp = boost::multiprecision;

// a * b / d rounded half to even, worked out in a wide type with no shortcuts (raw values).
mp::int256_t reference_quotient(Decimal::Raw a, Decimal::Raw b, Decimal::Raw divisor) {
  const mp::int256_t n = mp::int256_t(a) * mp::int256_t(b);
  const mp::int256_t d(divisor);
  mp::int256_t q = n / d;
  const mp::int256_t r = n % d;
  const mp::int256_t twice = (r < 0 ? mp::int256_t(-r) : r) * 2;
  const mp::int256_t abs_d = d < 0 ? mp::int256_t(-d) : d;
  if (twice > abs_d || (twice == abs_d && q % 2 != 0)) q += ((n < 0) != (d < 0)) ? -1 : 1;
  return q;
}
mp::int256_t reference_product(Decimal a, Decimal b) {
  return reference_quotient(a.raw(), b.raw(), 1000000000000);
}
} // namespace

TEST_CASE("Decimal products equal the wide reference on every path, signs and ties included") {
  // Raw values (units of 10^-12) near the edges of the 64-bit and the one-instruction paths:
  // products whose quotient is just under or over 2^64, and halves to round.
  const mp::int256_t two_64 = mp::int256_t(1) << 64;
  std::vector<Decimal::Raw> raws = {0, 1, 5, 500000000000, 1500000000000, 2500000000000,
                                    INT64_MAX, static_cast<Decimal::Raw>(INT64_MAX) + 1,
                                    static_cast<Decimal::Raw>(1) << 64,
                                    4294967296000000, 4294967297000000, 4294967295999999,
                                    18446744073709551615ull / 1000 * 1000, 1000000000000,
                                    123456789012345678, 3000000000000000000};
  // And a spread of ordinary and large amounts.
  std::uint64_t state = 0x2545F4914F6CDD1Dull;
  for (int i = 0; i < 200; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    raws.push_back(static_cast<Decimal::Raw>(state >> (i % 40)));
  }
  const std::size_t count = raws.size();
  for (std::size_t i = 0; i < count; ++i) raws.push_back(-raws[i]);
  const mp::int256_t limit = (mp::int256_t(1) << 127) - 1;
  int wide = 0;
  for (const Decimal::Raw x : raws) {
    for (const Decimal::Raw y : raws) {
      const Decimal a = Decimal::from_raw(x);
      const Decimal b = Decimal::from_raw(y);
      const mp::int256_t want = reference_product(a, b);
      if (want > limit || want < -limit) {
        CHECK_THROWS_AS(a * b, dutycalc::OverflowError);
        continue;
      }
      if (want >= two_64 || want <= -two_64) ++wide;
      const Decimal got = a * b;
      INFO(a.to_string() << " * " << b.to_string());
      CHECK(mp::int256_t(got.raw()) == want);
    }
  }
  CHECK(wide > 100); // quotients past 64 bits, which one instruction cannot give, were tried

  // a.scaled(b, d) = a * b / d (a share of an entry's fee: d is the entry's value).
  const std::vector<Decimal::Raw> divisors = {1, -3, 7000000000000, 999999999999999,
                                              static_cast<Decimal::Raw>(INT64_MAX) + 5,
                                              -(static_cast<Decimal::Raw>(1) << 70)};
  for (std::size_t i = 0; i < raws.size(); i += 3) {
    for (std::size_t j = 0; j < raws.size(); j += 5) {
      for (const Decimal::Raw d : divisors) {
        const mp::int256_t want = reference_quotient(raws[i], raws[j], d);
        const Decimal a = Decimal::from_raw(raws[i]);
        const Decimal b = Decimal::from_raw(raws[j]);
        const Decimal c = Decimal::from_raw(d);
        if (want > limit || want < -limit) {
          CHECK_THROWS_AS(a.scaled(b, c), dutycalc::OverflowError);
          continue;
        }
        INFO(a.to_string() << " * " << b.to_string() << " / " << c.to_string());
        CHECK(mp::int256_t(a.scaled(b, c).raw()) == want);
      }
    }
  }
}

namespace {
// The text of raw value `raw` (units of 10^-12) written the slow way, from the integer's digits:
// at least `min_places` fraction digits and no trailing zero beyond them; grouped by thousands.
std::string reference_text(Decimal::Raw raw, int min_places, bool grouped) {
  const mp::int256_t value(raw);
  std::string digits = (value < 0 ? mp::int256_t(-value) : value).str();
  if (digits.size() < 13) digits.insert(0, 13 - digits.size(), '0');
  std::string whole = digits.substr(0, digits.size() - 12);
  std::string fraction = digits.substr(digits.size() - 12);
  while (fraction.size() > static_cast<std::size_t>(std::max(min_places, 0)) && fraction.back() == '0')
    fraction.pop_back();
  if (grouped)
    for (std::size_t at = whole.size(); at > 3; at -= 3) whole.insert(at - 3, ",");
  return (value < 0 ? "-" : "") + whole + (fraction.empty() ? "" : "." + fraction);
}
} // namespace

TEST_CASE("Decimal text is the digits of its raw integer, for every number of places") {
  std::vector<Decimal::Raw> raws = {0, 1, 10, 999999999999, 1000000000000, 1230000000000,
                                    1234500000000, 1000000000001, 99990000000000,
                                    123000000000, 1005000000000, 120000000000, 100000000,
                                    INT64_MAX, static_cast<Decimal::Raw>(INT64_MAX) + 1,
                                    (static_cast<Decimal::Raw>(1) << 100) + 12345,
                                    static_cast<Decimal::Raw>(INT64_MAX) << 64 | static_cast<Decimal::Raw>(UINT64_MAX)};
  std::uint64_t state = 0x9E3779B97F4A7C15ull;
  for (int i = 0; i < 300; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    Decimal::Raw r = static_cast<Decimal::Raw>(state >> (i % 50));
    if (i % 3 == 0) r = r / 10000000000 * 10000000000; // whole cents, as most amounts are
    if (i % 5 == 0) r = r / 1000000000 * 1000000000;    // a tenth of a cent
    if (i % 7 == 0) r = r * 1000003;                    // past 64 bits
    raws.push_back(r);
  }
  const std::size_t count = raws.size();
  for (std::size_t i = 0; i < count; ++i) raws.push_back(-raws[i]);
  for (const Decimal::Raw raw : raws) {
    const Decimal d = Decimal::from_raw(raw);
    for (int places = 0; places <= 12; ++places) {
      INFO("raw " << mp::int256_t(raw).str() << ", places " << places);
      REQUIRE(d.to_string(places) == reference_text(raw, places, false));
      REQUIRE(d.to_grouped_string(places) == reference_text(raw, places, true));
      char text[Decimal::k_max_text];
      REQUIRE(std::string_view(text, d.to_chars(text, places)) == reference_text(raw, places, false));
    }
  }
}

namespace {
// Decimal::parse worked out the slow way: the status it must give and, when ok, the raw value.
std::pair<Decimal::ParseStatus, mp::int256_t> reference_parse(const std::string& text) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  std::string whole, fraction;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') whole += text[i++];
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') fraction += text[i++];
  }
  if (i != text.size() || whole.size() + fraction.size() == 0) return {Decimal::ParseStatus::syntax, 0};
  while (fraction.size() > 12 && fraction.back() == '0') fraction.pop_back();
  const mp::int256_t limit = (mp::int256_t(1) << 127) - 1;
  // Digit by digit (Boost would read a leading 0 as octal).
  const auto number = [](const std::string& digits) {
    mp::int256_t n = 0;
    for (const char c : digits) n = n * 10 + (c - '0');
    return n;
  };
  mp::int256_t value = number(whole);
  if (value * number("1000000000000") > limit) return {Decimal::ParseStatus::overflow, 0};
  if (fraction.size() > 12) return {Decimal::ParseStatus::too_many_places, 0};
  fraction.resize(12, '0');
  value = value * number("1000000000000") + number(fraction);
  if (value > limit) return {Decimal::ParseStatus::overflow, 0};
  return {Decimal::ParseStatus::ok, negative ? mp::int256_t(-value) : value};
}
} // namespace

TEST_CASE("Decimal::parse agrees with the slow reading of the text, short and long") {
  std::vector<std::string> texts = {"0", "-0", "1.", ".5", "-.5", "00012.340", "123456789012345678",
                                    "1234567890123456789", "0.123456789012", "0.1234567890123",
                                    "0.1234567890120", "999999.999999999999", "12.345678901234",
                                    "170141183460469231731687303.715884105727",
                                    "170141183460469231731687303.715884105728", "1e5", "1,5", "--1",
                                    "-", ".", "", " 1", "1 ", "+1", "1.2.3", "١"};
  std::uint64_t state = 0x853C49E6748FEA9Bull;
  const std::string alphabet = "0123456789012345678901234567890123456789.-x";
  for (int n = 0; n < 20000; ++n) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    std::string text;
    const auto length = static_cast<std::size_t>(state >> 59); // 0..31
    for (std::size_t k = 0; k < length; ++k) {
      state = state * 6364136223846793005ull + 1442695040888963407ull;
      // Mostly digits, a point now and then, rarely a sign or a stray letter.
      const auto pick = static_cast<std::size_t>(state >> 58) % alphabet.size();
      text += alphabet[pick];
    }
    texts.push_back(text);
  }
  for (const std::string& text : texts) {
    INFO("text '" << text << "'");
    const auto [status, raw] = reference_parse(text);
    Decimal d;
    REQUIRE(Decimal::parse(text, d) == status);
    if (status == Decimal::ParseStatus::ok) REQUIRE(mp::int256_t(d.raw()) == raw);
  }
}

TEST_CASE("round gives the nearest multiple the slow way gives, for every place and mode") {
  std::vector<Decimal::Raw> raws = {0, 1, 4999999999, 5000000000, 5000000001, 15000000000,
                                    25000000000, 10000000000, 9999999999, INT64_MAX,
                                    static_cast<Decimal::Raw>(INT64_MAX) + 1};
  std::uint64_t state = 0xDA3E39CB94B95BDBull;
  for (int i = 0; i < 2000; ++i) {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    Decimal::Raw r = static_cast<Decimal::Raw>(state >> (i % 40));
    if (i % 4 == 0) r = r / 1000000000 * 1000000000 + 500000000 * (i % 8 == 0); // ties
    raws.push_back(r);
  }
  const std::size_t count = raws.size();
  for (std::size_t i = 0; i < count; ++i) raws.push_back(-raws[i]);
  for (const Decimal::Raw raw : raws) {
    for (int places = 0; places < 12; ++places) {
      mp::int256_t unit = 1;
      for (int k = places; k < 12; ++k) unit *= 10;
      for (const RoundingMode mode : {RoundingMode::half_up, RoundingMode::half_even, RoundingMode::down}) {
        const mp::int256_t n(raw);
        mp::int256_t q = n / unit;
        const mp::int256_t r = n % unit;
        const mp::int256_t twice = (r < 0 ? mp::int256_t(-r) : r) * 2;
        if (r != 0 && mode != RoundingMode::down &&
            (twice > unit || (twice == unit && (mode == RoundingMode::half_up || q % 2 != 0))))
          q += n < 0 ? -1 : 1;
        INFO("raw " << n.str() << ", places " << places);
        REQUIRE(mp::int256_t(round(Decimal::from_raw(raw), places, mode).raw()) == q * unit);
      }
    }
  }
}
