#include <dutycalc/error.hpp>
#include <dutycalc/quota/ledger.hpp>

#include <catch2/catch.hpp>
#include <sqlite3.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

using dutycalc::Decimal;
using dutycalc::quota::Ledger;
using dutycalc::quota::LedgerOptions;
using dutycalc::quota::open_memory_ledger;
using dutycalc::quota::open_sqlite_ledger;
namespace fs = std::filesystem;

namespace {

Decimal dec(const char* text) { return Decimal::parse(text).value(); }

// A fresh folder for one test's ledger files, removed afterwards.
struct TempDir {
  fs::path path;
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "dutycalc-ledger-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  fs::path operator/(const char* name) const { return path / name; }
};

std::string bytes_of(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

void write_file(const fs::path& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string open_error(const fs::path& path, LedgerOptions options = {}) {
  try {
    open_sqlite_ledger(path, options);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

// Runs SQL on a file directly, as another program would.
void sql(const fs::path& path, const char* text) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
  char* message = nullptr;
  const int rc = sqlite3_exec(db, text, nullptr, nullptr, &message);
  const std::string why = message ? message : "";
  sqlite3_free(message);
  sqlite3_close(db);
  REQUIRE(why == "");
  REQUIRE(rc == SQLITE_OK);
}

// What both ledgers must do alike, within one run.
void check_books(Ledger& ledger) {
  CHECK(ledger.drawn("Q", "2022-Q3") == Decimal{});
  ledger.add("Q", "2022-Q3", "E1", dec("100.5"));
  ledger.add("Q", "2022-Q3", "E2", dec("0.000000000001"));
  ledger.add("Q", "2022-Q4", "E1", dec("7"));
  ledger.add("R", "2022", "E1", dec("3"));
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("100.500000000001"));
  ledger.add("Q", "2022-Q3", "E1", dec("0.5")); // a second line of the same entry
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("101.000000000001"));

  // Pricing an entry again replaces what it drew.
  ledger.clear_entry("Q", "2022-Q3", "E1");
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("0.000000000001"));
  ledger.add("Q", "2022-Q3", "E1", dec("40"));
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("40.000000000001"));
  ledger.clear_entry("Q", "2022-Q3", "nobody"); // nothing to forget
  CHECK(ledger.drawn("Q", "2022-Q4") == dec("7"));

  // An official level replaces what was counted before it; later draws add to it.
  ledger.set_official("Q", "2022-Q3", dec("1000"));
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("1000"));
  ledger.clear_entry("Q", "2022-Q3", "E2"); // a covered draw forgotten: the level stays
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("1000"));
  ledger.add("Q", "2022-Q3", "E3", dec("25"));
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("1025"));
  ledger.add("Q", "2022-Q3", "E1", dec("5")); // E1's covered draw is replaced, not added to
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("1030"));
  ledger.set_official("Q", "2022-Q3", dec("900"));
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("900"));

  const auto balances = ledger.balances();
  REQUIRE(balances.size() == 3);
  CHECK(balances[0].quota == "Q");
  CHECK(balances[0].period == "2022-Q3");
  CHECK(balances[0].official == dec("900"));
  CHECK(balances[0].drawn == dec("900"));
  CHECK(balances[1].period == "2022-Q4");
  CHECK(balances[1].official == Decimal{});
  CHECK(balances[1].drawn == dec("7"));
  CHECK(balances[2].quota == "R");

  ledger.reset("Q", "2022-Q4");
  CHECK(ledger.drawn("Q", "2022-Q4") == Decimal{});
  CHECK(ledger.drawn("Q", "2022-Q3") == dec("900"));
  ledger.reset("", "2022-Q3");
  CHECK(ledger.drawn("Q", "2022-Q3") == Decimal{});
  CHECK(ledger.drawn("R", "2022") == dec("3"));
  ledger.reset("", "");
  CHECK(ledger.balances().empty());
}

} // namespace

TEST_CASE("open_memory_ledger") {
  const auto ledger = open_memory_ledger();
  check_books(*ledger);
  ledger->finish();
}

TEST_CASE("open_sqlite_ledger") {
  TempDir dir;
  const auto path = dir / "ledger.db";

  SECTION("the same books as in memory") {
    const auto ledger = open_sqlite_ledger(path, {});
    check_books(*ledger);
    ledger->finish();
  }

  SECTION("a finished run keeps its draws; the next run sees them") {
    {
      const auto ledger = open_sqlite_ledger(path, {});
      ledger->add("Q", "2022-Q3", "E1", dec("12.25"));
      ledger->set_official("R", "2022", dec("5"));
      ledger->finish();
    }
    const auto ledger = open_sqlite_ledger(path, {});
    CHECK(ledger->drawn("Q", "2022-Q3") == dec("12.25"));
    CHECK(ledger->drawn("R", "2022") == dec("5"));
    CHECK(ledger->balances().size() == 2);
    ledger->finish();
    CHECK_THROWS_WITH(ledger->drawn("Q", "2022-Q3"),
                      path.string() + ": the ledger was used after its run finished");
  }

  SECTION("a dry run, or a run never finished, keeps nothing") {
    {
      const auto ledger = open_sqlite_ledger(path, {});
      ledger->add("Q", "2022-Q3", "E1", dec("10"));
      ledger->finish();
    }
    {
      const auto ledger = open_sqlite_ledger(path, {.dry_run = true});
      ledger->add("Q", "2022-Q3", "E2", dec("5"));
      CHECK(ledger->drawn("Q", "2022-Q3") == dec("15")); // the dry run sees its own draws
      ledger->finish();
    }
    {
      const auto ledger = open_sqlite_ledger(path, {});
      ledger->clear_entry("Q", "2022-Q3", "E1");
      ledger->add("Q", "2022-Q3", "E3", dec("99"));
    } // destroyed without finish()
    const auto ledger = open_sqlite_ledger(path, {});
    CHECK(ledger->drawn("Q", "2022-Q3") == dec("10"));
    ledger->finish();
  }

  SECTION("amounts are stored as exact decimal text") {
    {
      const auto ledger = open_sqlite_ledger(path, {});
      ledger->add("Q", "2022", "E1", dec("0.1"));
      ledger->add("Q", "2022", "E1", dec("0.2"));
      ledger->set_official("R", "2022", dec("123456789012.000000000001"));
      ledger->finish();
    }
    sql(path, "CREATE TABLE t AS SELECT typeof(amount) || ':' || amount AS v FROM draws "
              "UNION ALL SELECT typeof(drawn) || ':' || drawn FROM official");
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "SELECT v FROM t ORDER BY v", -1, &s, nullptr) == SQLITE_OK);
    std::string values;
    while (sqlite3_step(s) == SQLITE_ROW)
      values += std::string(reinterpret_cast<const char*>(sqlite3_column_text(s, 0))) + ";";
    sqlite3_finalize(s);
    sqlite3_close(db);
    CHECK(values == "text:0.3;text:123456789012.000000000001;");
  }

  SECTION("a dry run on a missing or empty file creates and changes nothing") {
    {
      const auto ledger = open_sqlite_ledger(path, {.dry_run = true});
      ledger->add("Q", "2022", "E1", dec("1"));
      CHECK(ledger->drawn("Q", "2022") == dec("1"));
      ledger->finish();
    }
    CHECK_FALSE(fs::exists(path));
    write_file(path, "");
    open_sqlite_ledger(path, {.dry_run = true})->finish();
    CHECK(fs::file_size(path) == 0);
  }

  SECTION("an empty file becomes a ledger") {
    write_file(path, "");
    {
      const auto ledger = open_sqlite_ledger(path, {});
      ledger->add("Q", "2022", "E1", dec("1"));
      ledger->finish();
    }
    const auto ledger = open_sqlite_ledger(path, {});
    CHECK(ledger->drawn("Q", "2022") == dec("1"));
  }

  SECTION("a run waits for another, then gives up with a clear error") {
    open_sqlite_ledger(path, {})->finish();
    const auto first = open_sqlite_ledger(path, {});
    first->add("Q", "2022", "E1", dec("1"));
    CHECK(open_error(path, {.lock_timeout = std::chrono::milliseconds(150)}) ==
          path.string() + ": is locked by another dutycalc run (waited 0.15 s)");
    CHECK(open_error(path, {.dry_run = true, .lock_timeout = std::chrono::milliseconds(0)}) ==
          path.string() + ": is locked by another dutycalc run (waited 0 s)");
    first->finish();
    const auto second = open_sqlite_ledger(path, {.lock_timeout = std::chrono::milliseconds(0)});
    CHECK(second->drawn("Q", "2022") == dec("1"));
  }
}

TEST_CASE("open_sqlite_ledger refuses what is not its ledger, leaving the file untouched") {
  TempDir dir;
  const auto path = dir / "ledger.db";
  std::string expected;

  SECTION("not a database") {
    write_file(path, "hs_code,origin,value\n7208.51.0030,JP,100\n");
    expected = ": not a dutycalc ledger (file is not a database)";
  }
  SECTION("shorter than a SQLite header") {
    write_file(path, "SQLite");
    expected = ": not a dutycalc ledger (file is not a database)";
  }
  SECTION("SQLite's header, then garbage") {
    write_file(path, std::string("SQLite format 3\0", 16) + std::string(4096, 'x'));
    expected = ": not a dutycalc ledger (file is not a database)";
  }
  SECTION("another program's database") {
    sql(path, "CREATE TABLE customers(name TEXT); INSERT INTO customers VALUES ('a');");
    expected = ": not a dutycalc ledger (a SQLite database without dutycalc's tables)";
  }
  SECTION("a newer ledger format") {
    open_sqlite_ledger(path, {})->finish();
    sql(path, "UPDATE meta SET value = '2' WHERE key = 'ledger_format'");
    expected = ": ledger format 2 is newer than this dutycalc reads (format 1); "
               "use a newer dutycalc";
  }
  SECTION("an older ledger format") {
    open_sqlite_ledger(path, {})->finish();
    sql(path, "UPDATE meta SET value = '0' WHERE key = 'ledger_format'");
    expected = ": ledger format 0 is older than the oldest this dutycalc reads (format 1)";
  }

  const std::string before = bytes_of(path);
  const auto mtime = fs::last_write_time(path);
  CHECK(open_error(path) == path.string() + expected);
  CHECK(open_error(path, {.dry_run = true}) == path.string() + expected);
  CHECK(bytes_of(path) == before);
  CHECK(fs::last_write_time(path) == mtime);
  CHECK_FALSE(fs::exists(path.string() + "-journal"));
  CHECK_FALSE(fs::exists(path.string() + "-wal"));
}

TEST_CASE("open_sqlite_ledger on a folder") {
  TempDir dir;
  CHECK(open_error(dir.path) == dir.path.string() + ": cannot read: it is a directory");
}

TEST_CASE("parse_lock_timeout") {
  using dutycalc::quota::parse_lock_timeout;
  using std::chrono::milliseconds;
  CHECK(parse_lock_timeout("10") == milliseconds(10000));
  CHECK(parse_lock_timeout("0.5") == milliseconds(500));
  CHECK(parse_lock_timeout("0") == milliseconds(0));
  CHECK(parse_lock_timeout("0.001") == milliseconds(1));
  CHECK(parse_lock_timeout("86400") == milliseconds(86400000));
  CHECK_FALSE(parse_lock_timeout("0.0001"));
  CHECK_FALSE(parse_lock_timeout("86400.001"));
  CHECK_FALSE(parse_lock_timeout("-1"));
  CHECK_FALSE(parse_lock_timeout("1s"));
  CHECK_FALSE(parse_lock_timeout(""));
}
