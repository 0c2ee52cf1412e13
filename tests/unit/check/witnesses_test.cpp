#include <dutycalc/check/witnesses.hpp>

#include <catch2/catch.hpp>

using dutycalc::Date;
using dutycalc::DateRange;
using dutycalc::check::describe_start;
using dutycalc::check::intersect;
using dutycalc::check::Window;
using dutycalc::check::window_of;

namespace {
Date day(const char* text) { return *Date::parse(text); }
} // namespace

TEST_CASE("intersect and describe_start") {
  const Window steel = window_of({day("2018-03-23"), day("2025-03-12")});
  const Window turkey = window_of({day("2018-08-13"), day("2019-05-21")});
  const Window later = window_of({day("2025-03-12"), std::nullopt});
  const Window open = window_of({day("2000-01-01"), day("2020-07-01")}, true);
  CHECK(describe_start(*intersect(steel, turkey)) == "on 2018-08-13");
  CHECK(intersect(steel, turkey)->to == day("2019-05-21"));
  CHECK_FALSE(intersect(steel, later)); // `to` is the first day it no longer applies
  CHECK(describe_start(*intersect(open, steel)) == "on 2018-03-23");
  CHECK(describe_start(*intersect(open, open)) == "before 2020-07-01");
  CHECK(describe_start(Window{}) == "at any date");
  CHECK_FALSE(intersect(open, later));
}
