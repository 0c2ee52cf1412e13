#include <dutycalc/error.hpp>
#include <dutycalc/report/output.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <thread>
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

TEST_CASE("Output waits on a non-blocking output that is full instead of failing") {
  // A pipe another program made non-blocking, read slowly: writes come back short or with
  // EAGAIN, and every byte still arrives, in order.
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  REQUIRE(::fcntl(ends[1], F_SETFL, ::fcntl(ends[1], F_GETFL) | O_NONBLOCK) == 0);
  std::string received;
  std::thread reader([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100)); // the pipe fills first
    char chunk[1000]; // less than a pipe's buffer: the writer sees room come back bit by bit
    for (;;) {
      const ssize_t n = ::read(ends[0], chunk, sizeof chunk);
      if (n <= 0) break;
      received.append(chunk, static_cast<std::size_t>(n));
    }
  });
  // However the writing ends, the reader is let go and waited for.
  struct Finish {
    int& fd;
    std::thread& thread;
    ~Finish() {
      if (fd >= 0) ::close(fd);
      if (thread.joinable()) thread.join();
    }
  } finish{ends[1], reader};
  std::string expected;
  {
    dutycalc::Output out(ends[1], "pipe");
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < 3000; ++i)
      texts.push_back(std::string(i % 500, static_cast<char>('a' + i % 26)) + "\n");
    std::vector<std::string_view> pieces(texts.begin(), texts.end());
    for (int round = 0; round < 3; ++round) {
      out.write("buffered " + std::to_string(round) + "\n");
      expected += "buffered " + std::to_string(round) + "\n";
      out.write_all(pieces.data(), pieces.size());
      for (const std::string& text : texts) expected += text;
    }
    const std::string big(200000, 'z'); // more than the buffer and the pipe hold
    out.write(big);
    expected += big;
    out.flush();
  }
  ::close(ends[1]);
  ends[1] = -1;
  reader.join();
  ::close(ends[0]);
  CHECK(received.size() == expected.size());
  CHECK(received == expected);
}

TEST_CASE("Output on a pipe whose reader has gone says so with BrokenPipe") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  ::close(ends[0]);
  const auto old = std::signal(SIGPIPE, SIG_IGN);
  dutycalc::Output out(ends[1], "pipe");
  const std::string text = "a record\n";
  const std::string_view pieces[] = {text};
  CHECK_THROWS_AS(out.write_all(pieces, 1), dutycalc::BrokenPipe);
  std::signal(SIGPIPE, old);
  ::close(ends[1]);
}
