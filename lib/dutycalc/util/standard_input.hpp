// Standard input as a stream that waits for more when another program left it non-blocking (a
// pipe or terminal it shares), where std::cin takes "nothing yet" for the end of the input and a
// manifest would be cut short without a word.
#pragma once

#include <array>
#include <istream>
#include <streambuf>

namespace dutycalc {

// Reads a descriptor (left open) in blocks; when it is non-blocking and has nothing yet, waits
// for it (poll). A read error throws from underflow(), which a std::istream turns into badbit.
class DescriptorInput final : public std::streambuf {
public:
  explicit DescriptorInput(int fd) : m_fd(fd) {}

protected:
  int_type underflow() override;

private:
  int m_fd;
  std::array<char, 1 << 16> m_buffer{};
};

// The process's standard input (descriptor 0) read through a DescriptorInput.
std::istream& standard_input();

} // namespace dutycalc
