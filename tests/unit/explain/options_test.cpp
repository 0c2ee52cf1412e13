#include "test_schedule.hpp"

#include <dutycalc/explain/options.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

using dutycalc::Date;
using dutycalc::Decimal;
using dutycalc::HsCode;
using dutycalc::explain::DutyOption;
using dutycalc::explain::list_options;
using dutycalc::explain::OptionContext;
using Status = DutyOption::Status;

namespace {

struct Case {
  const char* code;
  const char* origin;
  const char* date;
  const char* programme = "";
  const char* value = "100000";
  const char* kg = "40000";
};

std::vector<DutyOption> options_for(const Case& c) {
  static const auto schedule = explain_test::make_schedule();
  const auto& edition = schedule.editions.front();
  const auto resolution = edition.nomenclature.resolve(HsCode::parse(c.code).value());
  REQUIRE(resolution.rated != nullptr);
  static dutycalc::rate::Quantities quantities;
  quantities = {};
  if (*c.kg) quantities.add({Decimal::parse(c.kg).value(), dutycalc::rate::Unit::kg});
  OptionContext context;
  context.schedule = &schedule;
  context.edition = &edition;
  context.rated = resolution.rated;
  context.origin = {c.origin[0], c.origin[1]};
  context.programme = c.programme;
  context.date = Date::parse(c.date).value();
  if (*c.value) context.value = Decimal::parse(c.value).value();
  context.quantities = &quantities;
  return list_options(context);
}

// "symbol status rate duty" per option, for whole-list comparisons.
std::vector<std::string> summary(const std::vector<DutyOption>& options) {
  std::vector<std::string> lines;
  for (const auto& o : options)
    lines.push_back((o.symbol.empty() ? o.name : o.symbol) + " " +
                    std::string(to_string(o.status)) + " " + o.rate + " " +
                    (o.duty ? o.duty->to_string(2) : "-"));
  return lines;
}

} // namespace

TEST_CASE("list_options: an eligible claim applies") {
  const auto options = options_for({"7601.10.30.00", "KR", "2024-03-15", "KR"});
  CHECK(summary(options) == std::vector<std::string>{
                                "general available 2.6% 2600.00",
                                "A not modelled Free -",
                                "AU not modelled Free -",
                                "KR applies Free 0.00",
                                "S+ not modelled Free -",
                                "JP* not eligible 1.3% -",
                                "MA not eligible See 9822.04.01 -",
                            });
  CHECK(options[0].why == "without a programme claim");
  CHECK(options[0].sources == std::vector<std::string>{"Test 2024, 7601.10.30.00 general rate"});
  CHECK(options[1].why == "programme A is not modelled in this schedule");
  CHECK(options[3].why == "claimed (--program KR)");
  CHECK(options[3].unconfirmed == "symbol meaning");
  CHECK(options[3].sources ==
        std::vector<std::string>{"Test 2024, 7601.10.30.00 special rate column",
                                 "programme KR (United States-Korea Free Trade Agreement): HTS "
                                 "General Note 3(c)(i)"});
  CHECK(options[4].why == "programme S is not modelled in this schedule");
  CHECK(options[5].why ==
        "origin KR is not eligible for programme JP (U.S.-Japan Trade Agreement: JP)");
}

TEST_CASE("list_options: without a claim the general rate applies and programmes are eligible") {
  const auto options = options_for({"7601.10.30.00", "JP", "2024-03-15"});
  CHECK(summary(options) == std::vector<std::string>{
                                "general applies 2.6% 2600.00",
                                "A not modelled Free -",
                                "AU not modelled Free -",
                                "KR not eligible Free -",
                                "S+ not modelled Free -",
                                "JP* eligible 1.3% 1300.00",
                                "MA not eligible See 9822.04.01 -",
                            });
  CHECK(options[0].why == "no programme claimed");
  CHECK(options[5].why == "claim with --program JP; '*': some countries are excluded for this "
                          "line, which the schedule does not model");
}

TEST_CASE("list_options: a refused claim says why, a programme before its start is not eligible") {
  const auto options = options_for({"7601.10.30.00", "JP", "2019-06-01", "JP"});
  CHECK(options[0].status == Status::applies);
  CHECK(options[0].why == "programme JP not granted: programme JP takes effect on 2020-01-01; "
                          "priced at the general rate");
  CHECK(options[5].status == Status::not_eligible);
  CHECK(options[5].why == "programme JP takes effect on 2020-01-01");
}

TEST_CASE("list_options: a programme whose rate lives elsewhere is not modelled") {
  const auto options = options_for({"7601.10.30.00", "MA", "2024-03-15", "MA"});
  REQUIRE(options.size() == 7);
  CHECK(options[6].status == Status::not_modelled);
  CHECK(options[6].why == "the rate \"See 9822.04.01\" is not modelled in this schedule");
  CHECK_FALSE(options[6].duty);
  CHECK(options[0].status == Status::applies);
}

TEST_CASE("list_options: column 2 replaces every other option from its date") {
  const auto options = options_for({"7601.10.30.00", "RU", "2023-03-15", "KR"});
  CHECK(summary(options) == std::vector<std::string>{
                                "general not available 2.6% -",
                                "A not available Free -",
                                "AU not available Free -",
                                "KR not available Free -",
                                "S+ not available Free -",
                                "JP* not available 1.3% -",
                                "MA not available See 9822.04.01 -",
                                "column 2 applies 18.5% 18500.00",
                            });
  CHECK(options[0].why == "goods of RU pay column 2");
  CHECK(options[7].why == "RU is in countries without normal trade relations (column 2) from "
                          "2022-04-09");
  CHECK(options[7].unconfirmed == "start date");
  CHECK(options[7].sources ==
        std::vector<std::string>{"Test 2024, 7601.10.30.00 column 2 rate",
                                 "countries without normal trade relations (column 2): HTS "
                                 "General Note 3(b)"});
  // Before Russia's date: no column 2 option at all.
  CHECK(summary(options_for({"7601.10.30.00", "RU", "2022-04-08"})).back() ==
        "MA not eligible See 9822.04.01 -");
}

TEST_CASE("list_options: amounts need a value, specific rates a quantity") {
  const auto no_value = options_for({"7208.51.00.30", "CU", "2024-03-15", "", ""});
  CHECK(summary(no_value) == std::vector<std::string>{"general not available Free -",
                                                      "column 2 applies 20% -"});
  CHECK(no_value[1].why == "CU is in countries without normal trade relations (column 2)");
  const auto no_quantity = options_for({"7208.10.15.00", "CU", "2024-03-15", "", "1000", ""});
  REQUIRE(no_quantity.size() == 2);
  CHECK_FALSE(no_quantity[1].duty);
  CHECK(no_quantity[1].duty_problem == "needs a quantity in kg (g and t convert)");
  const auto with_quantity = options_for({"7208.10.15.00", "CU", "2024-03-15", "", "1000", "50"});
  // 0.4¢/kg × 50 kg = 0.20, + 20% × 1000.00 = 200.00
  CHECK(with_quantity[1].duty == Decimal::parse("200.20"));
}
