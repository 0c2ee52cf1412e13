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

void EntryIndex::grow() {
  std::vector<std::uint32_t> slots(m_slots.empty() ? 1024 : m_slots.size() * 2, k_empty);
  const std::size_t mask = slots.size() - 1;
  for (std::uint32_t entry = 0; entry < m_hashes.size(); ++entry) {
    std::size_t at = m_hashes[entry] & mask;
    while (slots[at] != k_empty) at = (at + 1) & mask;
    slots[at] = entry;
  }
  m_slots = std::move(slots);
}

std::uint32_t EntryIndex::find(std::string_view key) const {
  if (m_slots.empty()) return k_none;
  const std::uint32_t h = hash_of(key);
  const std::size_t mask = m_slots.size() - 1;
  for (std::size_t at = h & mask; m_slots[at] != k_empty; at = (at + 1) & mask) {
    const std::uint32_t entry = m_slots[at];
    if (m_hashes[entry] == h && this->key(entry) == key) return entry;
  }
  return k_none;
}

std::uint32_t EntryIndex::find_or_add(std::string_view key, bool& added) {
  // At most half full, so that probes stay short.
  if ((m_hashes.size() + 1) * 2 > m_slots.size()) grow();
  const std::uint32_t h = hash_of(key);
  const std::size_t mask = m_slots.size() - 1;
  std::size_t at = h & mask;
  for (; m_slots[at] != k_empty; at = (at + 1) & mask) {
    const std::uint32_t entry = m_slots[at];
    if (m_hashes[entry] == h && this->key(entry) == key) {
      added = false;
      return entry;
    }
  }
  if (m_hashes.size() >= k_empty) throw Error("more than 4,294,967,294 customs entries in one run");
  const auto entry = static_cast<std::uint32_t>(m_hashes.size());
  m_keys.append(key);
  m_starts.push_back(m_keys.size());
  m_hashes.push_back(h);
  m_slots[at] = entry;
  added = true;
  return entry;
}

} // namespace dutycalc::pricing
