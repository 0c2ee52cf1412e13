#include <dutycalc/util/temporary_file.hpp>

#include <dutycalc/error.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

// Sets TMPDIR for one test and puts back what was there.
class TmpdirAs {
public:
  explicit TmpdirAs(const std::string& value) {
    if (const char* old = std::getenv("TMPDIR")) m_old = old;
    ::setenv("TMPDIR", value.c_str(), 1);
  }
  ~TmpdirAs() {
    if (m_old) ::setenv("TMPDIR", m_old->c_str(), 1);
    else ::unsetenv("TMPDIR");
  }
  TmpdirAs(const TmpdirAs&) = delete;
  TmpdirAs& operator=(const TmpdirAs&) = delete;

private:
  std::optional<std::string> m_old;
};

} // namespace

TEST_CASE("make_temporary_file makes a new empty file in TMPDIR") {
  const fs::path dir = fs::temp_directory_path() / ("dutycalc-test-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  {
    TmpdirAs tmpdir(dir.string());
    std::string first;
    std::string second;
    const int a = dutycalc::make_temporary_file("results", "a test", first);
    const int b = dutycalc::make_temporary_file("results", "a test", second);
    CHECK(a >= 0);
    CHECK(b >= 0);
    CHECK(first != second);
    CHECK(fs::path(first).parent_path() == dir);
    CHECK(fs::path(first).filename().string().starts_with("dutycalc-results-"));
    CHECK(fs::file_size(first) == 0);
    ::close(a);
    ::close(b);
  }
  fs::remove_all(dir);
}

TEST_CASE("make_temporary_file says what it was for and why it could not make it") {
  TmpdirAs tmpdir("/nonexistent-dutycalc-dir");
  std::string path;
  try {
    dutycalc::make_temporary_file("stdin", "a copy of standard input", path);
    FAIL("no error");
  } catch (const dutycalc::Error& e) {
    CHECK(e.message() == "cannot make a temporary file for a copy of standard input: no temporary "
                         "directory (TMPDIR '/nonexistent-dutycalc-dir'): No such file or directory");
  }
}
