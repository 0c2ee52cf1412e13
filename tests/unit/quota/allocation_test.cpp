#include <dutycalc/quota/allocation.hpp>
#include <dutycalc/quota/ledger.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

using dutycalc::Date;
using dutycalc::Decimal;
using dutycalc::quota::allocate;
using dutycalc::quota::open_memory_ledger;
using dutycalc::quota::PeriodKind;
using dutycalc::quota::Quota;
using dutycalc::quota::QuotaClaim;
using dutycalc::quota::QuotaDraw;
using dutycalc::quota::QuotaKind;

namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }
Date date(const char* text) { return Date::parse(text).value(); }

Quota quarterly(const char* volume, QuotaKind kind = QuotaKind::tariff_rate) {
  Quota q;
  q.id = "q";
  q.kind = kind;
  q.period = PeriodKind::quarter;
  q.volume = dec(volume);
  return q;
}

QuotaClaim claim(std::size_t record, const char* day, const Quota& q, const char* quantity,
                 std::string_view entry) {
  QuotaClaim c{record, date(day), &q, std::nullopt, entry};
  if (quantity) c.quantity = dec(quantity);
  return c;
}

} // namespace

TEST_CASE("allocate draws first come, first served: by date, then by record") {
  const Quota q = quarterly("100");
  const auto ledger = open_memory_ledger();
  // Record 0 enters last; records 1 and 2 the same day, in record order.
  const std::vector<QuotaClaim> claims{claim(0, "2022-08-03", q, "30", "E3"),
                                       claim(1, "2022-07-05", q, "60", "E1"),
                                       claim(2, "2022-07-05", q, "50", "E2")};
  const std::vector<QuotaDraw> draws = allocate(claims, *ledger);
  REQUIRE(draws.size() == 3);
  // In the claims' order: record 1 drew whole, record 2 crossed the limit, record 0 found none.
  CHECK(draws[1].in == dec("60"));
  CHECK(draws[1].over == Decimal{});
  CHECK(draws[2].in == dec("40"));
  CHECK(draws[2].over == dec("10"));
  CHECK(draws[0].in == Decimal{});
  CHECK(draws[0].over == dec("30"));
  CHECK(draws[0].period == "2022-Q3");
  CHECK(ledger->drawn("q", "2022-Q3") == dec("100"));
}

TEST_CASE("allocate orders claims by date and record whatever order they come in") {
  const Quota q = quarterly("100");
  const auto ledger = open_memory_ledger();
  // Not in record order: record 7 is drawn before record 9 on the same day.
  const std::vector<QuotaClaim> claims{claim(9, "2022-07-05", q, "70", "E9"),
                                       claim(7, "2022-07-05", q, "70", "E7")};
  const std::vector<QuotaDraw> draws = allocate(claims, *ledger);
  CHECK(draws[1].in == dec("70"));
  CHECK(draws[0].in == dec("30"));
  CHECK(draws[0].over == dec("40"));
}

TEST_CASE("allocate replaces an entry's earlier draw, once, at its first claim") {
  const Quota q = quarterly("100");
  const auto ledger = open_memory_ledger();
  ledger->add("q", "2022-Q3", "E1", dec("80")); // E1 priced in an earlier run
  ledger->add("q", "2022-Q3", "E0", dec("5"));
  // E2 enters before E1's first line: E1's earlier draw still counts then (85 of 100 drawn).
  // At E1's first line its earlier draw is forgotten; its second line adds to the first.
  const std::vector<QuotaClaim> claims{claim(0, "2022-07-01", q, "20", "E2"),
                                       claim(1, "2022-07-02", q, "50", "E1"),
                                       claim(2, "2022-07-03", q, "50", "E1")};
  const std::vector<QuotaDraw> draws = allocate(claims, *ledger);
  CHECK(draws[0].in == dec("15"));
  CHECK(draws[0].over == dec("5"));
  CHECK(draws[1].in == dec("50")); // 5 + 15 + 50 of 100
  CHECK(draws[2].in == dec("30"));
  CHECK(draws[2].over == dec("20"));
  CHECK(ledger->drawn("q", "2022-Q3") == dec("100"));
}

TEST_CASE("allocate: a claim with no quantity draws nothing; an absolute quota refuses what is over") {
  const auto ledger = open_memory_ledger();
  const Quota q = quarterly("100", QuotaKind::absolute);
  const std::vector<QuotaClaim> claims{claim(0, "2022-07-01", q, nullptr, "E1"),
                                       claim(1, "2022-07-02", q, "120", "E2"),
                                       claim(2, "2022-07-03", q, "90", "E3")};
  const std::vector<QuotaDraw> draws = allocate(claims, *ledger);
  CHECK(draws[0].missing_quantity);
  CHECK(draws[0].in == Decimal{});
  CHECK(draws[1].over == dec("20")); // refused whole: it draws nothing
  CHECK(draws[2].in == dec("90"));
  CHECK(ledger->drawn("q", "2022-Q3") == dec("90"));
}

TEST_CASE("allocate takes time in proportion to the claims, not their square") {
  // 200,000 lines of as many entries on one quota period. Summing every entry's draw for each
  // line's balance took minutes for this; it takes well under a second.
  const Quota q = quarterly("1000000000");
  const auto ledger = open_memory_ledger();
  constexpr std::size_t k_claims = 200000;
  std::vector<std::string> entries;
  entries.reserve(k_claims);
  std::vector<QuotaClaim> claims;
  claims.reserve(k_claims);
  for (std::size_t i = 0; i < k_claims; ++i) {
    entries.push_back("E" + std::to_string(i));
    claims.push_back(claim(i, i % 2 ? "2022-07-02" : "2022-07-01", q, "3", entries.back()));
  }
  const auto start = std::chrono::steady_clock::now();
  const std::vector<QuotaDraw> draws = allocate(claims, *ledger);
  const auto seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(draws.back().in == dec("3"));
  CHECK(ledger->drawn("q", "2022-Q3") == dec("600000"));
  CHECK(seconds < 20.0);
}

TEST_CASE("Allocation draws as allocate does when its claims wait in files, and keeps payloads") {
  // 3,000 claims of 700 entries on two quotas over two quarters, dates in no order, some with no
  // quantity; sorted through runs of 2 KB. The draws must equal those made in memory, and each
  // claim's payload and entry come back with its draw, in the order the claims were added.
  const Quota small = quarterly("5000");
  Quota absolute = quarterly("3000", QuotaKind::absolute);
  absolute.id = "abs";
  std::vector<std::string> entries;
  for (int e = 0; e < 700; ++e) entries.push_back("E" + std::to_string(e));
  std::vector<QuotaClaim> claims;
  std::uint32_t x = 12345;
  for (std::size_t i = 0; i < 3000; ++i) {
    x = x * 1103515245u + 12345u;
    const Quota& q = x % 3 == 0 ? absolute : small;
    const std::string day = "2022-" + std::string(x % 2 ? "07-" : "10-") + std::to_string(10 + x % 19);
    QuotaClaim c{i, date(day.c_str()), &q, std::nullopt, entries[(x >> 8) % 700]};
    if (x % 17 != 0) c.quantity = Decimal::from_integer(1 + (x >> 4) % 40);
    claims.push_back(c);
  }
  const auto in_memory = open_memory_ledger();
  in_memory->add("q", "2022-Q3", "E5", dec("700")); // an earlier run's draw, replaced
  const std::vector<QuotaDraw> expected = allocate(claims, *in_memory);

  const auto ledger = open_memory_ledger();
  ledger->add("q", "2022-Q3", "E5", dec("700"));
  dutycalc::quota::Allocation allocation({.memory = 2048, .fan_in = 3, .read_buffer = 64});
  for (const QuotaClaim& c : claims) allocation.add(c, "payload " + std::to_string(c.record));
  std::size_t drawn = 0;
  allocation.draw(*ledger, [&drawn](const dutycalc::quota::DrawnClaim&) { ++drawn; });
  CHECK(drawn == claims.size());
  dutycalc::quota::DrawnClaim claim;
  std::size_t i = 0;
  for (; allocation.next(claim); ++i) {
    REQUIRE(i < claims.size());
    CHECK(claim.record == i);
    CHECK(claim.payload == "payload " + std::to_string(i));
    CHECK(claim.entry == claims[i].entry);
    CHECK(claim.draw.quota == expected[i].quota);
    CHECK(claim.draw.period == expected[i].period);
    CHECK(claim.draw.in == expected[i].in);
    CHECK(claim.draw.over == expected[i].over);
    CHECK(claim.draw.missing_quantity == expected[i].missing_quantity);
  }
  CHECK(i == claims.size());
  CHECK(ledger->drawn("q", "2022-Q3") == in_memory->drawn("q", "2022-Q3"));
  CHECK(ledger->drawn("q", "2022-Q4") == dec("5000"));
  CHECK(ledger->drawn("abs", "2022-Q3") == in_memory->drawn("abs", "2022-Q3"));
}
