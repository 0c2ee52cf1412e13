#include <dutycalc/util/standard_input.hpp>

#include <cerrno>
#include <ios>
#include <poll.h>
#include <unistd.h>

namespace dutycalc {

DescriptorInput::int_type DescriptorInput::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  for (;;) {
    const ssize_t n = ::read(m_fd, m_buffer.data(), m_buffer.size());
    if (n > 0) {
      setg(m_buffer.data(), m_buffer.data(), m_buffer.data() + n);
      return traits_type::to_int_type(*gptr());
    }
    if (n == 0) return traits_type::eof();
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      // Nothing yet, not the end: wait until the writer has given some.
      pollfd ready{m_fd, POLLIN, 0};
      while (::poll(&ready, 1, -1) < 0 && errno == EINTR) {
      }
      continue;
    }
    // The stream catches this and sets badbit: a read error, not the end of the input.
    throw std::ios_base::failure("read error");
  }
}

std::istream& standard_input() {
  static DescriptorInput buffer(STDIN_FILENO);
  static std::istream stream(&buffer);
  return stream;
}

} // namespace dutycalc
