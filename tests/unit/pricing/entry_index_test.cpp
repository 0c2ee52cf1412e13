#include <dutycalc/pricing/entry_index.hpp>

#include <catch2/catch.hpp>

#include <string>

using dutycalc::pricing::EntryIndex;

TEST_CASE("EntryIndex numbers keys in order of first appearance") {
  EntryIndex index;
  bool added = false;
  CHECK(index.find_or_add("E1", added) == 0);
  CHECK(added);
  CHECK(index.find_or_add("E2", added) == 1);
  CHECK(added);
  CHECK(index.find_or_add("E1", added) == 0);
  CHECK_FALSE(added);
  // Keys that differ in length only, and the empty key, are keys of their own.
  CHECK(index.find_or_add("E", added) == 2);
  CHECK(index.find_or_add("", added) == 3);
  CHECK(added);
  CHECK(index.find_or_add("", added) == 3);
  CHECK_FALSE(added);
  CHECK(index.size() == 4);
  CHECK(index.find("E2") == 1);
  CHECK(index.find("E3") == EntryIndex::k_none);
  CHECK(EntryIndex().find("E1") == EntryIndex::k_none);
  CHECK(index.key(0) == "E1");
  CHECK(index.key(3).empty());
}

TEST_CASE("EntryIndex keeps every key through its table's growth") {
  EntryIndex index;
  bool added = false;
  constexpr std::uint32_t k_keys = 100000; // the table grows several times
  for (std::uint32_t i = 0; i < k_keys; ++i) {
    REQUIRE(index.find_or_add("manifest.csv:" + std::to_string(i), added) == i);
    REQUIRE(added);
  }
  for (std::uint32_t i = 0; i < k_keys; i += 7) {
    REQUIRE(index.find_or_add("manifest.csv:" + std::to_string(i), added) == i);
    REQUIRE_FALSE(added);
    REQUIRE(index.find("manifest.csv:" + std::to_string(i)) == i);
    REQUIRE(index.find("other.csv:" + std::to_string(i)) == EntryIndex::k_none);
  }
  CHECK(index.size() == k_keys);
  CHECK(index.key(12345) == "manifest.csv:12345");
}
