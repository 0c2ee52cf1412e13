#include <dutycalc/pricing/entry_index.hpp>

#include <dutycalc/error.hpp>

namespace dutycalc::pricing {

namespace {

// FNV-1a: keys are short ("E1042"), and any decent spread will do.
std::uint32_t hash_of(std::string_view key) {
  std::uint32_t h = 2166136261u;
  for (const char c : key) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

} // namespace

std::size_t EntryIndex::slot_of(std::string_view key, std::uint32_t hash) const {
  const std::size_t mask = m_slots.size() - 1;
  std::size_t at = hash & mask;
  while (m_slots[at] != k_empty && this->key(m_slots[at]) != key) at = (at + 1) & mask;
  return at;
}

void EntryIndex::grow() {
  std::vector<std::uint32_t> slots(m_slots.empty() ? 1024 : m_slots.size() * 2, k_empty);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t entry = 0; entry < size(); ++entry) {
    std::size_t at = hash_of(key(entry)) & mask;
    while (slots[at] != k_empty) at = (at + 1) & mask;
    slots[at] = entry;
  }
  m_slots = std::move(slots);
}

std::uint32_t EntryIndex::find(std::string_view key) const {
  if (m_slots.empty()) return k_none;
  return m_slots[slot_of(key, hash_of(key))];
}

std::uint32_t EntryIndex::find_or_add(std::string_view key, bool& added) {
  // At most three quarters full, so that probes stay short.
  if ((size() + 1) * 4 > m_slots.size() * 3) grow();
  const std::size_t at = slot_of(key, hash_of(key));
  added = m_slots[at] == k_empty;
  if (!added) return m_slots[at];
  if (size() >= k_most) throw Error("more than 4,294,967,292 customs entries in one run");
  if (m_keys.size() + key.size() > 0xFFFFFFFFu)
    throw Error("the customs entries of one run have more than 4 GiB of entry keys");
  const auto entry = static_cast<std::uint32_t>(size());
  m_keys.append(key);
  m_starts.push_back(static_cast<std::uint32_t>(m_keys.size()));
  m_slots[at] = entry;
  return entry;
}

} // namespace dutycalc::pricing
