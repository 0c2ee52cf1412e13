#include <dutycalc/diff/pairing.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using dutycalc::Date;
using dutycalc::DateRange;
using dutycalc::diff::ChangeKind;
using dutycalc::diff::DatedRule;
using dutycalc::diff::pair_changes;
using dutycalc::diff::Pairing;

namespace {

Date d(const char* text) {
  return Date::parse(text).value();
}

DatedRule rule(std::string key, const char* from, const char* to = nullptr, int group = 0) {
  return {std::move(key), DateRange{d(from), to ? std::optional<Date>(d(to)) : std::nullopt},
          group};
}

// "kind rule<-was@date" for each entry, so a failing test shows the whole answer.
std::vector<std::string> show(const std::vector<Pairing>& entries) {
  std::vector<std::string> out;
  for (const Pairing& p : entries) {
    std::string text = std::string(to_string(p.kind)) + " " + std::to_string(p.rule);
    if (p.was)
      text += "<-" + std::to_string(*p.was);
    out.push_back(text + "@" + p.date.to_string());
  }
  return out;
}

} // namespace

TEST_CASE("pair_changes: starts, ends, comes and goes, and what is not listed") {
  const std::vector<DatedRule> rules{
      rule("a", "2018-03-23", "2025-03-12"), // 0: in force on the first date only: ends
      rule("b", "2025-03-12"),               // 1: in force on the second only: starts
      rule("c", "2020-01-01"),               // 2: in force on both: not listed
      rule("d", "2018-01-01", "2019-01-01"), // 3: over before the first date
      rule("e", "2026-01-01"),               // 4: begins after the second date
      rule("f", "2025-03-01", "2025-04-01"), // 5: begins and ends in between
      rule("g", "2024-06-01", "2025-01-01"), // 6: ends exactly on the first date: already over
  };
  CHECK(show(pair_changes(rules, d("2025-01-01"), d("2025-06-01"))) ==
        std::vector<std::string>{"comes-and-goes 5@2025-03-01", "ends 0@2025-03-12",
                                 "starts 1@2025-03-12"});
  CHECK(show(pair_changes(rules, d("2025-03-11"), d("2025-03-12"))) ==
        std::vector<std::string>{"ends 0@2025-03-12", "starts 1@2025-03-12"});
}

TEST_CASE("pair_changes: a rule that begins on the second date starts; one that ends on it ends") {
  // Different keys: not a change.
  const std::vector<DatedRule> rules{rule("x", "2025-06-04"),
                                     rule("y", "2025-01-01", "2025-06-04")};
  CHECK(show(pair_changes(rules, d("2025-06-03"), d("2025-06-04"))) ==
        std::vector<std::string>{"ends 1@2025-06-04", "starts 0@2025-06-04"});
}

TEST_CASE("pair_changes: equal dates list nothing") {
  const std::vector<DatedRule> rules{rule("a", "2025-03-12"),
                                     rule("b", "2018-01-01", "2025-03-12")};
  CHECK(pair_changes(rules, d("2025-03-12"), d("2025-03-12")).empty());
}

TEST_CASE("pair_changes: a rule ending the day another of its key begins is one change") {
  const std::vector<DatedRule> rules{
      rule("measure|9903.81.87", "2025-03-12", "2025-06-04"), // 0: 25%
      rule("measure|9903.81.87", "2025-06-04"),               // 1: 50%
      rule("measure|9903.81.94", "2025-06-04"),               // 2: another heading
  };
  CHECK(show(pair_changes(rules, d("2025-06-01"), d("2025-07-01"))) ==
        std::vector<std::string>{"changes 1<-0@2025-06-04", "starts 2@2025-06-04"});
}

TEST_CASE("pair_changes: a gap between the windows is not a change") {
  const std::vector<DatedRule> rules{rule("tax|DE", "2018-01-01", "2020-07-01"),
                                     rule("tax|DE", "2021-01-01")};
  CHECK(show(pair_changes(rules, d("2020-01-01"), d("2021-06-01"))) ==
        std::vector<std::string>{"ends 0@2020-07-01", "starts 1@2021-01-01"});
}

TEST_CASE("pair_changes: several candidates of one key and day stay unpaired") {
  const std::vector<DatedRule> rules{
      rule("k", "2019-01-01", "2025-01-01"), // 0
      rule("k", "2020-01-01", "2025-01-01"), // 1: a second rule of the key stopping that day
      rule("k", "2025-01-01"),               // 2
  };
  CHECK(show(pair_changes(rules, d("2024-12-31"), d("2025-01-01"))) ==
        std::vector<std::string>{"ends 0@2025-01-01", "ends 1@2025-01-01", "starts 2@2025-01-01"});
}

TEST_CASE("pair_changes: a rule that comes and goes links the changes before and after it") {
  // Fees by fiscal year: FY2024 ends, FY2025 comes and goes, FY2026 starts.
  const std::vector<DatedRule> rules{
      rule("fee", "2023-10-01", "2024-10-01"), // 0
      rule("fee", "2024-10-01", "2025-10-01"), // 1
      rule("fee", "2025-10-01", "2026-10-01"), // 2
  };
  CHECK(show(pair_changes(rules, d("2024-06-01"), d("2025-12-01"))) ==
        std::vector<std::string>{"changes 1<-0@2024-10-01", "changes 2<-1@2025-10-01"});
  // No FY2026: FY2025's stop is no change, so it is an end of its own.
  CHECK(show(pair_changes({rules[0], rules[1]}, d("2024-06-01"), d("2025-12-01"))) ==
        std::vector<std::string>{"changes 1<-0@2024-10-01", "ends 1@2025-10-01"});
  // No FY2024: FY2025's start is no change, so it is a start of its own.
  CHECK(show(pair_changes({rules[1], rules[2]}, d("2024-06-01"), d("2025-12-01"))) ==
        std::vector<std::string>{"starts 0@2024-10-01", "changes 1<-0@2025-10-01"});
  // Neither: one entry.
  CHECK(show(pair_changes({rules[1]}, d("2024-06-01"), d("2025-12-01"))) ==
        std::vector<std::string>{"comes-and-goes 0@2024-10-01"});
}

TEST_CASE("pair_changes: sorted by date, then group, then kind, then position") {
  const std::vector<DatedRule> rules{
      rule("s", "2025-03-12", nullptr, 1),          // 0: starts, group 1
      rule("e", "2018-01-01", "2025-03-12", 1),     // 1: ends, group 1
      rule("s2", "2025-03-12", nullptr, 0),         // 2: starts, group 0
      rule("early", "2018-01-01", "2025-02-01", 2), // 3: ends earlier, group 2
      rule("c", "2018-01-01", "2025-03-12", 1),     // 4: changes into 5
      rule("c", "2025-03-12", nullptr, 1),          // 5
  };
  CHECK(show(pair_changes(rules, d("2025-01-01"), d("2025-04-01"))) ==
        std::vector<std::string>{"ends 3@2025-02-01", "starts 2@2025-03-12",
                                 "changes 5<-4@2025-03-12", "ends 1@2025-03-12",
                                 "starts 0@2025-03-12"});
}
