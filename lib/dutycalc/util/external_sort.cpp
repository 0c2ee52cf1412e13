#include <dutycalc/util/external_sort.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/util/temporary_file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <limits>
#include <unistd.h>

namespace dutycalc {

void put_ordered(std::string& out, std::uint64_t value) {
  char bytes[8];
  for (int i = 7; i >= 0; --i, value >>= 8) bytes[i] = static_cast<char>(value & 0xFF);
  out.append(bytes, sizeof bytes);
}

std::uint64_t get_ordered(std::string_view bytes) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value = (value << 8) | static_cast<unsigned char>(bytes[i]);
  return value;
}

std::uint64_t hash_bytes(std::string_view text, std::uint64_t hash) {
  for (const char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001B3ull;
  }
  return hash;
}

namespace {

// The first 16 bytes of `record` (zeros past its end) as two numbers that compare as the bytes.
// Where they differ they order the records as their bytes do; where they are equal the whole
// records are compared.
struct Prefix {
  std::uint64_t head = 0;
  std::uint64_t next = 0;
  explicit Prefix(std::string_view record) {
    unsigned char bytes[16] = {};
    std::memcpy(bytes, record.data(), std::min<std::size_t>(record.size(), sizeof bytes));
    for (int i = 0; i < 8; ++i) head = head << 8 | bytes[i];
    for (int i = 8; i < 16; ++i) next = next << 8 | bytes[i];
  }
};

// Whether record a (with its prefix) comes before record b.
bool before(std::uint64_t a_head, std::uint64_t a_next, std::string_view a, std::uint64_t b_head,
            std::uint64_t b_next, std::string_view b) {
  if (a_head != b_head) return a_head < b_head;
  if (a_next != b_next) return a_next < b_next;
  return a < b;
}

std::string_view record_at(const std::string& gathered, std::uint32_t start) {
  std::uint32_t size = 0;
  std::memcpy(&size, gathered.data() + start, sizeof size);
  return {gathered.data() + start + sizeof size, size};
}

} // namespace

// Reads one sorted run back, a buffer at a time; its record is a view into the buffer.
class ExternalSorter::RunReader {
public:
  RunReader(const ExternalSorter& sorter, Run run) : m_sorter(sorter), m_run(run) {}
  // Moves to the next record; false at the end of the run.
  bool advance() {
    std::uint32_t size = 0;
    if (!fill(sizeof size)) return false;
    std::memcpy(&size, m_buffer.data() + m_pos, sizeof size);
    if (!fill(sizeof size + size)) m_sorter.fail("read back");
    m_record = {m_buffer.data() + m_pos + sizeof size, size};
    m_pos += sizeof size + size;
    const Prefix prefix(m_record);
    m_head = prefix.head;
    m_next = prefix.next;
    return true;
  }
  std::string_view record() const { return m_record; }
  // Whether this reader's record comes before `other`'s.
  bool before(const RunReader& other) const {
    return dutycalc::before(m_head, m_next, m_record, other.m_head, other.m_next, other.m_record);
  }

private:
  // Makes `bytes` readable from m_pos; false at the end of the run before any.
  bool fill(std::size_t bytes) {
    if (m_end - m_pos >= bytes) return true;
    std::memmove(m_buffer.data(), m_buffer.data() + m_pos, m_end - m_pos);
    m_end -= m_pos;
    m_pos = 0;
    const std::size_t room = std::max(bytes, m_sorter.m_limits.read_buffer);
    if (m_buffer.size() < room) m_buffer.resize(room);
    while (m_end < bytes && m_read < m_run.bytes) {
      const std::size_t want =
          static_cast<std::size_t>(std::min<std::uint64_t>(m_buffer.size() - m_end, m_run.bytes - m_read));
      const ssize_t n = ::pread(m_sorter.m_fd, m_buffer.data() + m_end, want,
                                static_cast<off_t>(m_run.offset + m_read));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) m_sorter.fail("read back");
      m_end += static_cast<std::size_t>(n);
      m_read += static_cast<std::uint64_t>(n);
    }
    if (m_end >= bytes) return true;
    if (m_end == 0) return false;
    m_sorter.fail("read back");
  }

  const ExternalSorter& m_sorter;
  Run m_run;
  std::uint64_t m_read = 0; // bytes of the run read into the buffer so far
  std::string m_buffer;
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::string_view m_record;
  std::uint64_t m_head = 0; // m_record's Prefix
  std::uint64_t m_next = 0;
};

// The least record of several runs, one after another: a heap of the runs by their records.
class ExternalSorter::Merger {
public:
  Merger(const ExternalSorter& sorter, const std::vector<Run>& runs) {
    m_readers.reserve(runs.size());
    for (const Run& run : runs) {
      m_readers.emplace_back(sorter, run);
      if (m_readers.back().advance()) m_heap.push_back(m_readers.size() - 1);
    }
    std::make_heap(m_heap.begin(), m_heap.end(), Later{this});
  }
  bool next(std::string_view& record) {
    if (m_started) {
      // The run whose record was given last moves on.
      std::pop_heap(m_heap.begin(), m_heap.end(), Later{this});
      if (m_readers[m_heap.back()].advance()) std::push_heap(m_heap.begin(), m_heap.end(), Later{this});
      else m_heap.pop_back();
    }
    m_started = true;
    if (m_heap.empty()) return false;
    record = m_readers[m_heap.front()].record();
    return true;
  }

private:
  struct Later {
    const Merger* merger;
    bool operator()(std::size_t a, std::size_t b) const {
      // Equal records are the same bytes: either may come first.
      return merger->m_readers[b].before(merger->m_readers[a]);
    }
  };
  std::vector<RunReader> m_readers;
  std::vector<std::size_t> m_heap;
  bool m_started = false;
};

ExternalSorter::ExternalSorter(std::string for_what) : ExternalSorter(std::move(for_what), Limits{}) {}

ExternalSorter::ExternalSorter(std::string for_what, Limits limits)
    : m_for_what(std::move(for_what)), m_limits(limits) {
  m_limits.fan_in = std::max<std::size_t>(m_limits.fan_in, 2);
  m_limits.memory = std::min<std::size_t>(m_limits.memory, std::numeric_limits<std::uint32_t>::max() / 2);
  m_limits.read_buffer = std::max<std::size_t>(m_limits.read_buffer, 16);
}

ExternalSorter::~ExternalSorter() {
  m_merger.reset();
  if (m_fd >= 0) ::close(m_fd);
}

void ExternalSorter::fail(const char* doing) const {
  throw Error(fmt_reason(doing));
}

std::string ExternalSorter::fmt_reason(const char* doing) const {
  const int error = errno;
  std::string message = "cannot ";
  message += doing;
  message += " the temporary file sorting ";
  message += m_for_what;
  if (error != 0) {
    message += ": ";
    message += std::strerror(error);
  }
  return message;
}

int ExternalSorter::file() {
  if (m_fd < 0) {
    std::string path;
    m_fd = make_temporary_file("sort", "sorting " + m_for_what, path);
    // Unnamed from now on: the file goes when it is closed, also when the run stops early.
    ::unlink(path.c_str());
  }
  return m_fd;
}

void ExternalSorter::write_all(const char* data, std::size_t size) {
  const int fd = file();
  while (size > 0) {
    const ssize_t n = ::pwrite(fd, data, size, static_cast<off_t>(m_file_end));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = 0;
      fail("write");
    }
    data += n;
    size -= static_cast<std::size_t>(n);
    m_file_end += static_cast<std::uint64_t>(n);
  }
}

void ExternalSorter::add(std::string_view record) {
  if (m_finished) throw Error("a record is added to " + m_for_what + " after they were sorted");
  if (record.size() > std::numeric_limits<std::uint32_t>::max() - sizeof(std::uint32_t))
    throw Error("a record of " + m_for_what + " is longer than 4 GiB");
  const std::size_t more = record.size() + sizeof(std::uint32_t) + sizeof(Gathered);
  if (!m_gathered.empty() && m_gathered.size() + m_starts.size() * sizeof(Gathered) + more > m_limits.memory)
    write_gathered_run();
  // The budget at once, rather than grown by doubling past it.
  if (m_gathered.capacity() < m_limits.memory) m_gathered.reserve(m_limits.memory);
  const auto size = static_cast<std::uint32_t>(record.size());
  const Prefix prefix(record);
  m_starts.push_back({prefix.head, prefix.next, static_cast<std::uint32_t>(m_gathered.size())});
  m_gathered.append(reinterpret_cast<const char*>(&size), sizeof size);
  m_gathered.append(record);
  ++m_records;
}

void ExternalSorter::sort_gathered() {
  const std::string& gathered = m_gathered;
  std::sort(m_starts.begin(), m_starts.end(), [&gathered](const Gathered& a, const Gathered& b) {
    if (a.head != b.head) return a.head < b.head;
    if (a.next != b.next) return a.next < b.next;
    return record_at(gathered, a.start) < record_at(gathered, b.start);
  });
}

void ExternalSorter::write_gathered_run() {
  sort_gathered();
  Run run{m_file_end, 0};
  std::string out;
  out.reserve(m_limits.read_buffer);
  for (const Gathered& item : m_starts) {
    const std::string_view record = record_at(m_gathered, item.start);
    out.append(m_gathered.data() + item.start, sizeof(std::uint32_t) + record.size());
    if (out.size() >= m_limits.read_buffer) {
      write_all(out.data(), out.size());
      out.clear();
    }
  }
  write_all(out.data(), out.size());
  run.bytes = m_file_end - run.offset;
  m_runs.push_back(run);
  ++m_runs_written;
  m_gathered.clear();
  m_starts.clear();
}

ExternalSorter::Run ExternalSorter::merge_runs(const std::vector<Run>& runs) {
  Merger merger(*this, runs);
  Run merged{m_file_end, 0};
  std::string out;
  out.reserve(m_limits.read_buffer);
  std::string_view record;
  while (merger.next(record)) {
    const auto size = static_cast<std::uint32_t>(record.size());
    out.append(reinterpret_cast<const char*>(&size), sizeof size);
    out.append(record);
    if (out.size() >= m_limits.read_buffer) {
      write_all(out.data(), out.size());
      out.clear();
    }
  }
  write_all(out.data(), out.size());
  merged.bytes = m_file_end - merged.offset;
  ++m_runs_written;
  return merged;
}

void ExternalSorter::finish() {
  if (m_finished) return;
  m_finished = true;
  if (m_runs.empty()) {
    sort_gathered(); // all in memory: read from there
    return;
  }
  if (!m_starts.empty()) write_gathered_run();
  m_gathered = std::string();
  m_starts = std::vector<Gathered>();
  // At most fan_in runs are read at once: more are merged into fewer first, the oldest first.
  while (m_runs.size() > m_limits.fan_in) {
    const std::vector<Run> first(m_runs.begin(), m_runs.begin() + static_cast<std::ptrdiff_t>(m_limits.fan_in));
    const Run merged = merge_runs(first);
    m_runs.erase(m_runs.begin(), m_runs.begin() + static_cast<std::ptrdiff_t>(m_limits.fan_in));
    m_runs.push_back(merged);
  }
  m_merger = std::make_unique<Merger>(*this, m_runs);
}

bool ExternalSorter::next(std::string_view& record) {
  if (!m_finished) throw Error(m_for_what + " are read before they are all sorted");
  if (m_merger) return m_merger->next(record);
  if (m_next_gathered == m_starts.size()) return false;
  record = record_at(m_gathered, m_starts[m_next_gathered++].start);
  return true;
}

} // namespace dutycalc
