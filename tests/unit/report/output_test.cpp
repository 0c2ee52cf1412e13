#include <dutycalc/error.hpp>
#include <dutycalc/report/output.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;

namespace {
std::string read_whole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

fs::path scratch_file(const char* name) {
  return fs::temp_directory_path() /
         ("dutycalc-output-test-" + std::to_string(::getpid()) + "-" + name);
}
} // namespace

TEST_CASE("Output::write_all writes its pieces in order, after what write() buffered") {
  const fs::path path = scratch_file("pieces");
  std::string expected;
  {
    dutycalc::Output out(path.string());
    out.write("header\n");
    expected += "header\n";
    // More pieces than one system call takes, some empty, of many lengths.
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 1000; ++i)
      texts.push_back(i % 7 == 0 ? std::string()
                                 : std::string(i % 300, static_cast<char>('a' + i % 26)) + "\n");
    std::vector<std::string_view> pieces(texts.begin(), texts.end());
    out.write_all(pieces.data(), pieces.size());
    for (const std::string& text : texts) expected += text;
    out.write("between\n");
    expected += "between\n";
    out.write_all(pieces.data(), 3);
    expected += texts[0] + texts[1] + texts[2];
    out.write_all(pieces.data(), 0);
    out.write("end\n");
    expected += "end\n";
    out.flush();
  }
  CHECK(read_whole(path) == expected);
  fs::remove(path);
}

TEST_CASE("Output::write_all reports a write that fails, naming the output") {
  // /dev/full takes no bytes: every write fails with "No space left on device".
  if (!fs::exists("/dev/full")) return;
  dutycalc::Output out("/dev/full");
  const std::string text = "a record\n";
  const std::string_view pieces[] = {text, text};
  CHECK_THROWS_WITH(out.write_all(pieces, 2), "/dev/full: cannot write: No space left on device");
}
