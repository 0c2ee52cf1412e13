// The customs entries of lines without an `entry` column: each such line is an entry of its own,
// so it needs no key looked up, and what the entry comes to is known at its line. The first pass
// writes one fixed-size record per such line, in record order, to a temporary file (in memory
// while there are few); the second pass reads them back in the same order. Memory stays the same
// whatever the number of such lines.
#pragma once

#include <dutycalc/pricing/entry_state.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace dutycalc::pricing {

struct SingleLineEntry {
  Decimal value;              // the line's, in the schedule's currency
  std::uint64_t record = 0;
  std::int32_t date_days = 0; // the line's entry date
  std::uint16_t de_minimis = 0; // 1 + the index of the line's de minimis rule; 0: none
  manifest::TransportMode mode = manifest::TransportMode::unknown;

  // The entry as one in memory would be after its line was counted (and taken out again when
  // `refused`), before it is settled.
  EntryState state(bool refused) const;
};

class SingleLineEntries {
public:
  SingleLineEntries() = default;
  ~SingleLineEntries();
  SingleLineEntries(const SingleLineEntries&) = delete;
  SingleLineEntries& operator=(const SingleLineEntries&) = delete;

  // Adds the entry of a line after those added. Throws Error when the file cannot be written.
  void add(const SingleLineEntry& entry);
  std::size_t size() const { return m_added; }
  // Ends adding, or starts reading again from the first.
  void rewind();
  // The next entry, in the order added; false after the last. Throws Error on a file error.
  bool next(SingleLineEntry& entry);
  // The entry of line `record`, the next one whose record is not below it (those skipped are the
  // lines refused by absolute quotas). Throws Error when there is none such.
  SingleLineEntry entry_of(std::uint64_t record);

private:
  static constexpr std::size_t k_buffered = 4096;
  void flush();
  std::vector<SingleLineEntry> m_buffer;
  std::size_t m_pos = 0; // reading: the next in m_buffer
  std::size_t m_added = 0;
  std::size_t m_read = 0; // reading: entries taken from the file so far
  bool m_reading = false;
  int m_fd = -1; // made when the buffer first fills
};

} // namespace dutycalc::pricing
