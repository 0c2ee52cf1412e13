#include <dutycalc/quota/allocation.hpp>

#include <algorithm>
#include <cstdint>
#include <numeric>
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

namespace {

// FNV-1a over the bytes of `text`, continuing from `h`.
std::uint64_t hash_bytes(std::uint64_t h, std::string_view text) {
  for (const char c : text) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ull;
  }
  return h;
}

// The order claims are drawn in: date, then record (then their place in the list, so that the
// order is total). Claims usually come in record order, as a manifest's first pass finds them:
// then a claim's date and place, packed into one number, sort it without looking at the claims.
std::vector<std::size_t> drawing_order(const std::vector<QuotaClaim>& claims) {
  std::vector<std::size_t> order(claims.size());
  const bool in_record_order =
      claims.size() <= 0xFFFFFFFFu &&
      std::is_sorted(claims.begin(), claims.end(),
                     [](const QuotaClaim& a, const QuotaClaim& b) { return a.record < b.record; });
  if (in_record_order) {
    std::vector<std::uint64_t> keys(claims.size());
    for (std::size_t i = 0; i < claims.size(); ++i) {
      const auto day = static_cast<std::uint32_t>(claims[i].date.days()) ^ 0x80000000u;
      keys[i] = std::uint64_t{day} << 32 | i;
    }
    std::sort(keys.begin(), keys.end());
    for (std::size_t i = 0; i < keys.size(); ++i) order[i] = keys[i] & 0xFFFFFFFFu;
    return order;
  }
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(claims[a].date, claims[a].record, a) < std::tie(claims[b].date, claims[b].record, b);
  });
  return order;
}

// Which claims clear their entry's earlier draw: an entry's first claim on a quota period in
// drawing order (`rank` is each claim's place in it), among the claims that have a quantity. The
// claims are sorted by a hash of quota, period and entry, the whole of them where hashes are
// equal, then by drawing order, and the first of each run is taken: one bit per claim, where a
// set of the (quota, period, entry) met so far took a node of three strings per entry.
std::vector<bool> first_claims(const std::vector<QuotaClaim>& claims,
                               const std::vector<QuotaDraw>& draws,
                               const std::vector<std::size_t>& rank) {
  struct Item {
    std::uint64_t hash;
    std::size_t claim;
  };
  std::vector<Item> items;
  items.reserve(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    if (draws[i].missing_quantity) continue; // draws nothing, clears nothing
    std::uint64_t h = 0xCBF29CE484222325ull;
    h = hash_bytes(h, claims[i].quota->id);
    h = hash_bytes(h ^ 0xFF, draws[i].period);
    h = hash_bytes(h ^ 0xFF, claims[i].entry);
    items.push_back({h, i});
  }
  const auto group = [&](std::size_t i) {
    return std::tie(claims[i].quota->id, draws[i].period, claims[i].entry);
  };
  std::sort(items.begin(), items.end(), [&](const Item& a, const Item& b) {
    if (a.hash != b.hash) return a.hash < b.hash;
    const auto ga = group(a.claim);
    const auto gb = group(b.claim);
    if (ga != gb) return ga < gb;
    return rank[a.claim] < rank[b.claim];
  });
  std::vector<bool> first(claims.size());
  for (std::size_t k = 0; k < items.size(); ++k)
    first[items[k].claim] = k == 0 || items[k].hash != items[k - 1].hash ||
                            group(items[k].claim) != group(items[k - 1].claim);
  return first;
}

} // namespace

std::vector<QuotaDraw> allocate(const std::vector<QuotaClaim>& claims, Ledger& ledger) {
  std::vector<QuotaDraw> draws(claims.size());
  for (std::size_t i = 0; i < claims.size(); ++i) {
    draws[i].quota = claims[i].quota;
    draws[i].period = claims[i].quota->period_of(claims[i].date).label;
    draws[i].missing_quantity = !claims[i].quantity;
  }
  const std::vector<std::size_t> order = drawing_order(claims);
  std::vector<bool> clears;
  {
    std::vector<std::size_t> rank(claims.size());
    for (std::size_t k = 0; k < order.size(); ++k) rank[order[k]] = k;
    clears = first_claims(claims, draws, rank);
  }
  for (const std::size_t i : order) {
    const QuotaClaim& claim = claims[i];
    QuotaDraw& draw = draws[i];
    if (draw.missing_quantity) continue;
    if (clears[i]) ledger.clear_entry(claim.quota->id, draw.period, claim.entry);
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
