#include <dutycalc/pricing/single_line_entries.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/util/temporary_file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <type_traits>
#include <unistd.h>

namespace dutycalc::pricing {

namespace {

static_assert(std::is_trivially_copyable_v<SingleLineEntry>);
static_assert(sizeof(SingleLineEntry) == 32);

[[noreturn]] void fail(const char* doing) {
  throw Error(std::string("cannot ") + doing + " the temporary file of single-line customs entries: " +
              std::strerror(errno));
}

} // namespace

EntryState SingleLineEntry::state(bool refused) const {
  EntryState entry;
  entry.started = true;
  entry.date = Date::from_days(date_days);
  entry.mode = mode;
  entry.de_minimis = de_minimis;
  entry.de_minimis_possible = de_minimis != 0;
  if (!refused) {
    entry.set_total(value);
    entry.lines_left = 1;
  }
  return entry;
}

SingleLineEntries::~SingleLineEntries() {
  if (m_fd >= 0) ::close(m_fd);
}

void SingleLineEntries::flush() {
  if (m_fd < 0) {
    std::string path;
    m_fd = make_temporary_file("entries", "single-line customs entries", path);
    // Unnamed from now on: the file goes when it is closed, also when the run stops early.
    ::unlink(path.c_str());
  }
  const char* data = reinterpret_cast<const char*>(m_buffer.data());
  std::size_t left = m_buffer.size() * sizeof(SingleLineEntry);
  while (left > 0) {
    const ssize_t n = ::write(m_fd, data, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) fail("write");
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

void SingleLineEntries::add(const SingleLineEntry& entry) {
  if (m_reading) throw Error("a single-line customs entry is added after they were read");
  if (m_buffer.size() == k_buffered) flush();
  m_buffer.push_back(entry);
  ++m_added;
}

void SingleLineEntries::rewind() {
  if (!m_reading && m_fd >= 0 && !m_buffer.empty()) flush();
  m_reading = true;
  m_read = 0;
  m_pos = 0;
  if (m_fd < 0) return; // all in the buffer
  m_buffer.clear();
  if (::lseek(m_fd, 0, SEEK_SET) != 0) fail("read back");
}

bool SingleLineEntries::next(SingleLineEntry& entry) {
  if (!m_reading) throw Error("single-line customs entries are read before they are all written");
  if (m_pos == m_buffer.size()) {
    if (m_fd < 0 || m_read == m_added) return false;
    m_buffer.resize(std::min(k_buffered, m_added - m_read));
    char* data = reinterpret_cast<char*>(m_buffer.data());
    std::size_t want = m_buffer.size() * sizeof(SingleLineEntry);
    while (want > 0) {
      const ssize_t n = ::read(m_fd, data, want);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail("read back");
      if (n == 0) throw Error("the temporary file of single-line customs entries is cut short");
      data += n;
      want -= static_cast<std::size_t>(n);
    }
    m_read += m_buffer.size();
    m_pos = 0;
  }
  entry = m_buffer[m_pos++];
  return true;
}

SingleLineEntry SingleLineEntries::entry_of(std::uint64_t record) {
  SingleLineEntry entry;
  do {
    if (!next(entry)) throw Error("the temporary file of single-line customs entries is not as written");
  } while (entry.record < record);
  if (entry.record != record)
    throw Error("the temporary file of single-line customs entries is not as written");
  return entry;
}

} // namespace dutycalc::pricing
