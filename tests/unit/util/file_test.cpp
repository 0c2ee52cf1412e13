#include <dutycalc/error.hpp>
#include <dutycalc/util/file.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

TEST_CASE("read_file") {
  namespace fs = std::filesystem;
  const fs::path path =
      fs::temp_directory_path() / ("dutycalc-read-file-" + std::to_string(::getpid()));
  // Larger than a read block, with every byte value (a NUL too).
  std::string bytes;
  for (int i = 0; i < 200'000; ++i)
    bytes.push_back(static_cast<char>(i * 7 % 256));
  std::ofstream(path, std::ios::binary) << bytes;
  CHECK(dutycalc::read_file(path) == bytes);
  std::ofstream(path, std::ios::binary | std::ios::trunc).close();
  CHECK(dutycalc::read_file(path).empty());
  fs::remove(path);
  CHECK_THROWS_WITH(dutycalc::read_file(path),
                    path.string() + ": cannot read: No such file or directory");
  // A pipe says no size: read in blocks to its end.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  REQUIRE(::write(fds[1], "a,b\n1,2\n", 8) == 8);
  ::close(fds[1]);
  CHECK(dutycalc::read_file("/dev/fd/" + std::to_string(fds[0])) == "a,b\n1,2\n");
  ::close(fds[0]);
}
