// ISO 4217 currencies: a three-letter code and the number of minor-unit digits amounts show.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace dutycalc {

class Currency {
public:
  constexpr Currency() = default;
  // Known ISO 4217 codes only (upper case); nullopt for anything else.
  static std::optional<Currency> from_code(std::string_view code);
  static Currency usd();
  static Currency eur();

  std::string_view code() const { return {m_code.data(), 3}; }
  int minor_units() const { return m_minor_units; }

  friend bool operator==(const Currency&, const Currency&) = default;

private:
  constexpr Currency(std::array<char, 3> code, int minor) : m_code(code), m_minor_units(minor) {}
  std::array<char, 3> m_code{'U', 'S', 'D'};
  int m_minor_units = 2;
};

} // namespace dutycalc
