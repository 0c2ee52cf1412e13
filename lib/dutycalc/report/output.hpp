// A buffered byte sink for results (stdout or a file). A reader that went away (`| head`) ends
// the run quietly through BrokenPipe; other write failures are errors. An output another
// program left non-blocking (a pipe or terminal shared with it) is waited on when full, not
// given up on.
#pragma once

#include <cstddef>
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
  // Writes to the open descriptor `fd` (left open), called `name` in messages.
  Output(int fd, std::string name);
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
  // Writes the pieces whole, in order, with as few system calls as can be.
  void write_pieces(const std::string_view* pieces, std::size_t count);
  int m_fd;
  bool m_owned;
  std::string m_name;
  std::string m_buffer;
};

} // namespace dutycalc
