#include <dutycalc/date.hpp>

#include <catch2/catch.hpp>

using dutycalc::Date;

TEST_CASE("Date::parse") {
  CHECK(Date::parse("2022-05-02")->to_string() == "2022-05-02");
  CHECK(Date::parse("2024-02-29"));
  CHECK_FALSE(Date::parse("2021-02-29"));
  CHECK_FALSE(Date::parse("2021-02-30"));
  CHECK_FALSE(Date::parse("21/11/15"));
  CHECK_FALSE(Date::parse("2021-13-01"));
  CHECK_FALSE(Date::parse("2021-1-01"));
  CHECK_FALSE(Date::parse("2021-01-01T00:00"));
  CHECK(Date::parse("1970-01-01")->days() == 0);
  CHECK(Date::parse("2018-03-23")->days() == 17613);
}

TEST_CASE("Date ordering and DateRange") {
  const Date a = *Date::parse("2018-03-23");
  const Date b = *Date::parse("2018-06-01");
  CHECK(a < b);
  const dutycalc::DateRange window{a, b};
  CHECK(window.contains(a));
  CHECK(window.contains(*Date::parse("2018-05-31")));
  CHECK_FALSE(window.contains(b));
  CHECK(dutycalc::DateRange{a, std::nullopt}.contains(*Date::parse("2099-01-01")));
  CHECK(b.year() == 2018);
  CHECK(b.month() == 6);
  CHECK(b.day() == 1);
}

TEST_CASE("Date::to_string writes ISO 8601 with zero padding") {
  CHECK(Date::parse("2025-06-04")->to_string() == "2025-06-04");
  CHECK(Date::parse("0999-01-09")->to_string() == "0999-01-09");
  CHECK(Date::parse("2000-12-31")->to_string() == "2000-12-31");
  CHECK(Date::from_ymd(1, 1, 1)->to_string() == "0001-01-01");
}
