#include <dutycalc/error.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

using dutycalc::Date;
using dutycalc::HsCode;
using dutycalc::schedule::load_schedule;

namespace {

const std::string k_data = std::string(DUTYCALC_TEST_DATA) + "/schedule/";

std::string load_error(const std::string& name) {
  try {
    load_schedule(k_data + name);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

Date date(const char* text) {
  return Date::parse(text).value();
}

} // namespace

TEST_CASE("load_schedule") {
  const auto schedule = load_schedule(k_data + "good");
  CHECK(schedule.name == "tiny");
  CHECK(schedule.title == "A tiny test schedule");
  CHECK(schedule.currency.code() == "USD");
  CHECK(schedule.valuation == dutycalc::schedule::ValuationBasis::transaction_value);
  CHECK(schedule.rounding.places == 2);
  CHECK(schedule.rounding.mode == dutycalc::RoundingMode::half_up);
  CHECK(schedule.rounding.point == "each duty amount per line");
  CHECK(schedule.coverage == "general rates of two made-up editions; nothing else");
  REQUIRE(schedule.editions.size() == 2);
  CHECK(schedule.editions[0].id == "Tiny 2023"); // sorted by effective date
  CHECK(schedule.editions[1].id == "Tiny 2024");
  CHECK(schedule.editions[1].file == "tiny-2024.csv");
  CHECK(schedule.editions[1].source == "made up for tests");
  CHECK(schedule.editions[1].nomenclature.edition() == "Tiny 2024");
  const auto r = schedule.editions[1].nomenclature.resolve(HsCode::parse("7208.51.00.30").value());
  REQUIRE(r.rated != nullptr);
  CHECK(r.rated->general.text() == "Free");
}

TEST_CASE("Schedule::edition_for") {
  const auto schedule = load_schedule(k_data + "good");
  bool before = false;
  CHECK(schedule.edition_for(date("2024-05-02"), before).id == "Tiny 2024");
  CHECK_FALSE(before);
  CHECK(schedule.edition_for(date("2024-01-01"), before).id == "Tiny 2024");
  CHECK(schedule.edition_for(date("2023-12-31"), before).id == "Tiny 2023");
  CHECK_FALSE(before);
  CHECK(schedule.edition_for(date("2022-06-30"), before).id == "Tiny 2023");
  CHECK(before);
}

TEST_CASE("load_schedule errors") {
  const auto toml = [](const std::string& dir) { return k_data + dir + "/schedule.toml"; };
  CHECK(load_error("no_format") ==
        toml("no_format") + ":1:1: missing 'format = 1' (the schedule format version) at the top");
  CHECK(load_error("newer_format") ==
        toml("newer_format") +
            ":1:1: format version 2 is newer than this dutycalc reads (1); upgrade dutycalc");
  CHECK(load_error("older_format") ==
        toml("older_format") + ":1:1: format version 0 is older than this dutycalc reads "
                               "(oldest: 1); convert the file to format 1");
  CHECK(load_error("format_not_first") ==
        toml("format_not_first") + ":2:1: 'format' must be the first key of the file");
  CHECK(load_error("unknown_key") == toml("unknown_key") + ":5:1: unknown key 'curency'");
  CHECK(load_error("bad_date") == toml("bad_date") +
                                      ":15:23: Error while parsing date: expected day between 1 "
                                      "and 29 (inclusive), saw 30");
  CHECK(load_error("string_date") ==
        toml("string_date") +
            ":15:13: 'effective' must be a date written YYYY-MM-DD, without quotes");
  CHECK(load_error("missing_file") == toml("missing_file") + ":16:8: edition file '" + k_data +
                                          "missing_file/tiny-2025.csv' does not exist");
  CHECK(load_error("no_such_dir") ==
        k_data + "no_such_dir/schedule.toml: cannot read: No such file or directory");
}

TEST_CASE("load_schedule with a sink") {
  dutycalc::schedule::Diagnostics sink;
  // Loads as without one; the editions are listed newest first, which it warns about.
  const auto good = load_schedule(k_data + "good", &sink);
  CHECK(good.editions.size() == 2);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].severity == dutycalc::schedule::Severity::warning);
  CHECK(sink.all()[0].where.line == 21);
  CHECK(sink.all()[0].message == "edition 'Tiny 2023' takes effect on 2023-01-01, before "
                                 "'Tiny 2024' listed above it (2024-01-01): list editions oldest "
                                 "first");
  // Each setting is read on its own: a bad one is reported, the rest still loaded.
  dutycalc::schedule::Diagnostics unknown;
  const auto partial =
      load_schedule(std::string(DUTYCALC_TEST_DATA) + "/check/unknown_key", &unknown);
  CHECK(partial.name == "check");
  CHECK(partial.editions.size() == 1);
  CHECK(partial.measures.empty()); // its one measure has a misspelt key
  REQUIRE(unknown.errors() == 8);
  CHECK(unknown.all()[0].message == "unknown key 'curency'");
  CHECK(unknown.all()[1].message == "missing key 'currency'");
  CHECK(unknown.all()[2].message == "unknown key 'pointe' in [rounding]");
  CHECK(unknown.all()[3].message == "missing key 'point' in [rounding]");
  dutycalc::schedule::Diagnostics missing;
  load_schedule(k_data + "no_such_schedule", &missing);
  REQUIRE(missing.all().size() == 1);
  CHECK(missing.all()[0].message.starts_with("cannot read: "));
}

TEST_CASE("find_schedule") {
  using dutycalc::schedule::find_schedule;
  const std::string exe = "/opt/x/bin/dutycalc";
  ::unsetenv("DUTYCALC_SCHEDULE_PATH");
  CHECK(find_schedule(k_data + "good", exe) == k_data + "good");
  CHECK(find_schedule("us", exe) == std::string(DUTYCALC_SOURCE_DIR) + "/schedules/us");
  ::setenv("DUTYCALC_SCHEDULE_PATH", ("/nonexistent::" + k_data).c_str(), 1);
  CHECK(find_schedule("good", exe) == k_data + "good");
  try {
    find_schedule("nope", exe);
    FAIL("no error");
  } catch (const dutycalc::Error& e) {
    CHECK(std::string(e.what()) == "unknown schedule 'nope' (looked in: /nonexistent/nope, " +
                                       k_data + "nope, /opt/x/share/dutycalc/schedules/nope, " +
                                       DUTYCALC_SOURCE_DIR + "/schedules/nope)");
  }
  ::unsetenv("DUTYCALC_SCHEDULE_PATH");
  CHECK_THROWS_WITH(find_schedule("./nope", exe), "schedule directory './nope' does not exist");
}

TEST_CASE("load_schedule: bundled us") {
  const auto start = std::chrono::steady_clock::now();
  const auto schedule = load_schedule(std::string(DUTYCALC_SOURCE_DIR) + "/schedules/us");
  const auto elapsed = std::chrono::steady_clock::now() - start;
  INFO("load time " << std::chrono::duration_cast<std::chrono::milliseconds>(elapsed).count()
                    << " ms");
  CHECK(schedule.name == "us");
  REQUIRE(schedule.editions.size() == 1);
  const auto& nomenclature = schedule.editions[0].nomenclature;
  CHECK(nomenclature.edition() == "HTS 2024 Basic Edition");
  // 961 four-digit + 2,091 six-digit + 7,020 eight-digit + 19,671 ten-digit codes, and 6,001 rows
  // of heading text (SOURCES.md).
  CHECK(nomenclature.coded_count() == 29'743);
  CHECK(nomenclature.lines().size() == 35'744);
  const auto general = [&](const char* code) {
    const auto r = nomenclature.resolve(HsCode::parse(code).value());
    return r.rated ? r.rated->general.text() : r.problem;
  };
  CHECK(general("0804.50.80.10") == "1.5¢/kg");
  CHECK(general("7601.10.30.00") == "2.6%");
  CHECK(general("7208.51.00.30") == "Free");
  CHECK(general("8308.10.00.00") == "1.1¢/kg + 2.9%");
  CHECK(general("7208.51.00.99") ==
        "7208.51.00.99 is not in HTS 2024 Basic Edition (nearest: 7208.51.00)");
  std::size_t prose = 0;
  for (const auto& line : nomenclature.lines())
    prose += line.general.is_prose() ? 1 : 0;
  CHECK(prose < 200); // of about 12,000 rated lines: the grammar reads nearly all (prose is kept)
}

TEST_CASE("load_schedule: the same rules with and without a sink") {
  // Without a sink the rules load on a second thread into a schedule of their own; with one
  // they load in order after the editions. Both must make the same schedule.
  const std::string us = std::string(DUTYCALC_SOURCE_DIR) + "/schedules/us";
  const auto plain = load_schedule(us);
  dutycalc::schedule::Diagnostics sink;
  const auto checked = load_schedule(us, &sink);
  CHECK(sink.errors() == 0);
  const auto ids = [](const dutycalc::schedule::Schedule& s) {
    std::string out;
    for (const auto& m : s.measures)
      out += m.id + (m.replaces.empty() ? "" : "<" + m.replaces.front()->id) + " ";
    for (const auto& g : s.groups)
      out += g.id + " ";
    for (const auto& q : s.quotas)
      out += q.id + " ";
    out += std::to_string(s.programmes.size()) + " " + std::to_string(s.exemptions.size()) + " " +
           std::to_string(s.notices.size()) + " " + std::to_string(s.fees.size()) + " " +
           std::to_string(s.taxes.size()) + " " + std::to_string(s.de_minimis.size());
    return out;
  };
  CHECK(ids(plain) == ids(checked));
  CHECK(plain.measures.size() > 30);
  REQUIRE(plain.column2 != nullptr);
  CHECK(plain.column2->id == checked.column2->id);
  // Pointers between rules point into the schedule returned, not into where they were made.
  bool column2_inside = false;
  for (const auto& g : plain.groups)
    column2_inside = column2_inside || &g == plain.column2;
  CHECK(column2_inside);
  for (const auto& m : plain.measures)
    for (const auto* replaced : m.replaces)
      CHECK(plain.find_measure(replaced->id) == replaced);
  CHECK(plain.rule_files == checked.rule_files);
}

TEST_CASE("load_schedule: a lines table's problem comes before a rule file's") {
  namespace fs = std::filesystem;
  const fs::path dir =
      fs::temp_directory_path() / ("dutycalc-load-order-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const auto write = [&](const char* name, const std::string& text) {
    std::ofstream(dir / name) << text;
  };
  write("schedule.toml", "format = 1\nname = \"t\"\ntitle = \"T\"\ncurrency = \"USD\"\n"
                         "valuation = \"transaction-value\"\ncoverage = \"c\"\n"
                         "rules = [\"r.toml\"]\n"
                         "[rounding]\nplaces = 2\nmode = \"half-up\"\npoint = \"p\"\n"
                         "[[edition]]\nid = \"E\"\neffective = 2024-01-01\nfile = \"a.csv\"\n"
                         "source = \"s\"\n");
  write("a.csv", "# dutycalc lines format 1\n"
                 "hs_code,indent,description,units,general,special,column2,footnotes\n"
                 "7208,x,Bad,,,,,\n");
  write("r.toml", "format = 1\n[[group]]\nid = \"g\"\ncolour = 1\n");
  const std::string a = (dir / "a.csv").string();
  const std::string r = (dir / "r.toml").string();
  try {
    load_schedule(dir);
    FAIL("no error");
  } catch (const dutycalc::Error& e) {
    CHECK(std::string(e.what()) == a + ":3:6: indent 'x' is not a whole number");
  }
  dutycalc::schedule::Diagnostics sink;
  load_schedule(dir, &sink);
  REQUIRE(sink.all().size() >= 2);
  CHECK(sink.all()[0].where.file == a);
  CHECK(sink.all()[0].message == "indent 'x' is not a whole number");
  CHECK(sink.all()[1].where.file == r);
  CHECK(sink.all()[1].where.line == 4);
  CHECK(sink.all()[1].message == "unknown key 'colour' in [[group]]");
  fs::remove_all(dir);
}
