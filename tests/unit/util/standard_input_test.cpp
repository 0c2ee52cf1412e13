#include <dutycalc/util/standard_input.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <fcntl.h>
#include <string>
#include <thread>
#include <unistd.h>

using dutycalc::DescriptorInput;

TEST_CASE("DescriptorInput waits on a non-blocking pipe that has nothing yet, to its real end") {
  // A writer that gives its bytes in pieces with pauses: a non-blocking read finds the pipe empty
  // many times before the end (std::cin would stop at the first).
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  REQUIRE(::fcntl(ends[0], F_SETFL, ::fcntl(ends[0], F_GETFL) | O_NONBLOCK) == 0);
  std::string sent;
  for (int i = 0; i < 2000; ++i) sent += "E" + std::to_string(i) + ",7208.51.00.30,JP,100\n";
  bool written = true; // read after join(); Catch2's checks are not for other threads
  std::thread writer([&] {
    for (std::size_t at = 0; at < sent.size(); at += 7000) {
      const std::string piece = sent.substr(at, 7000);
      written &= ::write(ends[1], piece.data(), piece.size()) == static_cast<ssize_t>(piece.size());
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::close(ends[1]);
  });
  DescriptorInput buffer(ends[0]);
  std::istream in(&buffer);
  std::string received;
  char chunk[4096];
  while (in.read(chunk, sizeof chunk) || in.gcount() > 0)
    received.append(chunk, static_cast<std::size_t>(in.gcount()));
  writer.join();
  ::close(ends[0]);
  CHECK(written);
  CHECK(received == sent);
  CHECK(in.eof());
  CHECK_FALSE(in.bad());
}

TEST_CASE("DescriptorInput reports a read error as badbit, not as the end of the input") {
  int ends[2];
  REQUIRE(::pipe(ends) == 0);
  // Reading the write end of a pipe fails (EBADF).
  DescriptorInput buffer(ends[1]);
  std::istream in(&buffer);
  char c = 0;
  in.read(&c, 1);
  CHECK(in.bad());
  ::close(ends[0]);
  ::close(ends[1]);
}
