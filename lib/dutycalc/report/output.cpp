#include <dutycalc/report/output.hpp>

#include <dutycalc/error.hpp>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/uio.h>
#include <unistd.h>
#include <utility>

namespace dutycalc {

Output::Output() : Output(STDOUT_FILENO, "<stdout>") {
  std::fflush(stdout); // what was printed through stdio before goes first
}

Output::Output(int fd, std::string name) : m_fd(fd), m_owned(false), m_name(std::move(name)) {
  m_buffer.reserve(k_flush_at);
}

Output::Output(const std::string& path)
    : m_fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)), m_owned(true),
      m_name(path) {
  if (m_fd < 0)
    throw Error(SourceLocation{path}, std::string("cannot write: ") + std::strerror(errno));
  m_buffer.reserve(k_flush_at);
}

Output::~Output() {
  try {
    flush_buffer();
  } catch (...) {
    // Destructors do not throw; flush() reports failures to callers that ask.
  }
  if (m_owned) ::close(m_fd);
}

void Output::flush_buffer() {
  if (m_buffer.empty()) return;
  const std::string_view piece = m_buffer;
  try {
    write_pieces(&piece, 1);
  } catch (...) {
    m_buffer.clear();
    throw;
  }
  m_buffer.clear();
}

void Output::flush() { flush_buffer(); }

void Output::write_all(const std::string_view* pieces, std::size_t count) {
  flush_buffer();
  write_pieces(pieces, count);
}

void Output::write_pieces(const std::string_view* pieces, std::size_t count) {
  std::array<iovec, 256> vectors;
  std::size_t next = 0;   // the first piece not yet handed to the kernel
  std::size_t skip = 0;   // bytes of that piece already written
  while (next < count) {
    std::size_t n = 0;
    std::size_t asked = 0;
    for (std::size_t i = next; i < count && n < vectors.size(); ++i, ++n) {
      const std::size_t from = i == next ? skip : 0;
      vectors[n].iov_base = const_cast<char*>(pieces[i].data() + from);
      vectors[n].iov_len = pieces[i].size() - from;
      asked += vectors[n].iov_len;
    }
    const ssize_t written = ::writev(m_fd, vectors.data(), static_cast<int>(n));
    if (written == 0 && asked > 0)
      throw Error(SourceLocation{m_name}, "cannot write: nothing was written");
    if (written < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN || errno == EWOULDBLOCK) {
        // Non-blocking and full: wait until the reader has taken some.
        pollfd ready{m_fd, POLLOUT, 0};
        while (::poll(&ready, 1, -1) < 0 && errno == EINTR) {
        }
        continue;
      }
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

bool Output::is_terminal() const { return ::isatty(m_fd) == 1; }

} // namespace dutycalc
