#include <dutycalc/quota/allocation.hpp>

#include <algorithm>
#include <numeric>
#include <set>
#include <tuple>

namespace dutycalc::quota {

const Quota* quota_for(const schedule::Schedule& schedule, HsCode code,
                       schedule::CountryCode origin, schedule::CountryCode melt_country, Date date) {
  for (const Quota& quota : schedule.quotas)
    if (quota.reaches(code, origin, melt_country, date)) return &quota;
  return nullptr;
}

std::optional<Decimal> quota_quantity(const Quota& quota, Decimal value,
                                      const rate::Quantities& quantities) {
  if (quota.unit.is_value) return value;
  return quantities.in(quota.unit.unit);
}

std::vector<QuotaDraw> allocate(const std::vector<QuotaClaim>& claims, Ledger& ledger) {
  std::vector<std::size_t> order(claims.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(claims[a].date, claims[a].record) < std::tie(claims[b].date, claims[b].record);
  });

  std::vector<QuotaDraw> draws(claims.size());
  std::set<std::tuple<std::string, std::string, std::string>> cleared; // quota, period, entry
  for (const std::size_t i : order) {
    const QuotaClaim& claim = claims[i];
    QuotaDraw& draw = draws[i];
    draw.quota = claim.quota;
    draw.period = claim.quota->period_of(claim.date).label;
    if (!claim.quantity) {
      draw.missing_quantity = true;
      continue;
    }
    if (cleared.emplace(claim.quota->id, draw.period, claim.entry).second)
      ledger.clear_entry(claim.quota->id, draw.period, claim.entry);
    const Decimal drawn = ledger.drawn(claim.quota->id, draw.period);
    const Decimal left = drawn < claim.quota->volume ? claim.quota->volume - drawn : Decimal{};
    draw.in = std::min(*claim.quantity, left);
    draw.over = *claim.quantity - draw.in;
    // A line over an absolute quota is refused as a whole: it draws nothing, and what it shows
    // as "in" is only what was left.
    const bool refused = claim.quota->kind == QuotaKind::absolute && draw.over.sign() > 0;
    if (draw.in.sign() > 0 && !refused)
      ledger.add(claim.quota->id, draw.period, claim.entry, draw.in);
  }
  return draws;
}

} // namespace dutycalc::quota
