#include <dutycalc/schedule/code_map.hpp>

#include <catch2/catch.hpp>

#include <cstdint>

using dutycalc::schedule::CodeMap;

TEST_CASE("CodeMap finds what was added, and only that", "[schedule]") {
  CodeMap<std::uint32_t> map;
  CHECK(map.find(42) == nullptr); // empty: nothing to probe
  // More keys than the first table holds, with neighbours that collide in a small table.
  for (std::uint32_t i = 1; i <= 1000; ++i) {
    const auto [value, added] = map.try_emplace(std::uint64_t{i} * 16 + 4, i);
    CHECK(added);
    CHECK(*value == i);
  }
  CHECK(map.size() == 1000);
  const auto [kept, added] = map.try_emplace(7 * 16 + 4, 99);
  CHECK_FALSE(added);
  CHECK(*kept == 7); // the first value stays
  for (std::uint32_t i = 1; i <= 1000; ++i) {
    const std::uint32_t* found = map.find(std::uint64_t{i} * 16 + 4);
    REQUIRE(found != nullptr);
    CHECK(*found == i);
    CHECK(map.find(std::uint64_t{i} * 16 + 6) == nullptr);
  }
  CHECK(map.find(0) == nullptr); // the empty-slot marker is never a key
  map.clear();
  CHECK(map.size() == 0);
  CHECK(map.find(20) == nullptr);
}
