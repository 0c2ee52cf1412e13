#include <dutycalc/pricing/base_rate.hpp>

#include <catch2/catch.hpp>

#include <memory>
#include <string>

using dutycalc::Date;
using dutycalc::pricing::choose_base_rate;
using dutycalc::schedule::Edition;
using dutycalc::schedule::Schedule;
using dutycalc::schedule::TariffLine;

namespace {
// A schedule whose only programme is KR (goods of Korea), in force throughout.
std::unique_ptr<Schedule> korea_schedule() {
  auto schedule = std::make_unique<Schedule>();
  dutycalc::schedule::Programme& kr = schedule->programmes.emplace_back();
  kr.id = "KR";
  kr.name = "United States-Korea Free Trade Agreement";
  kr.origins.countries.push_back({'K', 'R'});
  kr.open_start = true;
  return schedule;
}

TariffLine line_with_special(const char* code, std::string_view special) {
  TariffLine line;
  line.code = dutycalc::HsCode::parse(code).value();
  line.general = dutycalc::rate::parse_expression("2.6%");
  line.special = dutycalc::rate::parse_expression(special);
  return line;
}

// The rate text a claim of KR on goods of Korea gets on `line`.
std::string korea_rate(const Schedule& schedule, const TariffLine& line) {
  Edition edition;
  edition.id = "HTS 2024";
  return choose_base_rate(schedule, edition, line, {'K', 'R'}, "KR",
                          Date::from_ymd(2024, 5, 1).value())
      .text;
}
} // namespace

TEST_CASE("A claimed programme gets the rate its line's special column lists, whatever was "
          "priced before") {
  // Schedules made and dropped in turn, their lines' columns alternating: memory freed by one is
  // taken by the next, and an answer remembered for one column must not serve another.
  for (int round = 0; round < 40; ++round) {
    const auto schedule = korea_schedule();
    const bool free = round % 2 == 0;
    const TariffLine line =
        line_with_special("7601.10.30", free ? "Free (A,AU,KR,S+)" : "1.3% (JP,KR)");
    INFO("round " << round);
    CHECK(korea_rate(*schedule, line) == (free ? "Free (KR)" : "1.3% (KR)"));
    // Not listed: the general rate.
    const TariffLine unlisted = line_with_special("7601.10.30", "Free (A,AU,S+)");
    CHECK(korea_rate(*schedule, unlisted) == "2.6%");
  }
  // Two lines that share one parse of their column, and one with its own parse of the same text.
  const auto schedule = korea_schedule();
  const TariffLine first = line_with_special("7601.10.30", "3% (KR)");
  TariffLine second = line_with_special("7601.10.60", "");
  second.special = first.special;
  const TariffLine third = line_with_special("7601.20.60", "3% (KR)");
  CHECK(korea_rate(*schedule, first) == "3% (KR)");
  CHECK(korea_rate(*schedule, second) == "3% (KR)");
  CHECK(korea_rate(*schedule, third) == "3% (KR)");
}
