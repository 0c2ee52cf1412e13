// A hash map from HsCode::key() to a small value, flat in one array: the nomenclature's lookup
// tables, built once per edition and read for every priced line.
#pragma once

#include <bit>
#include <cstdint>
#include <utility>
#include <vector>

namespace dutycalc::schedule {

// Open addressing with linear probing in a power-of-two table at most three quarters full. Key 0
// marks an empty slot: no code has it (HsCode::key() carries the length, at least 4).
template <class Value> class CodeMap {
public:
  // Makes room for `count` keys without regrowing.
  void reserve(std::size_t count) {
    if (too_full(count, m_slots.size()))
      rehash(std::bit_ceil(count * 4 / 3 + 1));
  }
  void clear() {
    m_slots.clear();
    m_size = 0;
  }
  std::size_t size() const { return m_size; }

  // Adds `key` with `value` unless it is there; returns its value and whether it was added.
  std::pair<Value*, bool> try_emplace(std::uint64_t key, const Value& value) {
    if (too_full(m_size + 1, m_slots.size()))
      rehash(m_slots.empty() ? 16 : m_slots.size() * 2);
    Slot& slot = m_slots[slot_of(key)];
    if (slot.key == key)
      return {&slot.value, false};
    slot = {key, value};
    ++m_size;
    return {&slot.value, true};
  }

  // The value of `key`, or null.
  const Value* find(std::uint64_t key) const {
    if (m_slots.empty() || key == 0)
      return nullptr;
    const Slot& slot = m_slots[slot_of(key)];
    return slot.key == key ? &slot.value : nullptr;
  }

private:
  struct Slot {
    std::uint64_t key = 0;
    Value value{};
  };

  static bool too_full(std::size_t count, std::size_t slots) { return count * 4 > slots * 3; }

  // The slot holding `key`, or the empty one where it would go.
  std::size_t slot_of(std::uint64_t key) const {
    const std::size_t mask = m_slots.size() - 1;
    // Fibonacci hashing: the high bits of the product mix all of the key's digits.
    std::size_t at = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> 32) & mask;
    while (m_slots[at].key != 0 && m_slots[at].key != key)
      at = (at + 1) & mask;
    return at;
  }

  void rehash(std::size_t slots) {
    std::vector<Slot> old = std::move(m_slots);
    m_slots.assign(slots, Slot{});
    for (const Slot& slot : old)
      if (slot.key != 0)
        m_slots[slot_of(slot.key)] = slot;
  }

  std::vector<Slot> m_slots;
  std::size_t m_size = 0;
};

} // namespace dutycalc::schedule
