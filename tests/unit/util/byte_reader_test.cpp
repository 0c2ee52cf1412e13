#include <dutycalc/error.hpp>
#include <dutycalc/util/byte_reader.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <string>

using dutycalc::ByteReader;

namespace {
template <class T> void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}
} // namespace

TEST_CASE("ByteReader reads back values, texts and the rest, in the order written") {
  std::string bytes;
  put(bytes, std::int32_t{-7});
  put(bytes, std::uint32_t{5});
  bytes += "hello";
  put(bytes, 'x');
  bytes += "tail";
  ByteReader in(bytes, "cut short");
  CHECK(in.get<std::int32_t>() == -7);
  CHECK(in.text() == "hello");
  CHECK(in.get<char>() == 'x');
  CHECK_FALSE(in.done());
  CHECK(in.rest() == "tail");
  CHECK(in.done());
}

TEST_CASE("ByteReader throws the caller's message when a value runs past the end") {
  std::string bytes;
  put(bytes, std::uint32_t{10}); // a text of 10 bytes...
  bytes += "only six";           // ...of which 8 are there
  ByteReader in(bytes, "a test record is cut short");
  CHECK_THROWS_WITH(in.text(), "a test record is cut short");
  ByteReader empty("", "nothing there");
  CHECK_THROWS_WITH(empty.get<std::uint64_t>(), "nothing there");
}
