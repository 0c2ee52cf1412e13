#include <dutycalc/error.hpp>
#include <dutycalc/pricing/single_line_entries.hpp>

#include <catch2/catch.hpp>

using dutycalc::Decimal;
using dutycalc::pricing::SingleLineEntries;
using dutycalc::pricing::SingleLineEntry;

namespace {

// Entry `i` of the test: every third record has none (a line that is not priced).
SingleLineEntry entry_number(std::uint64_t i) {
  SingleLineEntry entry;
  entry.record = i * 3;
  entry.value = Decimal::from_integer(static_cast<std::int64_t>(i) + 1);
  entry.date_days = 19000 + static_cast<std::int32_t>(i % 400);
  entry.de_minimis = static_cast<std::uint16_t>(i % 3);
  entry.mode = dutycalc::manifest::TransportMode::air;
  return entry;
}

} // namespace

TEST_CASE("SingleLineEntries gives back what was added, in order, through its file and again") {
  // 10,000 entries: more than it holds in memory, so they go through the temporary file.
  SingleLineEntries entries;
  for (std::uint64_t i = 0; i < 10000; ++i) entries.add(entry_number(i));
  CHECK(entries.size() == 10000);
  entries.rewind();
  for (int round = 0; round < 2; ++round) {
    SingleLineEntry entry;
    std::uint64_t i = 0;
    for (; entries.next(entry); ++i) {
      REQUIRE(i < 10000);
      CHECK(entry.record == i * 3);
      CHECK(entry.value == Decimal::from_integer(static_cast<std::int64_t>(i) + 1));
      CHECK(entry.date_days == 19000 + static_cast<std::int32_t>(i % 400));
    }
    CHECK(i == 10000);
    entries.rewind();
  }
  // entry_of() skips the entries of lines it is not asked for (lines refused by a quota).
  CHECK(entries.entry_of(0).record == 0);
  CHECK(entries.entry_of(9).record == 9);
  CHECK(entries.entry_of(29997).record == 29997);
  CHECK_THROWS_AS(entries.entry_of(29998), dutycalc::Error);
}

TEST_CASE("SingleLineEntries: an entry asked for by a record it does not hold is an error") {
  SingleLineEntries entries;
  for (std::uint64_t i = 0; i < 10; ++i) entries.add(entry_number(i));
  entries.rewind();
  CHECK(entries.entry_of(3).record == 3);
  CHECK_THROWS_WITH(entries.entry_of(4),
                    "the temporary file of single-line customs entries is not as written");
}

TEST_CASE("SingleLineEntry's state is the entry of its one line, or of none when it is refused") {
  SingleLineEntry line = entry_number(4); // value 5, de minimis rule 1 + 0
  line.de_minimis = 2;
  const dutycalc::pricing::EntryState priced = line.state(false);
  CHECK(priced.total() == Decimal::from_integer(5));
  CHECK(priced.lines_left == 1);
  CHECK(priced.de_minimis == 2);
  CHECK(priced.de_minimis_possible);
  CHECK(priced.date.days() == 19004);
  const dutycalc::pricing::EntryState refused = line.state(true);
  CHECK(refused.total() == Decimal{});
  CHECK(refused.lines_left == 0);
  CHECK(refused.date.days() == 19004);
  line.de_minimis = 0;
  CHECK_FALSE(line.state(false).de_minimis_possible);
}
