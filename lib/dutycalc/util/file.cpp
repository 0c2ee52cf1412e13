#include <dutycalc/util/file.hpp>

#include <dutycalc/error.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>

namespace dutycalc {

namespace {
std::string fmt_error_reason() { return std::string("cannot read: ") + std::strerror(errno); }
} // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(SourceLocation{path.string()}, fmt_error_reason());
  // Sized from the file, so a large one (the US lines table is 3 MB) is read in one piece
  // instead of being copied as a stream buffer grows; then whatever is left, or everything
  // when the size is not known (a pipe), in blocks.
  std::string content;
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (!ec && size > 0) {
    content.resize(static_cast<std::size_t>(size));
    in.read(content.data(), static_cast<std::streamsize>(size));
    content.resize(static_cast<std::size_t>(in.gcount()));
  }
  char block[1 << 16];
  while (in.read(block, sizeof block), in.gcount() > 0)
    content.append(block, static_cast<std::size_t>(in.gcount()));
  return content;
}

} // namespace dutycalc
