// Dated exchange rates from an --fx CSV file (`date,currency,rate`): `rate` is what one unit of
// `currency` is worth in the schedule's currency on `date` (1 EUR = 1.0856 USD: 2024-03-15,EUR,1.0856).
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace dutycalc::fx {

class FxTable {
public:
  // Parses the CSV text; `display_name` names it in messages. Throws Error with line and column
  // on a malformed row, an unknown currency, a rate that is not a positive decimal, or the same
  // date and currency twice.
  static FxTable parse(std::string_view text, const std::string& display_name);

  // The rate for `currency` on exactly `date`, or nullopt.
  std::optional<Decimal> rate(const Currency& currency, Date date) const;
  const std::string& name() const { return m_name; }
  bool empty() const { return m_rates.empty(); }

private:
  std::string m_name;
  std::map<std::pair<std::string, std::int32_t>, Decimal> m_rates;
};

} // namespace dutycalc::fx
