#include <dutycalc/schedule/diagnostics.hpp>

#include <catch2/catch.hpp>

#include <string>

using dutycalc::Error;
using dutycalc::schedule::attempt;
using dutycalc::schedule::Diagnostics;
using dutycalc::schedule::Severity;

TEST_CASE("Diagnostics") {
  Diagnostics sink;
  sink.warning({"b.toml", 3, 1}, "third");
  sink.error({"a.toml", 9, 2}, "second");
  sink.add(Error({"a.toml", 9, 1}, "first"));
  sink.error({"b.toml", 3, 1}, "fourth, same place as third");
  CHECK(sink.errors() == 3);
  CHECK(sink.warnings() == 1);
  sink.sort();
  REQUIRE(sink.all().size() == 4);
  CHECK(sink.all()[0].message == "first");
  CHECK(sink.all()[1].message == "second");
  CHECK(sink.all()[2].message == "third"); // one place: the order found in
  CHECK(sink.all()[2].severity == Severity::warning);
  CHECK(sink.all()[3].message == "fourth, same place as third");
  CHECK(to_string(Severity::error) == "error");
  CHECK(to_string(Severity::warning) == "warning");
}

TEST_CASE("Diagnostics::excuses") {
  Diagnostics sink;
  sink.skipped("measure", "s232-steel");
  CHECK(sink.excuses("measure", "s232-steel"));
  CHECK_FALSE(sink.excuses("group", "s232-steel"));
  CHECK_FALSE(sink.excuses("measure", "s232-aluminum"));
  sink.mark_incomplete();
  CHECK(sink.excuses("group", "EU"));
}

TEST_CASE("attempt") {
  const auto fail = [] { throw Error({"x.toml", 1, 2}, "bad"); };
  CHECK_THROWS_AS(attempt(nullptr, fail), Error);
  bool ran = false;
  CHECK(attempt(nullptr, [&] { ran = true; }));
  CHECK(ran);
  Diagnostics sink;
  CHECK_FALSE(attempt(&sink, fail));
  CHECK(attempt(&sink, [] {}));
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].where.column == 2);
  CHECK(sink.all()[0].message == "bad");
}
