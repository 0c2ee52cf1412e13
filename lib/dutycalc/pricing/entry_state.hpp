// What the first pass of a run learns about one customs entry: its lines' total value, how many
// of them are priced, its date and mode (its first line's), and its de minimis rule. Kept for
// every entry the run holds in memory, so it is kept small (28 bytes: the total is held as bytes,
// so that it does not align the whole to 16); the entry's fees are worked out when its first
// line is written.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/money/decimal.hpp>

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace dutycalc::pricing {

struct EntryState {
  // Value of its lines that can be priced.
  Decimal total() const {
    Decimal value;
    std::memcpy(&value, m_total, sizeof value);
    return value;
  }
  void set_total(Decimal value) { std::memcpy(m_total, &value, sizeof value); }

  std::uint32_t lines_left = 0;  // priced lines still to write (the last takes the remainder)
  Date date;
  std::uint16_t de_minimis = 0;  // 1 + the index of its de minimis rule; 0: none
  manifest::TransportMode mode = manifest::TransportMode::unknown;
  bool started : 1 = false;
  bool de_minimis_possible : 1 = true;

private:
  static_assert(std::is_trivially_copyable_v<Decimal>);
  unsigned char m_total[sizeof(Decimal)] = {}; // all zero bytes: a zero Decimal
};

static_assert(sizeof(EntryState) == 28);
static_assert(std::is_trivially_copyable_v<EntryState>);

} // namespace dutycalc::pricing
