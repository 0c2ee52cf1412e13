#include <dutycalc/money/currency.hpp>

#include <algorithm>

namespace dutycalc {

namespace {
struct Entry {
  std::string_view code;
  int minor_units;
};
// ISO 4217 minor units of the currencies importers meet; sorted for binary search.
constexpr Entry k_currencies[] = {
    {"AED", 2}, {"ARS", 2}, {"AUD", 2}, {"BGN", 2}, {"BHD", 3}, {"BRL", 2}, {"CAD", 2},
    {"CHF", 2}, {"CLP", 0}, {"CNY", 2}, {"COP", 2}, {"CZK", 2}, {"DKK", 2}, {"EGP", 2},
    {"EUR", 2}, {"GBP", 2}, {"HKD", 2}, {"HUF", 2}, {"IDR", 2}, {"ILS", 2}, {"INR", 2},
    {"ISK", 0}, {"JOD", 3}, {"JPY", 0}, {"KRW", 0}, {"KWD", 3}, {"MAD", 2}, {"MXN", 2},
    {"MYR", 2}, {"NOK", 2}, {"NZD", 2}, {"OMR", 3}, {"PEN", 2}, {"PHP", 2}, {"PKR", 2},
    {"PLN", 2}, {"RON", 2}, {"RUB", 2}, {"SAR", 2}, {"SEK", 2}, {"SGD", 2}, {"THB", 2},
    {"TRY", 2}, {"TWD", 2}, {"UAH", 2}, {"USD", 2}, {"VND", 0}, {"ZAR", 2},
};
} // namespace

std::optional<Currency> Currency::from_code(std::string_view code) {
  const auto it = std::lower_bound(std::begin(k_currencies), std::end(k_currencies), code,
                                   [](const Entry& e, std::string_view c) { return e.code < c; });
  if (it == std::end(k_currencies) || it->code != code) return std::nullopt;
  return Currency({code[0], code[1], code[2]}, it->minor_units);
}

Currency Currency::usd() { return Currency({'U', 'S', 'D'}, 2); }
Currency Currency::eur() { return Currency({'E', 'U', 'R'}, 2); }

} // namespace dutycalc
