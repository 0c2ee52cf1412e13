#include <dutycalc/schedule/landed_cost_rules.hpp>

#include <algorithm>

namespace dutycalc::schedule {

bool Fee::applies(Decimal entry_value, manifest::TransportMode mode, Date date) const {
  if (!window.contains(date)) return false;
  if (entry_value_above && !(entry_value > *entry_value_above)) return false;
  if (entry_value_at_most && entry_value > *entry_value_at_most) return false;
  return modes.empty() || std::find(modes.begin(), modes.end(), mode) != modes.end();
}

bool Tax::applies(CountryCode destination, Date date) const {
  if (!open_start && date < window.from) return false;
  if (window.to && date >= *window.to) return false;
  return std::find(destinations.begin(), destinations.end(), destination) != destinations.end();
}

} // namespace dutycalc::schedule
