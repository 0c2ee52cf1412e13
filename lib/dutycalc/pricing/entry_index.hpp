// Numbers the customs entries of a run in order of first appearance, by their key (the `entry`
// column, or the file and line of a line without one). A run may hold hundreds of thousands of
// entries, so keys live in one block of text and the table holds only numbers: about 10 bytes
// per entry besides the key's own bytes, where a map of strings takes several times that.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::pricing {

class EntryIndex {
public:
  static constexpr std::uint32_t k_none = 0xFFFFFFFF;
  // Entries at most: the numbers above are the run's marks for lines kept otherwise (KeptLine).
  static constexpr std::uint32_t k_most = 0xFFFFFFFC;
  // The number of `key`: 0, 1, 2... in order of first appearance. `added` tells a new key.
  // Throws Error past 4 GiB of keys or k_most entries.
  std::uint32_t find_or_add(std::string_view key, bool& added);
  // The number of `key`, or k_none when it has none.
  std::uint32_t find(std::string_view key) const;
  std::size_t size() const { return m_starts.size() - 1; }
  // The bytes of all keys together.
  std::size_t key_bytes() const { return m_keys.size(); }
  std::string_view key(std::uint32_t entry) const {
    return std::string_view(m_keys).substr(m_starts[entry], m_starts[entry + 1] - m_starts[entry]);
  }

private:
  // The slot holding `key`, or the empty slot where it would go.
  std::size_t slot_of(std::string_view key, std::uint32_t hash) const;
  void grow();
  static constexpr std::uint32_t k_empty = k_none;
  std::string m_keys;                        // every key, one after the other
  std::vector<std::uint32_t> m_starts = {0}; // where each key starts in m_keys (and the next would)
  std::vector<std::uint32_t> m_slots;        // open addressing, linear probing: entry numbers
};

} // namespace dutycalc::pricing
