#include <dutycalc/pricing/result_spool.hpp>

#include <dutycalc/error.hpp>

#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <utility>
#include <vector>

using dutycalc::Currency;
using dutycalc::Decimal;
using dutycalc::Money;
using dutycalc::pricing::decode_result;
using dutycalc::pricing::encode_result;
using dutycalc::pricing::LineResult;
using dutycalc::pricing::LineStatus;
using dutycalc::pricing::ResultSpool;
using dutycalc::pricing::SpooledLine;

namespace {

Decimal d(const char* text) { return *Decimal::parse(text); }

const std::string k_version = "HTS 2024 Basic Edition; rules as of 2024-01-01";

LineResult sample() {
  LineResult r;
  r.schedule_version = k_version;
  r.rate = "2.5% + 25% (9903.80.01)";
  r.quota = "eu-steel split:10/5";
  r.base_duty = {d("2500.00"), Currency::usd()};
  r.additional_duty = {d("-0.000000000001"), Currency::usd()};
  r.value = {d("100000.00"), Currency::usd()};
  r.freight = {d("0"), Currency::eur()};
  r.insurance = {Decimal::from_raw(std::numeric_limits<Decimal::Raw>::max()), Currency::usd()};
  r.customs_value = {Decimal::from_raw(std::numeric_limits<Decimal::Raw>::min()), Currency::usd()};
  r.problem_column = dutycalc::manifest::Column::quantity;
  r.rules.push_back({"general", "2.5%", "HTS 2024, 7208.51.00.30 general rate", d("2500.00")});
  r.rules.push_back({"section-232", "+25%", "", d("25000.123456789012")});
  return r;
}

void check_same(const LineResult& a, const LineResult& b) {
  CHECK(a.status == b.status);
  CHECK(a.schedule_version == b.schedule_version);
  CHECK(a.schedule_version.data() == b.schedule_version.data()); // the same view, not a copy
  CHECK(a.rate == b.rate);
  CHECK(a.quota == b.quota);
  for (const auto& [x, y] :
       {std::pair{a.base_duty, b.base_duty}, {a.additional_duty, b.additional_duty},
        {a.fees, b.fees}, {a.taxes, b.taxes}, {a.landed_cost, b.landed_cost},
        {a.value, b.value}, {a.freight, b.freight}, {a.insurance, b.insurance},
        {a.customs_value, b.customs_value}}) {
    CHECK(x.amount.raw() == y.amount.raw());
    CHECK(x.currency == y.currency);
  }
  CHECK(a.problem_column == b.problem_column);
  REQUIRE(a.rules.size() == b.rules.size());
  for (std::size_t i = 0; i < a.rules.size(); ++i) {
    CHECK(a.rules[i].measure == b.rules[i].measure);
    CHECK(a.rules[i].rate == b.rules[i].rate);
    CHECK(a.rules[i].source == b.rules[i].source);
    CHECK(a.rules[i].amount.raw() == b.rules[i].amount.raw());
  }
}

} // namespace

TEST_CASE("encode_result and decode_result give back every field but the message") {
  const LineResult original = sample();
  std::string bytes;
  encode_result(original, bytes);
  LineResult back;
  back.message = "kept";
  back.detail = false;
  back.rules.push_back({"stale", "x", "y", d("1")});
  decode_result(bytes, back);
  check_same(original, back);
  CHECK(back.message == "kept"); // the spool keeps messages apart
  CHECK_FALSE(back.detail);

  LineResult failed;
  failed.fail("HS code '7208.51.00.3X' has a character that is not a digit or '.'");
  encode_result(failed, bytes);
  decode_result(bytes, back);
  CHECK(back.status == LineStatus::error);
  CHECK(back.rules.empty());
  CHECK(back.rate.empty());
}

TEST_CASE("decode_result refuses bytes that are not an encoding") {
  std::string bytes;
  encode_result(sample(), bytes);
  LineResult back;
  CHECK_THROWS_AS(decode_result(std::string_view(bytes).substr(0, bytes.size() - 1), back),
                  dutycalc::Error);
  CHECK_THROWS_AS(decode_result(bytes + "x", back), dutycalc::Error);
}

TEST_CASE("ResultSpool gives back what was appended, in order, messages included") {
  ResultSpool spool;
  SpooledLine line;
  CHECK_THROWS_AS(spool.next(line), dutycalc::Error); // not rewound yet
  // More than one buffer's worth, so that writing and reading both cross buffer boundaries.
  constexpr int k_lines = 30000;
  const std::string long_message(300, 'w');
  const auto message_of = [&](int i) {
    // Runs of equal messages (as the lines of an entry have), an empty one, then new ones.
    return i % 7 == 3 ? std::string() : long_message + std::to_string(i / 5);
  };
  const auto value_of = [](int i) {
    return Decimal::from_raw(static_cast<Decimal::Raw>(i) * 1000000000007 * (i % 2 ? -1 : 1));
  };
  for (int i = 0; i < k_lines; ++i) {
    line.record = "record " + std::to_string(i);
    line.result = "result " + std::to_string(i);
    line.message = message_of(i);
    // Every third line has no entry; the others are numbered and carry a value.
    line.entry = i % 3 == 0 ? SpooledLine::k_no_entry : static_cast<std::uint32_t>(i / 3);
    line.value = value_of(i);
    spool.append(line);
  }
  spool.rewind();
  for (int i = 0; i < k_lines; ++i) {
    REQUIRE(spool.next(line));
    REQUIRE(line.record == "record " + std::to_string(i));
    REQUIRE(line.result == "result " + std::to_string(i));
    REQUIRE(line.message == message_of(i));
    if (i % 3 == 0) {
      REQUIRE(line.entry == SpooledLine::k_no_entry);
    } else {
      REQUIRE(line.entry == static_cast<std::uint32_t>(i / 3));
      REQUIRE(line.value.raw() == value_of(i).raw());
    }
  }
  CHECK_FALSE(spool.next(line));
}

TEST_CASE("ResultSpool says when a line's message is the line before's instead of copying it") {
  ResultSpool spool;
  SpooledLine line;
  for (const char* message : {"a", "a", "b", "", "", "b"}) {
    line.message = message;
    spool.append(line);
  }
  spool.rewind();
  bool same = false;
  std::vector<std::pair<bool, std::string>> read;
  line.message = "untouched";
  while (spool.next(line, same)) read.emplace_back(same, same ? "" : line.message);
  CHECK(read == std::vector<std::pair<bool, std::string>>{
                    {false, "a"}, {true, ""}, {false, "b"}, {false, ""}, {true, ""}, {false, "b"}});
}

TEST_CASE("ResultSpool reads a last line whose value is among its last bytes") {
  ResultSpool spool;
  SpooledLine line;
  line.result = "";
  line.message = "";
  line.entry = 7;
  line.value = Decimal::from_integer(1); // one byte less than the longest amount
  spool.append(line);
  spool.rewind();
  SpooledLine back;
  REQUIRE(spool.next(back));
  CHECK(back.record.empty());
  CHECK(back.result.empty());
  CHECK(back.message.empty());
  CHECK(back.entry == 7);
  CHECK(back.value.raw() == Decimal::from_integer(1).raw());
  CHECK_FALSE(spool.next(back));
}

TEST_CASE("ResultSpool with nothing appended reads nothing") {
  ResultSpool spool;
  spool.rewind();
  SpooledLine line;
  CHECK_FALSE(spool.next(line));
}

TEST_CASE("ResultSpool reads back lines longer than its buffer, between short ones") {
  ResultSpool spool;
  SpooledLine line;
  // 64 KiB of buffer: lines of 200,000 and 70,000 bytes, and short lines before and after.
  const std::vector<std::size_t> sizes = {10, 200000, 5, 70000, 70000, 3};
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    line.record = std::string(sizes[i], static_cast<char>('a' + i));
    line.message = std::to_string(i);
    spool.append(line);
  }
  spool.rewind();
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    REQUIRE(spool.next(line));
    CHECK(line.record == std::string(sizes[i], static_cast<char>('a' + i)));
    CHECK(line.message == std::to_string(i));
  }
  CHECK_FALSE(spool.next(line));
}
