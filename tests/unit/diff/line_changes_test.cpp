#include <dutycalc/diff/line_changes.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <vector>

using dutycalc::Date;
using dutycalc::diff::compare_editions;
using dutycalc::diff::compare_lines;
using dutycalc::diff::LineChange;
using dutycalc::schedule::Nomenclature;

namespace {

constexpr std::string_view k_header =
    "# dutycalc lines format 1\n"
    "hs_code,indent,description,units,general,special,column2,footnotes\n";

Nomenclature lines(std::string_view rows) {
  Nomenclature n;
  dutycalc::schedule::parse_lines_table(std::string(k_header) + std::string(rows), "lines.csv", n);
  return n;
}

std::vector<std::string> show(const std::vector<LineChange>& changes) {
  std::vector<std::string> out;
  for (const LineChange& c : changes) {
    const auto& line = c.after ? *c.after : *c.before;
    out.push_back(std::string(to_string(c.kind)) + " " + line.code.formatted());
  }
  return out;
}

} // namespace

TEST_CASE("compare_lines: added, removed and rates changed, by code; headings and descriptions not "
          "compared") {
  const Nomenclature before = lines("7208,0,Flat-rolled:,,,,,\n"
                                    ",1,Other:,,,,,\n"
                                    "7208.51.00,2,Thick,,5%,Free (AU),20%,\n"
                                    "7208.51.00.30,3,Plate,kg,,,,\n"
                                    "7601.10.30.00,1,Coils,kg,2.6%,,18.5%,\n"
                                    "7604.21.00,1,Profiles,kg,1.5%,,15.5%,\n");
  const Nomenclature after = lines("7208,0,Flat-rolled products:,,,,,\n"
                                   "7208.51.00,2,Thick,,Free,Free (AU),20%,\n"
                                   "7208.51.00.30,3,Universal mill plate,kg,,,,\n"
                                   "7601.10.30.00,1,Coils,kg,2.6%,,25%,\n"
                                   "7601.10.60,1,Other,kg,Free,,11%,\n"
                                   "7208.10,1,Patterned,kg,Free,,,\n");
  CHECK(show(compare_lines(before, after)) ==
        std::vector<std::string>{"starts 7208.10", "changes 7208.51.00", "changes 7601.10.30.00",
                                 "starts 7601.10.60", "ends 7604.21.00"});
  CHECK(compare_lines(before, before).empty());
}

TEST_CASE("compare_editions: the editions in force on each date, and those in between") {
  using namespace dutycalc::schedule;
  Schedule schedule;
  for (const auto& [id, effective, rate] : {std::tuple{"E2023", "2023-01-01", "5%"},
                                            {"E2024", "2024-01-01", "4%"},
                                            {"E2025", "2025-01-01", "3%"}}) {
    Edition e;
    e.id = id;
    e.effective = Date::parse(effective).value();
    e.nomenclature = lines(std::string("7208.51.00,0,Thick,kg,") + rate + ",,,\n");
    schedule.editions.push_back(std::move(e));
  }
  const auto same =
      compare_editions(schedule, *Date::parse("2024-02-01"), *Date::parse("2024-12-31"));
  CHECK(same.before == same.after);
  CHECK(same.lines.empty());
  const auto span =
      compare_editions(schedule, *Date::parse("2023-06-01"), *Date::parse("2025-06-01"));
  CHECK(span.before->id == "E2023");
  CHECK(span.after->id == "E2025");
  REQUIRE(span.between.size() == 1);
  CHECK(span.between[0]->id == "E2024");
  REQUIRE(span.lines.size() == 1);
  CHECK(span.lines[0].before->general.text() == "5%");
  CHECK(span.lines[0].after->general.text() == "3%");
  // Before the oldest edition the oldest is in force, as for pricing.
  CHECK(compare_editions(schedule, *Date::parse("2020-01-01"), *Date::parse("2023-06-01"))
            .lines.empty());
}
