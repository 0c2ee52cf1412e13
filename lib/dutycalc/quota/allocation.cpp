#include <dutycalc/quota/allocation.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/util/byte_reader.hpp>
#include <dutycalc/util/external_sort.hpp>

#include <algorithm>
#include <cstdint>
#include <type_traits>

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

void put_text(std::string& out, std::string_view text) {
  append_bytes(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

// A date as 8 bytes that compare as the dates.
void put_ordered_date(std::string& out, Date date) {
  put_ordered(out, static_cast<std::uint32_t>(date.days()) ^ 0x80000000u);
}

std::uint64_t address_of(const Quota* quota) { return reinterpret_cast<std::uintptr_t>(quota); }
const Quota* quota_at(std::uint64_t address) {
  return reinterpret_cast<const Quota*>(static_cast<std::uintptr_t>(address));
}

constexpr const char* k_not_as_written = "the temporary file of quota claims is not as written";

} // namespace

struct Allocation::Sorters {
  explicit Sorters(ExternalSorter::Limits limits)
      : by_group(std::in_place, "quota claims", limits), by_date(std::in_place, "quota claims", limits),
        by_place("quota draws", limits) {}
  // By a hash of quota, period and entry, then those (the group), then date, record and place.
  std::optional<ExternalSorter> by_group;
  // By date, record and place: drawing order.
  std::optional<ExternalSorter> by_date;
  // By place, with their draws.
  ExternalSorter by_place;
};

Allocation::Allocation(ExternalSorter::Limits limits) : m_sorters(std::make_unique<Sorters>(limits)) {}
Allocation::~Allocation() = default;

void Allocation::encode(const QuotaClaim& claim, EncodedClaim& out) {
  const std::string period = claim.quota->period_of(claim.date).label;
  std::string& bytes = out.bytes;
  bytes.clear();
  const std::uint64_t hash =
      hash_bytes(claim.entry, hash_bytes(period, hash_bytes(claim.quota->id) ^ 0xFF) ^ 0xFF);
  put_ordered(bytes, hash);
  put_ordered(bytes, claim.quota->id.size());
  bytes.append(claim.quota->id);
  put_ordered(bytes, period.size());
  bytes.append(period);
  put_ordered(bytes, claim.entry.size());
  bytes.append(claim.entry);
  put_ordered_date(bytes, claim.date);
  out.order_at = bytes.size();
  bytes.append(16, '\0'); // record and place
  append_bytes(bytes, address_of(claim.quota));
  append_bytes(bytes, static_cast<unsigned char>(claim.quantity.has_value()));
  append_bytes(bytes, claim.quantity.value_or(Decimal{}));
}

void Allocation::add(EncodedClaim& claim, std::size_t record, std::string_view payload) {
  std::string& bytes = claim.bytes;
  m_bytes.clear();
  put_ordered(m_bytes, record);
  put_ordered(m_bytes, m_added);
  if (claim.order_at + m_bytes.size() > bytes.size())
    throw Error("a quota claim is added that was not encoded");
  bytes.replace(claim.order_at, m_bytes.size(), m_bytes);
  const std::size_t size = bytes.size();
  bytes.append(payload);
  m_sorters->by_group->add(bytes);
  bytes.resize(size);
  ++m_added;
}

void Allocation::add(const QuotaClaim& claim, std::string_view payload) {
  encode(claim, m_encoded);
  add(m_encoded, claim.record, payload);
}

// Each entry's first claim on a quota period in drawing order, among those with a quantity,
// clears the entry's earlier draw: the claims sorted by group come in drawing order within it.
void Allocation::start_drawing() {
  ExternalSorter& by_group = *m_sorters->by_group;
  by_group.finish();
  std::string group;            // the group of the claim before
  bool group_has_first = false; // whether a claim of it with a quantity came already
  std::string_view bytes;
  std::string out;
  while (by_group.next(bytes)) {
    // The group: a hash of it, then quota id, period and entry, each its length then its bytes.
    ByteReader in(bytes, k_not_as_written);
    const auto text = [&in] { return in.bytes(static_cast<std::size_t>(get_ordered(in.bytes(8)))); };
    in.bytes(8); // the hash
    text();      // the quota's id
    const std::string_view period = text();
    const std::string_view entry = text();
    const std::string_view this_group = bytes.substr(0, bytes.size() - in.rest().size());
    ByteReader tail(bytes.substr(this_group.size()), k_not_as_written);
    const std::string_view order = tail.bytes(24); // date, record, place
    const auto quota = tail.get<std::uint64_t>();
    const bool has_quantity = tail.get<unsigned char>() != 0;
    const Decimal quantity = tail.get<Decimal>();
    if (this_group != group) {
      group.assign(this_group);
      group_has_first = false;
    }
    const bool clears = has_quantity && !group_has_first;
    if (has_quantity) group_has_first = true;
    out.clear();
    out.append(order);
    append_bytes(out, quota);
    put_text(out, period);
    put_text(out, entry);
    append_bytes(out, static_cast<unsigned char>(has_quantity));
    append_bytes(out, quantity);
    append_bytes(out, static_cast<unsigned char>(clears));
    out.append(tail.rest()); // the payload
    m_sorters->by_date->add(out);
  }
  m_sorters->by_group.reset();
  m_sorters->by_date->finish();
}

bool Allocation::draw_next(Ledger& ledger, DrawnClaim& claim) {
  std::string_view bytes;
  if (!m_sorters->by_date->next(bytes)) return false;
  ByteReader in(bytes, k_not_as_written);
  in.bytes(8); // date
  const std::uint64_t record = get_ordered(in.bytes(8));
  const std::uint64_t place = get_ordered(in.bytes(8));
  const Quota* quota = quota_at(in.get<std::uint64_t>());
  const std::string_view period = in.text();
  const std::string_view entry = in.text();
  const bool has_quantity = in.get<unsigned char>() != 0;
  const Decimal quantity = in.get<Decimal>();
  const bool clears = in.get<unsigned char>() != 0;
  claim.record = static_cast<std::size_t>(record);
  claim.entry = entry;
  claim.payload = in.rest();
  QuotaDraw& draw = claim.draw;
  draw.quota = quota;
  draw.period.assign(period);
  draw.missing_quantity = !has_quantity;
  draw.in = draw.over = Decimal{};
  if (has_quantity) {
    if (clears) ledger.clear_entry(quota->id, period, entry);
    const Decimal drawn = ledger.drawn(quota->id, period);
    const Decimal left = drawn < quota->volume ? quota->volume - drawn : Decimal{};
    draw.in = std::min(quantity, left);
    draw.over = quantity - draw.in;
    // A line over an absolute quota is refused as a whole: it draws nothing, and what it shows
    // as "in" is only what was left.
    const bool refused = quota->kind == QuotaKind::absolute && draw.over.sign() > 0;
    if (draw.in.sign() > 0 && !refused) ledger.add(quota->id, period, entry, draw.in);
  }
  m_bytes.clear();
  put_ordered(m_bytes, place);
  append_bytes(m_bytes, record);
  append_bytes(m_bytes, address_of(quota));
  put_text(m_bytes, period);
  put_text(m_bytes, entry);
  append_bytes(m_bytes, draw.in);
  append_bytes(m_bytes, draw.over);
  append_bytes(m_bytes, static_cast<unsigned char>(draw.missing_quantity));
  m_bytes.append(claim.payload);
  m_sorters->by_place.add(m_bytes);
  return true;
}

void Allocation::end_drawing() {
  m_sorters->by_date.reset();
  m_sorters->by_place.finish();
}

bool Allocation::next(DrawnClaim& claim) {
  std::string_view bytes;
  if (!m_sorters->by_place.next(bytes)) return false;
  ByteReader in(bytes, k_not_as_written);
  in.bytes(8); // place
  claim.record = static_cast<std::size_t>(in.get<std::uint64_t>());
  claim.draw.quota = quota_at(in.get<std::uint64_t>());
  claim.draw.period.assign(in.text());
  claim.entry = in.text();
  claim.draw.in = in.get<Decimal>();
  claim.draw.over = in.get<Decimal>();
  claim.draw.missing_quantity = in.get<unsigned char>() != 0;
  claim.payload = in.rest();
  return true;
}

std::vector<QuotaDraw> allocate(const std::vector<QuotaClaim>& claims, Ledger& ledger) {
  Allocation allocation;
  for (const QuotaClaim& claim : claims) allocation.add(claim);
  allocation.draw(ledger, [](const DrawnClaim&) {});
  std::vector<QuotaDraw> draws;
  draws.reserve(claims.size());
  DrawnClaim claim;
  while (allocation.next(claim)) draws.push_back(std::move(claim.draw));
  return draws;
}

} // namespace dutycalc::quota
