#include <dutycalc/quota/quota_status.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unistd.h>

using dutycalc::Date;
using dutycalc::Decimal;
using dutycalc::quota::PeriodKind;
using dutycalc::quota::QuotaState;
using dutycalc::quota::quota_state;
using dutycalc::quota::quota_status;

namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }
Date date(const char* text) { return Date::parse(text).value(); }

dutycalc::quota::Quota make_quota(const char* id, PeriodKind period, const char* volume,
                                  const char* from, const char* to) {
  dutycalc::quota::Quota q;
  q.id = id;
  q.title = std::string("Quota ") + id;
  q.period = period;
  q.volume = dec(volume);
  q.window.from = date(from);
  if (to) q.window.to = date(to);
  return q;
}

// Three quotas: quarterly in kg, yearly by value (from 1 July), and one that has ended.
dutycalc::schedule::Schedule make_schedule() {
  dutycalc::schedule::Schedule s;
  s.name = "test";
  s.currency = dutycalc::Currency::usd();
  s.quotas.push_back(make_quota("steel", PeriodKind::quarter, "1000", "2022-01-01", nullptr));
  auto value = make_quota("value", PeriodKind::year, "50000", "2020-01-01", nullptr);
  value.unit.is_value = true;
  value.year_start_month = 7;
  s.quotas.push_back(value);
  auto ended = make_quota("ended", PeriodKind::month, "1", "2020-01-01", "2022-01-01");
  ended.unit.unit = dutycalc::rate::Unit::t;
  s.quotas.push_back(ended);
  return s;
}

// What print_quota_status writes, through a temporary file (Output writes to files or stdout).
std::string printed(const std::vector<dutycalc::quota::QuotaStatus>& rows,
                    dutycalc::OutputFormat format) {
  std::string path = (std::filesystem::temp_directory_path() / "dutycalc-status-XXXXXX").string();
  const int fd = ::mkstemp(path.data());
  REQUIRE(fd >= 0);
  ::close(fd);
  {
    dutycalc::Output out(path);
    dutycalc::quota::print_quota_status(rows, format, out);
  }
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  std::filesystem::remove(path);
  return text.str();
}

} // namespace

TEST_CASE("quota_state") {
  CHECK(quota_state(dec("0"), dec("1000")) == QuotaState::open);
  CHECK(quota_state(dec("899.999999999999"), dec("1000")) == QuotaState::open);
  CHECK(quota_state(dec("900"), dec("1000")) == QuotaState::critical);
  CHECK(quota_state(dec("999.999"), dec("1000")) == QuotaState::critical);
  CHECK(quota_state(dec("1000"), dec("1000")) == QuotaState::exhausted);
  CHECK(quota_state(dec("1200"), dec("1000")) == QuotaState::exhausted);
}

TEST_CASE("quota_status") {
  const auto schedule = make_schedule();
  const auto ledger = dutycalc::quota::open_memory_ledger();
  ledger->add("steel", "2022-Q3", "E1", dec("950"));
  ledger->add("steel", "2022-Q2", "E0", dec("1000"));
  ledger->set_official("value", "2022/23", dec("60000"));

  const auto rows = quota_status(schedule, *ledger, date("2022-09-30"));
  REQUIRE(rows.size() == 2); // "ended" is no longer in force
  CHECK(rows[0].id == "steel");
  CHECK(rows[0].title == "Quota steel");
  CHECK(rows[0].period == "2022-Q3");
  CHECK(rows[0].first_day == date("2022-07-01"));
  CHECK(rows[0].last_day == date("2022-09-30"));
  CHECK(rows[0].unit == "kg");
  CHECK(rows[0].places == 0);
  CHECK(rows[0].drawn == dec("950"));
  CHECK(rows[0].left == dec("50"));
  CHECK(rows[0].state == QuotaState::critical);
  CHECK(rows[1].period == "2022/23");
  CHECK(rows[1].first_day == date("2022-07-01"));
  CHECK(rows[1].last_day == date("2023-06-30"));
  CHECK(rows[1].unit == "USD");
  CHECK(rows[1].places == 2);
  CHECK(rows[1].left == Decimal{}); // never below zero
  CHECK(rows[1].state == QuotaState::exhausted);

  // A new quarter starts full.
  const auto next = quota_status(schedule, *ledger, date("2022-10-01"));
  REQUIRE(next.size() == 2);
  CHECK(next[0].period == "2022-Q4");
  CHECK(next[0].drawn == Decimal{});
  CHECK(next[0].state == QuotaState::open);

  const auto old = quota_status(schedule, *ledger, date("2021-12-31"));
  REQUIRE(old.size() == 2);
  CHECK(old[0].id == "value");
  CHECK(old[1].id == "ended");
  CHECK(old[1].unit == "t");
  CHECK(old[1].period == "2021-12");
}

TEST_CASE("print_quota_status") {
  const auto schedule = make_schedule();
  const auto ledger = dutycalc::quota::open_memory_ledger();
  ledger->add("steel", "2022-Q3", "E1", dec("950.5"));
  ledger->add("value", "2022/23", "E1", dec("1234.5"));
  const auto rows = quota_status(schedule, *ledger, date("2022-09-30"));

  CHECK(printed(rows, dutycalc::OutputFormat::csv) ==
        "quota,title,period,first_day,last_day,volume,unit,drawn,left,status\n"
        "steel,Quota steel,2022-Q3,2022-07-01,2022-09-30,1000,kg,950.5,49.5,critical\n"
        "value,Quota value,2022/23,2022-07-01,2023-06-30,50000.00,USD,1234.50,48765.50,open\n");
  CHECK(printed(rows, dutycalc::OutputFormat::jsonl) ==
        "{\"quota\":\"steel\",\"title\":\"Quota steel\",\"period\":\"2022-Q3\","
        "\"first_day\":\"2022-07-01\",\"last_day\":\"2022-09-30\",\"volume\":\"1000\","
        "\"unit\":\"kg\",\"drawn\":\"950.5\",\"left\":\"49.5\",\"status\":\"critical\"}\n"
        "{\"quota\":\"value\",\"title\":\"Quota value\",\"period\":\"2022/23\","
        "\"first_day\":\"2022-07-01\",\"last_day\":\"2023-06-30\",\"volume\":\"50000.00\","
        "\"unit\":\"USD\",\"drawn\":\"1234.50\",\"left\":\"48765.50\",\"status\":\"open\"}\n");
  CHECK(printed(rows, dutycalc::OutputFormat::table) ==
        "Quota  Title        Period   From        To             Volume  Unit     Drawn"
        "       Left   Used  Status\n"
        "steel  Quota steel  2022-Q3  2022-07-01  2022-09-30      1,000  kg       950.5"
        "       49.5  95.0%  critical\n"
        "value  Quota value  2022/23  2022-07-01  2023-06-30  50,000.00  USD   1,234.50"
        "  48,765.50   2.4%  open\n");
  CHECK(printed({}, dutycalc::OutputFormat::csv) ==
        "quota,title,period,first_day,last_day,volume,unit,drawn,left,status\n");
}
