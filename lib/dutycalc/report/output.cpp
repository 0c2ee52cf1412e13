#include <dutycalc/report/output.hpp>

#include <dutycalc/error.hpp>

#include <array>
#include <cerrno>
#include <cstring>
#include <sys/uio.h>
#include <unistd.h>

namespace dutycalc {

Output::Output() : m_file(stdout), m_owned(false), m_name("<stdout>") {
  m_buffer.reserve(k_flush_at);
}

Output::Output(const std::string& path) : m_file(std::fopen(path.c_str(), "wb")), m_owned(true),
                                          m_name(path) {
  if (!m_file)
    throw Error(SourceLocation{path}, std::string("cannot write: ") + std::strerror(errno));
  m_buffer.reserve(k_flush_at);
}

Output::~Output() {
  try {
    flush_buffer();
  } catch (...) {
    // Destructors do not throw; flush() reports failures to callers that ask.
  }
  if (m_owned) std::fclose(m_file);
}

void Output::flush_buffer() {
  if (m_buffer.empty()) return;
  const std::size_t written = std::fwrite(m_buffer.data(), 1, m_buffer.size(), m_file);
  const bool failed = written != m_buffer.size();
  const int err = errno;
  m_buffer.clear();
  if (failed) {
    if (err == EPIPE) throw BrokenPipe{};
    throw Error(SourceLocation{m_name}, std::string("cannot write: ") + std::strerror(err));
  }
}

void Output::flush() {
  flush_buffer();
  if (std::fflush(m_file) != 0) {
    if (errno == EPIPE) throw BrokenPipe{};
    throw Error(SourceLocation{m_name}, std::string("cannot write: ") + std::strerror(errno));
  }
}

void Output::write_all(const std::string_view* pieces, std::size_t count) {
  flush();
  const int fd = ::fileno(m_file);
  std::array<iovec, 256> vectors;
  std::size_t next = 0;   // the first piece not yet handed to the kernel
  std::size_t skip = 0;   // bytes of that piece already written
  while (next < count) {
    std::size_t n = 0;
    for (std::size_t i = next; i < count && n < vectors.size(); ++i, ++n) {
      const std::size_t from = i == next ? skip : 0;
      vectors[n].iov_base = const_cast<char*>(pieces[i].data() + from);
      vectors[n].iov_len = pieces[i].size() - from;
    }
    const ssize_t written = ::writev(fd, vectors.data(), static_cast<int>(n));
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EPIPE) throw BrokenPipe{};
      throw Error(SourceLocation{m_name}, std::string("cannot write: ") + std::strerror(errno));
    }
    // Past what was written: whole pieces, then part of one.
    auto left = static_cast<std::size_t>(written);
    while (next < count && left >= pieces[next].size() - skip) {
      left -= pieces[next].size() - skip;
      skip = 0;
      ++next;
    }
    skip += left;
  }
}

bool Output::is_terminal() const { return ::isatty(::fileno(m_file)) == 1; }

} // namespace dutycalc
