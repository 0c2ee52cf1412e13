#include <dutycalc/pricing/code_facts.hpp>

#include <catch2/catch.hpp>

#include <thread>
#include <vector>

using dutycalc::pricing::CodeFacts;
using dutycalc::pricing::CodeFactsTable;
using dutycalc::schedule::Edition;
using dutycalc::schedule::TariffLine;

namespace {
std::unique_ptr<CodeFacts> facts_for(const Edition* edition, std::uint64_t code,
                                     const TariffLine* rated) {
  auto facts = std::make_unique<CodeFacts>();
  facts->edition = edition;
  facts->code = code;
  facts->rated = rated;
  return facts;
}
} // namespace

TEST_CASE("CodeFactsTable keeps a code's facts by edition and code") {
  const Edition first{}, second{};
  const TariffLine a{}, b{};
  CodeFactsTable table(100);
  CHECK(table.find(&first, 7) == nullptr);
  auto facts = facts_for(&first, 7, &a);
  const CodeFacts* kept = table.keep(facts);
  REQUIRE(kept != nullptr);
  CHECK(facts == nullptr); // taken by the table
  CHECK(table.find(&first, 7) == kept);
  CHECK(table.find(&first, 7)->rated == &a);
  // Another edition, another code: other entries.
  CHECK(table.find(&second, 7) == nullptr);
  CHECK(table.find(&first, 8) == nullptr);
  auto other = facts_for(&second, 7, &b);
  CHECK(table.keep(other)->rated == &b);
  CHECK(table.find(&first, 7)->rated == &a);
  // The same code again: what was kept first, and the caller keeps its own.
  auto again = facts_for(&first, 7, &b);
  CHECK(table.keep(again) == kept);
  CHECK(again != nullptr);
}

TEST_CASE("CodeFactsTable keeps no more than its room, and says so") {
  const Edition edition{};
  const TariffLine line{};
  CodeFactsTable table(0); // the least room: 1,024 codes
  std::uint64_t code = 0;
  for (;; ++code) {
    auto facts = facts_for(&edition, code, &line);
    if (!table.keep(facts)) {
      CHECK(facts != nullptr); // left to the caller
      break;
    }
  }
  CHECK(code >= 1024);
  for (std::uint64_t kept = 0; kept < code; ++kept) REQUIRE(table.find(&edition, kept) != nullptr);
  CHECK(table.find(&edition, code) == nullptr);
}

TEST_CASE("CodeFactsTable gives threads keeping the same codes one answer per code") {
  const Edition edition{};
  const TariffLine line{};
  CodeFactsTable table(5000);
  std::vector<std::vector<const CodeFacts*>> seen(2, std::vector<const CodeFacts*>(3000));
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < 2; ++t)
    threads.emplace_back([&, t] {
      for (std::uint64_t code = 0; code < 3000; ++code) {
        const CodeFacts* found = table.find(&edition, code);
        if (!found) {
          auto facts = facts_for(&edition, code, &line);
          found = table.keep(facts);
        }
        seen[t][code] = found;
      }
    });
  for (std::thread& thread : threads) thread.join();
  for (std::uint64_t code = 0; code < 3000; ++code) {
    REQUIRE(seen[0][code] != nullptr);
    REQUIRE(seen[0][code] == seen[1][code]);
    REQUIRE(seen[0][code]->code == code);
  }
}
