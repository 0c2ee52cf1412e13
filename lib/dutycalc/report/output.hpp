// A buffered byte sink for results (stdout or a file). A reader that went away (`| head`) ends
// the run quietly through BrokenPipe; other write failures are errors.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace dutycalc {

// Thrown when the reading end of a pipe has closed: main() exits 0 without a message.
struct BrokenPipe {};

class Output {
public:
  // Writes to standard output.
  Output();
  // Writes to `path` (created or truncated). Throws Error when it cannot be opened.
  explicit Output(const std::string& path);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void write(std::string_view bytes) {
    if (m_buffer.size() + bytes.size() > k_flush_at) flush_buffer();
    m_buffer.append(bytes);
  }
  // Writes `count` pieces in order, as write() would one after the other, but straight from
  // their own memory with as few system calls as can be (writev), after what is buffered: for a
  // caller that holds many rendered records. Throws BrokenPipe or Error.
  void write_all(const std::string_view* pieces, std::size_t count);
  // Writes everything buffered; throws BrokenPipe or Error.
  void flush();
  // Whether this writes to a terminal (tables are the default there).
  bool is_terminal() const;

private:
  static constexpr std::size_t k_flush_at = 1 << 16;
  void flush_buffer();
  std::FILE* m_file;
  bool m_owned;
  std::string m_name;
  std::string m_buffer;
};

} // namespace dutycalc
