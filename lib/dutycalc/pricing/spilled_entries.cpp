#include <dutycalc/pricing/spilled_entries.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/util/byte_reader.hpp>

#include <string>
#include <type_traits>

namespace dutycalc::pricing {

namespace {

constexpr const char* k_not_as_written = "the temporary file of customs entries is not as written";

} // namespace

SpilledEntries::SpilledEntries() : m_lines(std::in_place, "customs entries") {}

// A line sorts by its entry's key (its hash and length first: any order that keeps a key's lines
// together will do), then its record; then come the rest of its fields.
void SpilledEntries::add_line(const SpilledLine& line) {
  m_bytes.clear();
  put_ordered(m_bytes, hash_bytes(line.key));
  put_ordered(m_bytes, line.key.size());
  m_bytes.append(line.key);
  put_ordered(m_bytes, line.record);
  append_bytes(m_bytes, line.value);
  append_bytes(m_bytes, line.date.days());
  append_bytes(m_bytes, line.mode);
  append_bytes(m_bytes, line.origin);
  m_lines->add(m_bytes);
  ++m_line_count;
}

void SpilledEntries::sort_lines() { m_lines->finish(); }

bool SpilledEntries::next_line(SpilledLine& line) {
  std::string_view bytes;
  if (!m_lines->next(bytes)) return false;
  ByteReader in(bytes, k_not_as_written);
  in.bytes(8); // the key's hash
  const std::uint64_t key_size = get_ordered(in.bytes(8));
  line.key = in.bytes(static_cast<std::size_t>(key_size));
  line.record = get_ordered(in.bytes(8));
  line.value = in.get<Decimal>();
  line.date = Date::from_days(in.get<std::int32_t>());
  line.mode = in.get<manifest::TransportMode>();
  line.origin = in.get<std::array<char, 2>>();
  if (!in.done()) throw Error(k_not_as_written);
  return true;
}

// A note sorts by its line's record.
void SpilledEntries::note_line(std::uint64_t record, const SpilledLineEntry& entry) {
  m_bytes.clear();
  put_ordered(m_bytes, record);
  append_bytes(m_bytes, entry.entry);
  if (entry.state) append_bytes(m_bytes, *entry.state);
  m_notes.add(m_bytes);
}

void SpilledEntries::sort_notes() {
  m_lines.reset();
  m_notes.finish();
}

SpilledLineEntry SpilledEntries::entry_of(std::uint64_t record) {
  std::string_view bytes;
  if (!m_notes.next(bytes)) throw Error(k_not_as_written);
  ByteReader in(bytes, k_not_as_written);
  if (get_ordered(in.bytes(8)) != record) throw Error(k_not_as_written);
  SpilledLineEntry entry;
  entry.entry = in.get<std::uint64_t>();
  if (!in.done()) entry.state = in.get<EntryState>();
  if (!in.done()) throw Error(k_not_as_written);
  return entry;
}

} // namespace dutycalc::pricing
