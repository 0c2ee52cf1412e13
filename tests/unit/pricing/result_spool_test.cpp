#include <dutycalc/pricing/result_spool.hpp>

#include <dutycalc/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <limits>
#include <sstream>
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
using dutycalc::pricing::KeptLine;
using dutycalc::pricing::SpoolBlock;
using dutycalc::pricing::SpoolBlockReader;

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
  // A status that is none, and an amount said to be 128 bits that is not said to be there.
  std::string status = bytes;
  status[0] = 7;
  CHECK_THROWS_AS(decode_result(status, back), dutycalc::Error);
  LineResult zero;
  encode_result(zero, bytes);
  std::string wide = bytes;
  wide[4] = 1; // the head's `wide` mask, bit 0 (the base duty), which is zero
  CHECK_THROWS_AS(decode_result(wide, back), dutycalc::Error);
}

TEST_CASE("encode_result keeps an amount in 8 bytes when it fits, in 16 when it does not") {
  LineResult narrow;
  narrow.base_duty = {Decimal::from_raw(std::numeric_limits<std::int64_t>::min()), Currency::usd()};
  LineResult wide = narrow;
  wide.base_duty.amount = Decimal::from_raw(Decimal::Raw{std::numeric_limits<std::int64_t>::min()} - 1);
  LineResult zero;
  std::string a, b, c;
  encode_result(zero, a);
  encode_result(narrow, b);
  encode_result(wide, c);
  CHECK(b.size() == a.size() + 8);
  CHECK(c.size() == a.size() + 16);
  for (const LineResult* r : {&zero, &narrow, &wide}) {
    std::string bytes;
    encode_result(*r, bytes);
    LineResult back;
    back.base_duty.amount = Decimal::from_integer(5); // replaced, zero included
    decode_result(bytes, back);
    CHECK(back.base_duty.amount.raw() == r->base_duty.amount.raw());
  }
}

namespace {

// The first record of `csv`, owned.
dutycalc::manifest::OwnedRecord record_of(const std::string& csv) {
  std::istringstream in(csv);
  dutycalc::manifest::CsvReader reader(in, "test.csv");
  dutycalc::manifest::CsvRecord record;
  REQUIRE(reader.next(record));
  dutycalc::manifest::OwnedRecord owned;
  owned.assign(record);
  return owned;
}

std::string encoded(const dutycalc::manifest::CsvRecord& record) {
  std::string bytes;
  dutycalc::manifest::encode_record(record, bytes);
  return bytes;
}

} // namespace

TEST_CASE("ResultSpool gives back each block's lines in order: record, result, message, entry, value") {
  ResultSpool spool;
  std::string bytes;
  CHECK_THROWS_AS(spool.next(bytes), dutycalc::Error); // not rewound yet
  // Blocks of 1 to 64 lines, more than one buffer's worth, so that reading crosses buffer
  // boundaries; records plain and quoted (one spanning two lines).
  constexpr int k_lines = 20000;
  const std::string long_message(300, 'w');
  const auto message_of = [&](int i) {
    // Runs of equal messages (as the lines of an entry have), an empty one, then new ones.
    return i % 7 == 3 ? std::string() : long_message + std::to_string(i / 5);
  };
  const auto value_of = [](int i) {
    return Decimal::from_raw(static_cast<Decimal::Raw>(i) * 1000000000007 * (i % 2 ? -1 : 1) *
                             (i % 11 == 0 ? Decimal::Raw{1} << 70 : 1));
  };
  const auto csv_of = [](int i) {
    return i % 13 == 0 ? "E" + std::to_string(i) + ",\"a, \"\"quoted\"\"\nfield\",7208.51.00.30\n"
                       : "E" + std::to_string(i) + "," + std::to_string(i) + ",7208.51.00.30\n";
  };
  const auto entry_of = [](int i) {
    // Every third line has no entry; the others are numbered.
    return i % 3 == 0 ? KeptLine::k_no_entry : static_cast<std::uint32_t>(i / 3);
  };
  std::vector<int> block_sizes;
  SpoolBlock block;
  for (int i = 0; i < k_lines;) {
    const int lines = std::min(1 + (i * 7) % 64, k_lines - i);
    block_sizes.push_back(lines);
    block.clear();
    for (int j = 0; j < lines; ++j) {
      LineResult result = sample();
      result.rate = "rate " + std::to_string(i + j);
      result.message = message_of(i + j);
      result.value.amount = value_of(i + j);
      block.add(record_of(csv_of(i + j)).record(), result);
    }
    // Entries are set once the whole block is made, in any order.
    for (int j = lines - 1; j >= 0; --j)
      if (entry_of(i + j) != KeptLine::k_no_entry) block.set_entry(static_cast<std::size_t>(j), entry_of(i + j));
    CHECK(block.lines() == static_cast<std::size_t>(lines));
    spool.append(block);
    i += lines;
  }
  spool.rewind();
  int i = 0;
  for (const int lines : block_sizes) {
    REQUIRE(spool.next(bytes));
    SpoolBlockReader reader(bytes);
    REQUIRE(reader.lines() == static_cast<std::size_t>(lines));
    for (int j = 0; j < lines; ++j, ++i) {
      KeptLine line;
      reader.next(line);
      REQUIRE(line.record == encoded(record_of(csv_of(i)).record()));
      LineResult result;
      decode_result(line.result, result);
      REQUIRE(result.rate == "rate " + std::to_string(i));
      REQUIRE(line.message == message_of(i));
      REQUIRE(line.entry == entry_of(i));
      REQUIRE(line.value.raw() == value_of(i).raw());
    }
    CHECK(reader.done());
    CHECK_THROWS_AS([&] { KeptLine past; reader.next(past); }(), dutycalc::Error);
  }
  CHECK(i == k_lines);
  CHECK_FALSE(spool.next(bytes));
}

TEST_CASE("A block keeps a message once for the lines after it with the same, and each block's first line its own") {
  const std::string message(500, 'm');
  const auto block_of = [&](std::initializer_list<std::string> messages) {
    SpoolBlock block;
    block.clear();
    for (const std::string& m : messages) {
      LineResult result;
      result.message = m;
      block.add(record_of("a,b\n").record(), result);
    }
    return std::string(block.bytes());
  };
  const std::string once = block_of({message, message, message});
  const std::string each = block_of({message, message + "x", message});
  CHECK(once.size() + 2 * message.size() < each.size());
  std::vector<std::string_view> read;
  SpoolBlockReader reader(once);
  for (std::size_t i = 0; i < reader.lines(); ++i) {
    KeptLine line;
    reader.next(line);
    read.push_back(line.message);
  }
  REQUIRE(read.size() == 3);
  for (const std::string_view m : read) {
    CHECK(m == message);
    CHECK(m.data() == read[0].data()); // one message in the bytes
  }
  // A block does not lean on the block before: its first line carries its message.
  CHECK(block_of({message}).size() > message.size());
}

TEST_CASE("SpoolBlockReader refuses bytes that are not a block") {
  SpoolBlock block;
  block.clear();
  LineResult result = sample();
  result.message = "a message";
  block.add(record_of("a,b\n").record(), result);
  block.add(record_of("c,d\n").record(), result); // the same message: written once
  const std::string bytes(block.bytes());
  KeptLine line;
  // Cut short, anywhere.
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    CHECK_THROWS_AS(([&] {
                      SpoolBlockReader reader(std::string_view(bytes).substr(0, size));
                      for (std::size_t i = 0; i < reader.lines(); ++i) reader.next(line);
                    }()),
                    dutycalc::Error);
  }
  // Bytes past its last line: read, but not done.
  const std::string longer = bytes + "x";
  SpoolBlockReader reader(longer);
  reader.next(line);
  reader.next(line);
  CHECK_FALSE(reader.done());
  // A first line that says its message is the line before's.
  SpoolBlock second;
  second.clear();
  second.add(record_of("c,d\n").record(), result);
  std::string alone(second.bytes());
  alone[alone.size() - 4 - result.message.size() - 1] = 0; // the message's kind: "the same"
  CHECK_THROWS_AS(([&] { SpoolBlockReader r(alone); r.next(line); }()), dutycalc::Error);
}

TEST_CASE("ResultSpool with nothing appended reads nothing; an empty block is not kept") {
  ResultSpool spool;
  SpoolBlock empty;
  spool.append(empty);
  empty.clear();
  spool.append(empty);
  spool.rewind();
  std::string bytes = "untouched";
  CHECK_FALSE(spool.next(bytes));
}

TEST_CASE("ResultSpool reads back blocks longer than its buffer, between short ones") {
  ResultSpool spool;
  // 64 KiB of buffer: blocks of about 200,000 and 70,000 bytes, and short ones before and after.
  const std::vector<std::size_t> sizes = {10, 200000, 5, 70000, 70000, 3};
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    SpoolBlock block;
    block.clear();
    LineResult result;
    result.message = std::string(sizes[i], static_cast<char>('a' + i));
    block.add(record_of("a,b\n").record(), result);
    spool.append(block);
  }
  spool.rewind();
  std::string bytes;
  for (std::size_t i = 0; i < sizes.size(); ++i) {
    REQUIRE(spool.next(bytes));
    SpoolBlockReader reader(bytes);
    KeptLine line;
    reader.next(line);
    CHECK(line.message == std::string(sizes[i], static_cast<char>('a' + i)));
    CHECK(reader.done());
  }
  CHECK_FALSE(spool.next(bytes));
}
