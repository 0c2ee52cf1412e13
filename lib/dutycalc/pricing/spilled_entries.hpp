// The customs entries of a run past those it keeps in memory (PriceManifestOptions::
// entries_in_memory), kept on disk instead, so that a run's memory stays the same whatever the
// number of its entries. The first pass adds each line of such an entry with its key; between
// the passes the lines are sorted by entry (ExternalSorter) and read back entry by entry, and
// for each line the run notes which entry it belongs to (the record of the entry's first line)
// and, with an entry's first priced line, what the entry came to; those notes are sorted back
// into record order, and the second pass takes them one by one as it reaches the lines.
#pragma once

#include <dutycalc/pricing/entry_state.hpp>
#include <dutycalc/util/external_sort.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace dutycalc::pricing {

// A priced line of an entry kept on disk, as the first pass saw it.
struct SpilledLine {
  std::string_view key; // the entry's
  std::uint64_t record = 0;
  Decimal value;
  Date date;
  manifest::TransportMode mode = manifest::TransportMode::unknown;
  std::array<char, 2> origin{};
};

// What the second pass needs of a line of an entry kept on disk.
struct SpilledLineEntry {
  std::uint64_t entry = 0; // the record of the entry's first line: the same for all its lines
  std::optional<EntryState> state; // with the entry's first priced line: what the entry came to
};

class SpilledEntries {
public:
  SpilledEntries();

  // First pass: adds a line. Throws Error when the temporary file cannot be written.
  void add_line(const SpilledLine& line);
  std::size_t lines() const { return m_line_count; }

  // Between the passes: sorts the lines added by entry, then reads them back, each entry's lines
  // together, in record order (views valid until the next call); false after the last.
  void sort_lines();
  bool next_line(SpilledLine& line);
  // Notes line `record`'s entry (see SpilledLineEntry), for each line read that is priced.
  void note_line(std::uint64_t record, const SpilledLineEntry& entry);
  // Ends noting: the lines read are let go, the notes sorted back into record order.
  void sort_notes();

  // Second pass: the note of line `record`, the next one noted in record order. Throws Error
  // when the next note is not that line's (the temporary file is not as written).
  SpilledLineEntry entry_of(std::uint64_t record);

private:
  std::optional<ExternalSorter> m_lines; // let go once the notes are made
  ExternalSorter m_notes{"the lines of customs entries"};
  std::size_t m_line_count = 0;
  std::string m_bytes; // the record being written
};

} // namespace dutycalc::pricing
