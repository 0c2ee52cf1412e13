#include <dutycalc/util/temporary_file.hpp>

#include <dutycalc/error.hpp>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <stdlib.h>
#include <system_error>

namespace dutycalc {

int make_temporary_file(std::string_view stem, std::string_view for_what, std::string& path) {
  std::error_code ec;
  const std::filesystem::path directory = std::filesystem::temp_directory_path(ec);
  if (ec) {
    const char* named = std::getenv("TMPDIR");
    throw Error("cannot make a temporary file for " + std::string(for_what) +
                ": no temporary directory (TMPDIR " +
                (named ? "'" + std::string(named) + "'" : std::string("not set")) +
                "): " + ec.message());
  }
  path = (directory / ("dutycalc-" + std::string(stem) + "-XXXXXX")).string();
  const int fd = ::mkstemp(path.data());
  if (fd < 0)
    throw Error("cannot make a temporary file for " + std::string(for_what) + " in " +
                directory.string() + ": " + std::strerror(errno));
  return fd;
}

} // namespace dutycalc
