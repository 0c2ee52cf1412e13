#include <dutycalc/report/output.hpp>

#include <dutycalc/error.hpp>

#include <cerrno>
#include <cstring>
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

bool Output::is_terminal() const { return ::isatty(::fileno(m_file)) == 1; }

} // namespace dutycalc
