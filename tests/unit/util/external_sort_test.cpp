#include <dutycalc/util/external_sort.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <cstdint>
#include <string>
#include <vector>

using dutycalc::ExternalSorter;

namespace {

// Records of different lengths, in an order far from sorted: a number written in order-keeping
// bytes, then `tail` letters.
std::vector<std::string> shuffled_records(std::size_t n) {
  std::vector<std::string> records;
  std::uint64_t x = 88172645463325252ull; // xorshift: the same records on every run
  for (std::size_t i = 0; i < n; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    std::string record;
    dutycalc::put_ordered(record, x % 1000); // many equal leading numbers
    record.append(static_cast<std::size_t>(x % 23), static_cast<char>('a' + x % 26));
    records.push_back(record);
  }
  return records;
}

std::vector<std::string> sorted_back(ExternalSorter& sorter) {
  sorter.finish();
  std::vector<std::string> out;
  std::string_view record;
  while (sorter.next(record)) out.emplace_back(record);
  return out;
}

} // namespace

TEST_CASE("put_ordered writes numbers as bytes that compare as the numbers") {
  std::string a, b, c;
  dutycalc::put_ordered(a, 255);
  dutycalc::put_ordered(b, 256);
  dutycalc::put_ordered(c, 0xFFFFFFFFFFFFFFFFull);
  CHECK(a.size() == 8);
  CHECK(a < b);
  CHECK(b < c);
  CHECK(dutycalc::get_ordered(a) == 255);
  CHECK(dutycalc::get_ordered(b) == 256);
  CHECK(dutycalc::get_ordered(c) == 0xFFFFFFFFFFFFFFFFull);
}

TEST_CASE("ExternalSorter sorts in memory while the records fit") {
  const std::vector<std::string> records = shuffled_records(1000);
  ExternalSorter sorter("test records");
  for (const std::string& r : records) sorter.add(r);
  std::vector<std::string> expected = records;
  std::sort(expected.begin(), expected.end());
  CHECK(sorted_back(sorter) == expected);
  CHECK(sorter.runs_written() == 0);
  CHECK(sorter.records() == 1000);
}

TEST_CASE("ExternalSorter sorts through runs on disk, merged in more than one round") {
  const std::vector<std::string> records = shuffled_records(20000);
  std::vector<std::string> expected = records;
  std::sort(expected.begin(), expected.end());
  SECTION("one merge") {
    ExternalSorter sorter("test records", {.memory = 64 << 10, .fan_in = 32, .read_buffer = 4096});
    for (const std::string& r : records) sorter.add(r);
    CHECK(sorted_back(sorter) == expected);
    CHECK(sorter.runs_written() > 2);
    CHECK(sorter.runs_written() <= 32);
  }
  SECTION("runs merged into fewer first, with read buffers smaller than a record") {
    ExternalSorter sorter("test records", {.memory = 4096, .fan_in = 3, .read_buffer = 16});
    for (const std::string& r : records) sorter.add(r);
    CHECK(sorted_back(sorter) == expected);
    CHECK(sorter.runs_written() > 100);
  }
  SECTION("a record longer than the memory budget") {
    ExternalSorter sorter("test records", {.memory = 64, .fan_in = 4, .read_buffer = 16});
    std::vector<std::string> some(records.begin(), records.begin() + 50);
    some.push_back(std::string(1000, 'z'));
    some.push_back(std::string());
    for (const std::string& r : some) sorter.add(r);
    std::sort(some.begin(), some.end());
    CHECK(sorted_back(sorter) == some);
  }
}

TEST_CASE("ExternalSorter with nothing added gives nothing") {
  ExternalSorter sorter("test records");
  CHECK(sorted_back(sorter).empty());
}

TEST_CASE("ExternalSorter says why when it cannot make its temporary file") {
  // Records that fit need no file; the first run written does.
  const char* saved = std::getenv("TMPDIR");
  const std::string was = saved ? saved : "";
  ::setenv("TMPDIR", "/nonexistent/dutycalc-test", 1);
  ExternalSorter fits("test records");
  fits.add("a");
  ExternalSorter spills("test records", {.memory = 16, .fan_in = 4, .read_buffer = 16});
  spills.add("0123456789");
  CHECK_THROWS_WITH(spills.add("0123456789"),
                    Catch::Matchers::StartsWith(
                        "cannot make a temporary file for sorting test records: no temporary "
                        "directory (TMPDIR '/nonexistent/dutycalc-test')"));
  if (saved) ::setenv("TMPDIR", was.c_str(), 1);
  else ::unsetenv("TMPDIR");
  fits.finish();
  std::string_view record;
  REQUIRE(fits.next(record));
  CHECK(record == "a");
}
