// Harmonized System tariff codes, 4 to 10 digits, in every spelling manifests use.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dutycalc {

// A normalised code: its digits (4 to 10 of them; manifests give 6 to 10) packed in an integer.
class HsCode {
public:
  constexpr HsCode() = default;

  // Accepts digits with optional '.' between digit groups ("7208.51.0030", "7208.51.00.30",
  // "7208510030", "720851"), surrounding spaces trimmed. `min_digits` is 6 for manifests and 4
  // for tariff tables (headings). On failure returns nullopt and, when `why` is given, says why.
  static std::optional<HsCode> parse(std::string_view text, int min_digits = 6,
                                     std::string* why = nullptr);

  int length() const { return m_length; }
  std::uint64_t digits_value() const { return m_digits; }
  // The first `n` digits (n <= length()).
  HsCode prefix(int n) const;
  bool starts_with(const HsCode& prefix) const;

  std::string digits() const;    // "7208510030"
  std::string formatted() const; // "7208.51.00.30"
  // A single integer that orders codes like their digit strings and differs by length:
  // usable as a map key.
  std::uint64_t key() const { return m_digits * 16 + static_cast<std::uint64_t>(m_length); }

  friend bool operator==(const HsCode&, const HsCode&) = default;

private:
  std::uint64_t m_digits = 0;
  int m_length = 0;
};

} // namespace dutycalc
