// An amount in a currency: the one type amounts in results and reports have.
#pragma once

#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>

namespace dutycalc {

struct Money {
  Decimal amount;
  Currency currency;

  friend bool operator==(const Money&, const Money&) = default;
};

// The amount rounded to the currency's minor units (the documented rounding point is the caller's).
inline Money round_to_minor(Money m, RoundingMode mode) {
  return {round(m.amount, m.currency.minor_units(), mode), m.currency};
}

} // namespace dutycalc
