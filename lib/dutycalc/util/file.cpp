#include <dutycalc/util/file.hpp>

#include <dutycalc/error.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace dutycalc {

namespace {
std::string fmt_error_reason() { return std::string("cannot read: ") + std::strerror(errno); }
} // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(SourceLocation{path.string()}, fmt_error_reason());
  std::ostringstream content;
  content << in.rdbuf();
  return std::move(content).str();
}

} // namespace dutycalc
