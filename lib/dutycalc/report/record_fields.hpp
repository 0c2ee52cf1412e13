// The result columns of one priced line as text, shared by the CSV and JSON Lines writers so the
// two always carry the same values.
#pragma once

#include <dutycalc/pricing/line_result.hpp>

#include <array>
#include <string>
#include <string_view>

namespace dutycalc::report {

class ResultFields {
public:
  // Amounts are plain decimals with the currency's minor units; failed lines show none.
  explicit ResultFields(const pricing::LineResult& result);
  std::size_t size() const { return m_fields.size(); }
  std::string_view operator[](std::size_t i) const { return m_fields[i]; }
  // Whether field `i` is made of digits, '.', '-' and letters only (the amounts and the status),
  // so that no CSV quoting or JSON escaping can apply to it.
  static bool is_plain(std::size_t i) { return (i >= 2 && i <= 3) || (i >= 5 && i <= 8); }

private:
  // base, additional, fees, taxes, landed: text kept here, without allocating
  std::array<std::array<char, Decimal::k_max_text>, 5> m_amounts;
  std::array<std::string_view, 10> m_fields;
};

} // namespace dutycalc::report
