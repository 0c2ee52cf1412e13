#include "test_schedule.hpp"

#include <dutycalc/error.hpp>
#include <dutycalc/explain/explain.hpp>

#include <catch2/catch.hpp>

#include <string>

using dutycalc::Date;
using dutycalc::Decimal;
using dutycalc::explain::explain_code;
using dutycalc::explain::ExplainArguments;
using dutycalc::explain::make_request;
using Status = dutycalc::pricing::MeasureOutcome::Status;

namespace {

const Date k_today = Date::parse("2024-03-15").value();

ExplainArguments args(std::string code, std::string origin, std::string date = "",
                      std::string value = "", std::vector<std::string> quantities = {},
                      std::string programme = "", std::string melt_country = "") {
  return {std::move(code),       std::move(origin),    std::move(date),
          std::move(value),      std::move(quantities), std::move(programme),
          std::move(melt_country)};
}

std::string request_error(ExplainArguments arguments) {
  try {
    make_request(arguments, k_today);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("make_request") {
  const auto request =
      make_request(args("7601.10.3000", "ru", "", "100000", {"40000kg"}, "KR", "in"), k_today);
  CHECK(request.code_text == "7601.10.3000");
  CHECK(request.code.formatted() == "7601.10.30.00");
  CHECK(request.origin == dutycalc::schedule::CountryCode{'R', 'U'});
  CHECK(request.melt_country == dutycalc::schedule::CountryCode{'I', 'N'});
  CHECK(request.date == k_today);
  CHECK(request.value == Decimal::parse("100000"));
  CHECK(request.quantities.in(dutycalc::rate::Unit::t) == Decimal::parse("40"));
  CHECK(request.programme == "KR");
  CHECK_FALSE(make_request(args("7601.10.3000", "JP"), k_today).value);
}

TEST_CASE("make_request errors") {
  CHECK(request_error(args("7601.1", "JP")) ==
        "HS code '7601.1' has fewer than 6 digits");
  CHECK(request_error(args("7601.10", "XX")) ==
        "--origin 'XX' is not an ISO 3166-1 alpha-2 country code (like JP or DE)");
  CHECK(request_error(args("7601.10", "JP", "2023-02-30")) ==
        "--date '2023-02-30' is not a valid YYYY-MM-DD date");
  CHECK(request_error(args("7601.10", "JP", "", "-1")) ==
        "--value '-1' must be a plain non-negative decimal, like 1234.56");
  CHECK(request_error(args("7601.10", "JP", "", "", {"12 furlongs"})).starts_with("--quantity: "));
  CHECK(request_error(args("7601.10", "JP", "", "", {}, "", "Russia")) ==
        "--melt-country 'Russia' is not an ISO 3166-1 alpha-2 country code (like JP or DE)");
}

TEST_CASE("explain_code") {
  const auto schedule = explain_test::make_schedule();
  const auto request =
      make_request(args("7601.10.30.00", "RU", "2023-03-15", "100000", {"40000kg"}), k_today);
  const auto e = explain_code(schedule, request);
  CHECK(e.line->code.formatted() == "7601.10.30.00");
  CHECK(e.rated == e.line);
  CHECK(e.path.size() == 3);
  CHECK(e.before_oldest);
  CHECK(e.options.back().status == dutycalc::explain::DutyOption::Status::applies);
  REQUIRE(e.measures.size() == 2);
  CHECK(e.measures[0].outcome.status == Status::replaced);
  CHECK(e.measures[0].why == "replaced by alu-ru (9903.85.67)");
  CHECK_FALSE(e.measures[0].duty);
  CHECK(e.measures[1].outcome.status == Status::applies);
  CHECK(e.measures[1].added_rate == "200%");
  CHECK(e.measures[1].duty == Decimal::parse("200000"));
  // The bottom line is the engine's: 18.5% of 100,000 and 200% of it.
  CHECK(e.result.rate == "18.5% (column 2) + 200% (9903.85.67)");
  CHECK(e.result.base_duty.amount == Decimal::parse("18500"));
  CHECK(e.result.landed_cost.amount == Decimal::parse("318500"));
}

TEST_CASE("explain_code: a rate of a heading above, no value") {
  const auto schedule = explain_test::make_schedule();
  const auto e =
      explain_code(schedule, make_request(args("7208.51.0045", "JP", "2024-06-01"), k_today));
  CHECK(e.line->code.formatted() == "7208.51.00.45");
  CHECK(e.rated->code.formatted() == "7208.51.00");
  CHECK(e.path.size() == 5);
  CHECK(e.measures.empty());
  CHECK(e.result.rate == "Free");
  CHECK_FALSE(e.options.front().duty);
}

TEST_CASE("explain_code: unknown code") {
  const auto schedule = explain_test::make_schedule();
  CHECK_THROWS_WITH(explain_code(schedule, make_request(args("7208.99.00.00", "JP"), k_today)),
                    "7208.99.00.00 is not in Test 2024 (nearest: 7208)");
}
