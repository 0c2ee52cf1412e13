#include <dutycalc/hs_code.hpp>

#include <dutycalc/util/trim.hpp>

#include <fmt/format.h>

namespace dutycalc {

namespace {
constexpr std::uint64_t k_pow10[] = {1,      10,      100,      1000,      10000,     100000,
                                     1000000, 10000000, 100000000, 1000000000, 10000000000};

} // namespace

std::optional<HsCode> HsCode::parse(std::string_view text, int min_digits, std::string* why) {
  const auto fail = [&](std::string message) -> std::optional<HsCode> {
    if (why) *why = std::move(message);
    return std::nullopt;
  };
  const std::string_view code = trim_blanks(text);
  if (code.empty()) return fail("empty HS code");
  HsCode out;
  // The usual spelling of a ten-digit code, "7208.51.00.30", read without the general loop's
  // tests: a manifest line's code goes through here.
  if (code.size() == 13 && code[4] == '.' && code[7] == '.' && code[10] == '.' && min_digits <= 10) {
    constexpr std::size_t k_places[10] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12};
    std::uint64_t digits = 0;
    unsigned not_digits = 0;
    for (const std::size_t at : k_places) {
      const auto d = static_cast<unsigned>(static_cast<unsigned char>(code[at])) - '0';
      not_digits |= d > 9 ? 1u : 0u;
      digits = digits * 10 + d;
    }
    if (not_digits == 0) {
      out.m_digits = digits;
      out.m_length = 10;
      return out;
    }
  }
  bool last_was_dot = true; // a dot may not lead, trail or double
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c >= '0' && c <= '9') {
      if (out.m_length == 10) return fail(fmt::format("HS code '{}' has more than 10 digits", code));
      out.m_digits = out.m_digits * 10 + static_cast<std::uint64_t>(c - '0');
      ++out.m_length;
      last_was_dot = false;
    } else if (c == '.' && !last_was_dot && i + 1 < code.size()) {
      last_was_dot = true;
    } else {
      return fail(fmt::format("HS code '{}' has a character that is not a digit or '.'", code));
    }
  }
  if (out.m_length < min_digits)
    return fail(fmt::format("HS code '{}' has fewer than {} digits", code, min_digits));
  if (out.m_length % 2 != 0)
    return fail(fmt::format("HS code '{}' has an odd number of digits", code));
  return out;
}

HsCode HsCode::prefix(int n) const {
  if (n >= m_length) return *this;
  HsCode p;
  p.m_digits = m_digits / k_pow10[m_length - n];
  p.m_length = n;
  return p;
}

bool HsCode::starts_with(const HsCode& p) const {
  return p.m_length <= m_length && prefix(p.m_length) == p;
}

std::string HsCode::digits() const {
  char text[20];
  std::uint64_t v = m_digits;
  for (int i = m_length - 1; i >= 0; --i) {
    text[i] = static_cast<char>('0' + v % 10);
    v /= 10;
  }
  return std::string(text, static_cast<std::size_t>(m_length));
}

std::string HsCode::formatted() const {
  const std::string d = digits();
  std::string out = d.substr(0, 4);
  for (std::size_t i = 4; i < d.size(); i += 2) {
    out.push_back('.');
    out.append(d, i, 2);
  }
  return out;
}

} // namespace dutycalc
