#include <dutycalc/report/record_fields.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

using dutycalc::Currency;
using dutycalc::Decimal;
using dutycalc::pricing::LineResult;
using dutycalc::report::ResultFields;

namespace {
Decimal dec(const char* text) { return Decimal::parse(text).value(); }

// Nothing a CSV writer quotes or a JSON writer escapes.
bool plain_text(std::string_view text) {
  for (const char c : text)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '.' || c == '-')) return false;
  return true;
}
} // namespace

TEST_CASE("ResultFields: the fields said to be plain are, for ok and failed lines") {
  LineResult ok;
  ok.schedule_version = "HTS 2024, rules as of 2024-01-01";
  ok.rate = "2.5% + 25% (9903.80.01)";
  ok.quota = "eu-steel split:5/15";
  ok.message = "quota eu-steel: 5 in quota, 15 over quota, \"quoted\"";
  ok.base_duty = {dec("-1234567.891"), Currency::usd()};
  ok.additional_duty = {dec("0.000000000001"), Currency::usd()};
  ok.fees = {dec("98765432109876543.21"), Currency::usd()};
  ok.taxes = {dec("0"), Currency::usd()};
  ok.landed_cost = {dec("1000"), Currency::usd()};
  LineResult failed = ok;
  failed.fail("HS code '7208.51.00.3X' has a character that is not a digit or '.'");
  for (const LineResult* result : {&ok, &failed}) {
    const ResultFields fields(*result);
    REQUIRE(fields.size() == 10);
    int plain = 0;
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (!ResultFields::is_plain(i)) continue;
      ++plain;
      INFO("field " << i << ": " << fields[i]);
      CHECK(plain_text(fields[i]));
    }
    CHECK(plain == 6); // five amounts and the status
  }
  const ResultFields fields(ok);
  CHECK(fields[2] == "-1234567.891");
  CHECK(fields[3] == "0.000000000001");
  CHECK(fields[5] == "98765432109876543.21");
  CHECK(fields[6] == "0.00");
  CHECK(fields[7] == "1000.00");
  CHECK(fields[8] == "ok");
  CHECK(ResultFields(failed)[8] == "error");
  CHECK(ResultFields(failed)[2].empty()); // failed lines show no amounts
}
