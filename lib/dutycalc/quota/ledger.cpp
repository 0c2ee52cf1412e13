// What the two ledgers share: reading the --lock-timeout option.
#include <dutycalc/quota/ledger.hpp>

namespace dutycalc::quota {

std::optional<std::chrono::milliseconds> parse_lock_timeout(std::string_view seconds) {
  const auto value = Decimal::parse(seconds);
  if (!value || value->sign() < 0) return std::nullopt;
  const Decimal millis = *value * Decimal::from_integer(1000);
  if (millis.places_used() > 0 || millis > Decimal::from_integer(24 * 3600 * 1000))
    return std::nullopt;
  static_assert(Decimal::k_places == 12);
  constexpr Decimal::Raw k_raw_one = 1'000'000'000'000; // 10^k_places
  return std::chrono::milliseconds(static_cast<long long>(millis.raw() / k_raw_one));
}

} // namespace dutycalc::quota
