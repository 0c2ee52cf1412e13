#include <dutycalc/check/check_schedule.hpp>

#include <catch2/catch.hpp>

#include <string>

using dutycalc::check::check_schedule;

namespace {
const std::string k_data = std::string(DUTYCALC_TEST_DATA) + "/check/";
} // namespace

TEST_CASE("check_schedule") {
  CHECK(check_schedule(k_data + "good").empty());

  // Loader problems and whole-schedule ones together, sorted by file, line and column.
  const auto found = check_schedule(k_data + "syntax_error");
  REQUIRE(found.size() == 3);
  CHECK(found[0].where.file == k_data + "syntax_error/exemptions.toml");
  CHECK(found[0].where.line == 4);
  CHECK(found[1].where.line == 11);
  CHECK(found[2].where.file == k_data + "syntax_error/rules.toml");

  const auto unread = check_schedule(k_data + "unread_file");
  REQUIRE(unread.size() == 1);
  CHECK(unread[0].severity == dutycalc::schedule::Severity::warning);
  CHECK(unread[0].where.file == k_data + "unread_file/section-232-2025.toml");
  CHECK(unread[0].where.line == 0);

  // A directory without a schedule: one problem, and no guess at which files it would list.
  const auto none = check_schedule(k_data);
  REQUIRE(none.size() == 1);
  CHECK(none[0].message.starts_with("cannot read: "));
}
