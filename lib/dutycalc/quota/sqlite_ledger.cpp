// The SQLite ledger: quota balances shared by runs and processes.
//
// Schema (ledger format 1):
//   meta(key TEXT PRIMARY KEY, value TEXT)   one row ('ledger_format', '1'), checked on open
//   official(quota, period, drawn TEXT, PRIMARY KEY(quota, period))
//       the last official fill level `quota set` recorded for a quota period
//   draws(quota, period, entry, amount TEXT, counted INTEGER, PRIMARY KEY(quota, period, entry))
//       what each entry drew; counted = 0 once an official level was recorded after it
// Amounts are exact decimal strings (Decimal::to_string), never REAL, and are summed in C++:
// drawn = official + the amounts of the counted draws.
//
// A run is one transaction begun with BEGIN IMMEDIATE, which takes the write lock at once, so
// two runs serialize (the second waits up to lock_timeout, then sees the first's draws) and
// never both read the same balance and over-draw it. The ledger keeps SQLite's default rollback
// journal rather than WAL: switching to WAL would itself write to the file, WAL's extra -wal and
// -shm files outlive a run and need shared memory (not on network file systems), and runs
// serialize on the write lock anyway. A process killed mid-run leaves a hot journal that the
// next open rolls back, so the ledger reads as it was before the run.
#include <dutycalc/quota/ledger.hpp>

#include <dutycalc/error.hpp>

#include <fmt/format.h>
#include <sqlite3.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <set>
#include <utility>

namespace dutycalc::quota {

namespace {

constexpr std::string_view k_sqlite_header{"SQLite format 3\0", 16};

constexpr const char* k_create_schema = R"sql(
CREATE TABLE meta(key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL);
INSERT INTO meta(key, value) VALUES ('ledger_format', '1');
CREATE TABLE official(quota TEXT NOT NULL, period TEXT NOT NULL, drawn TEXT NOT NULL,
                      PRIMARY KEY(quota, period));
CREATE TABLE draws(quota TEXT NOT NULL, period TEXT NOT NULL, entry TEXT NOT NULL,
                   amount TEXT NOT NULL, counted INTEGER NOT NULL DEFAULT 1,
                   PRIMARY KEY(quota, period, entry));
)sql";
static_assert(k_current_ledger_format == 1, "k_create_schema writes format 1");

struct CloseDb {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
struct FinalizeStatement {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
using Db = std::unique_ptr<sqlite3, CloseDb>;
using Statement = std::unique_ptr<sqlite3_stmt, FinalizeStatement>;

// "10", "0.5": how long a run waited for the lock, for messages.
std::string seconds_text(std::chrono::milliseconds t) {
  return Decimal::from_integer(t.count()).divided_by(Decimal::from_integer(1000)).to_string();
}

enum class FileState { missing, empty, sqlite };

// Looks at the file before SQLite opens it: SQLite would write a journal beside any file it is
// given, and a file that is not a database must stay byte-for-byte as it is.
FileState inspect(const std::filesystem::path& path, const std::string& name) {
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (status.type() == std::filesystem::file_type::not_found) return FileState::missing;
  if (ec) throw Error(SourceLocation{name}, "cannot read: " + ec.message());
  if (std::filesystem::is_directory(status))
    throw Error(SourceLocation{name}, "cannot read: it is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(SourceLocation{name}, std::string("cannot read: ") + std::strerror(errno));
  char header[16];
  in.read(header, sizeof header);
  const auto got = in.gcount();
  if (got == 0) return FileState::empty;
  if (got != sizeof header || std::string_view(header, sizeof header) != k_sqlite_header)
    throw Error(SourceLocation{name}, "not a dutycalc ledger (file is not a database)");
  return FileState::sqlite;
}

class SqliteLedger final : public Ledger {
public:
  SqliteLedger(std::string name, const LedgerOptions& options)
      : m_name(std::move(name)), m_options(options) {}

  ~SqliteLedger() override {
    if (m_db && m_in_transaction) sqlite3_exec(m_db.get(), "ROLLBACK", nullptr, nullptr, nullptr);
  }

  // Opens the file, begins the run's transaction and checks (or, in a new file, creates) the
  // schema. Nothing is written to a file that turns out not to be a ledger of this format.
  void open(const std::filesystem::path& path, bool create) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    m_db.reset(raw);
    if (rc != SQLITE_OK) fail(rc);
    sqlite3_extended_result_codes(m_db.get(), 1);
    if (sqlite3_db_readonly(m_db.get(), "main") == 1 && !m_options.dry_run)
      throw Error(SourceLocation{m_name}, "cannot write: the file is read-only");
    const auto wait = std::min<std::chrono::milliseconds::rep>(m_options.lock_timeout.count(),
                                                              24 * 3600 * 1000);
    sqlite3_busy_timeout(m_db.get(), static_cast<int>(wait));
    exec("BEGIN IMMEDIATE");
    m_in_transaction = true;
    check_schema();
  }

  Decimal drawn(std::string_view quota, std::string_view period) override {
    require_run();
    Key key{std::string(quota), std::string(period)};
    if (const auto it = m_drawn.find(key); it != m_drawn.end()) return it->second;
    // The run holds the write lock, so a period's total stays valid for the rest of the run
    // once summed: later calls keep it up to date instead of summing every entry again.
    Decimal total;
    {
      Query q(*this, m_select_official);
      q.bind(quota).bind(period);
      if (q.step()) total += amount(q.text(0), quota, period);
    }
    Query q(*this, m_select_counted);
    q.bind(quota).bind(period);
    while (q.step()) total += amount(q.text(0), quota, period);
    m_drawn.emplace(std::move(key), total);
    return total;
  }

  void clear_entry(std::string_view quota, std::string_view period,
                   std::string_view entry) override {
    require_run();
    const auto old = find_draw(quota, period, entry);
    if (!old) return;
    Query q(*this, m_delete_draw);
    q.bind(quota).bind(period).bind(entry).run();
    if (old->second) adjust_cached(quota, period, -old->first);
  }

  void add(std::string_view quota, std::string_view period, std::string_view entry,
           Decimal amount) override {
    require_run();
    const auto old = find_draw(quota, period, entry);
    // A draw the official level already covers is replaced, not added to.
    const Decimal total = old && old->second ? old->first + amount : amount;
    Query q(*this, m_put_draw);
    q.bind(quota).bind(period).bind(entry).bind(total.to_string()).run();
    adjust_cached(quota, period, amount);
  }

  void finish() override {
    require_run();
    exec(m_options.dry_run ? "ROLLBACK" : "COMMIT");
    m_in_transaction = false;
  }

  void set_official(std::string_view quota, std::string_view period, Decimal drawn) override {
    require_run();
    Query(*this, m_put_official).bind(quota).bind(period).bind(drawn.to_string()).run();
    Query(*this, m_uncount_draws).bind(quota).bind(period).run();
    m_drawn.erase(Key{std::string(quota), std::string(period)});
  }

  void reset(std::string_view quota, std::string_view period) override {
    require_run();
    for (const char* table : {"draws", "official"}) {
      const Statement s = prepare(fmt::format("DELETE FROM {} WHERE (?1 = '' OR quota = ?1) AND "
                                              "(?2 = '' OR period = ?2)", table));
      Query(*this, s).bind(quota).bind(period).run();
    }
    m_drawn.clear();
  }

  std::vector<LedgerBalance> balances() override {
    require_run();
    std::map<Key, LedgerBalance> books;
    auto book = [&](std::string_view quota, std::string_view period) -> LedgerBalance& {
      auto [it, added] = books.try_emplace(Key{std::string(quota), std::string(period)});
      if (added) {
        it->second.quota = quota;
        it->second.period = period;
      }
      return it->second;
    };
    {
      const Statement s = prepare("SELECT quota, period, drawn FROM official");
      Query q(*this, s);
      while (q.step()) {
        LedgerBalance& b = book(q.text(0), q.text(1));
        b.official = amount(q.text(2), b.quota, b.period);
        b.drawn += b.official;
      }
    }
    const Statement s = prepare("SELECT quota, period, amount, counted FROM draws");
    Query q(*this, s);
    while (q.step()) {
      LedgerBalance& b = book(q.text(0), q.text(1));
      const Decimal a = amount(q.text(2), b.quota, b.period);
      if (q.integer(3) != 0) b.drawn += a;
    }
    std::vector<LedgerBalance> out;
    out.reserve(books.size());
    for (auto& [key, balance] : books) out.push_back(std::move(balance));
    return out;
  }

private:
  using Key = std::pair<std::string, std::string>;

  // Binds parameters and steps one statement; resets it when done so it can run again.
  class Query {
  public:
    Query(const SqliteLedger& ledger, const Statement& statement)
        : m_ledger(ledger), m_statement(statement.get()) {}
    ~Query() {
      sqlite3_reset(m_statement);
      sqlite3_clear_bindings(m_statement);
    }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    Query& bind(std::string_view text) {
      // The text outlives the query: SQLite need not copy it.
      const int rc = sqlite3_bind_text(m_statement, ++m_parameter, text.data(),
                                       static_cast<int>(text.size()), SQLITE_STATIC);
      if (rc != SQLITE_OK) m_ledger.fail(rc);
      return *this;
    }
    // True while there is a row to read.
    bool step() {
      const int rc = sqlite3_step(m_statement);
      if (rc == SQLITE_ROW) return true;
      if (rc != SQLITE_DONE) m_ledger.fail(rc);
      return false;
    }
    void run() {
      while (step()) {}
    }
    std::string_view text(int column) const {
      const auto* bytes = sqlite3_column_text(m_statement, column);
      if (!bytes) return {};
      return {reinterpret_cast<const char*>(bytes),
              static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
    }
    int integer(int column) const { return sqlite3_column_int(m_statement, column); }

  private:
    const SqliteLedger& m_ledger;
    sqlite3_stmt* m_statement;
    int m_parameter = 0;
  };

  [[noreturn]] void fail(int rc) const {
    const SourceLocation where{m_name};
    const std::string detail = m_db ? sqlite3_errmsg(m_db.get()) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      throw Error(where, fmt::format("is locked by another dutycalc run (waited {} s)",
                                     seconds_text(m_options.lock_timeout)));
    case SQLITE_NOTADB: throw Error(where, "not a dutycalc ledger (file is not a database)");
    case SQLITE_CORRUPT:
      throw Error(where,
                  fmt::format("the ledger is damaged ({}); restore it from a backup", detail));
    case SQLITE_CANTOPEN: throw Error(where, fmt::format("cannot open: {}", detail));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_FULL:
    case SQLITE_IOERR: throw Error(where, fmt::format("cannot write: {}", detail));
    default: throw Error(where, fmt::format("ledger error: {}", detail));
    }
  }

  void exec(const char* sql) {
    const int rc = sqlite3_exec(m_db.get(), sql, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) fail(rc);
  }

  Statement prepare(const std::string& sql) const {
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v2(m_db.get(), sql.c_str(), static_cast<int>(sql.size() + 1),
                                      &raw, nullptr);
    Statement statement(raw);
    if (rc != SQLITE_OK) fail(rc);
    return statement;
  }

  [[noreturn]] void not_a_ledger(std::string_view why) const {
    throw Error(SourceLocation{m_name}, fmt::format("not a dutycalc ledger ({})", why));
  }

  void check_schema() {
    std::set<std::string, std::less<>> tables;
    {
      const Statement s = prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
      Query q(*this, s);
      while (q.step()) tables.emplace(q.text(0));
    }
    if (tables.empty()) {
      exec(k_create_schema); // a new (or empty) file: part of this run's transaction
    } else {
      if (!tables.contains("meta")) not_a_ledger("a SQLite database without dutycalc's tables");
      const Statement s = prepare("SELECT value FROM meta WHERE key = 'ledger_format'");
      Query q(*this, s);
      if (!q.step()) not_a_ledger("its meta table has no ledger_format");
      const std::string_view text = q.text(0);
      int format = 0;
      if (text.empty() || text.size() > 6 ||
          text.find_first_not_of("0123456789") != std::string_view::npos)
        not_a_ledger(fmt::format("ledger_format '{}' is not a number", text));
      for (const char c : text) format = format * 10 + (c - '0');
      if (format > k_current_ledger_format)
        throw Error(SourceLocation{m_name},
                    fmt::format("ledger format {} is newer than this dutycalc reads (format {}); "
                                "use a newer dutycalc", format, k_current_ledger_format));
      if (format < k_oldest_ledger_format)
        throw Error(SourceLocation{m_name},
                    fmt::format("ledger format {} is older than the oldest this dutycalc reads "
                                "(format {})", format, k_oldest_ledger_format));
      if (!tables.contains("draws") || !tables.contains("official"))
        not_a_ledger("its draws or official table is missing");
    }
    m_select_official = prepare("SELECT drawn FROM official WHERE quota = ?1 AND period = ?2");
    m_select_counted =
        prepare("SELECT amount FROM draws WHERE quota = ?1 AND period = ?2 AND counted <> 0");
    m_select_draw = prepare(
        "SELECT amount, counted FROM draws WHERE quota = ?1 AND period = ?2 AND entry = ?3");
    m_delete_draw = prepare("DELETE FROM draws WHERE quota = ?1 AND period = ?2 AND entry = ?3");
    m_put_draw = prepare("INSERT OR REPLACE INTO draws(quota, period, entry, amount, counted) "
                         "VALUES (?1, ?2, ?3, ?4, 1)");
    m_put_official =
        prepare("INSERT OR REPLACE INTO official(quota, period, drawn) VALUES (?1, ?2, ?3)");
    m_uncount_draws = prepare("UPDATE draws SET counted = 0 WHERE quota = ?1 AND period = ?2");
  }

  void require_run() const {
    // Outside the run's transaction every statement would commit on its own.
    if (!m_in_transaction)
      throw Error(SourceLocation{m_name}, "the ledger was used after its run finished");
  }

  Decimal amount(std::string_view text, std::string_view quota, std::string_view period) const {
    if (const auto value = Decimal::parse(text)) return *value;
    throw Error(SourceLocation{m_name},
                fmt::format("the ledger is damaged: amount '{}' of quota {} period {} is not a "
                            "decimal", text, quota, period));
  }

  // The entry's draw: its amount and whether it counts.
  std::optional<std::pair<Decimal, bool>> find_draw(std::string_view quota, std::string_view period,
                                                    std::string_view entry) {
    Query q(*this, m_select_draw);
    q.bind(quota).bind(period).bind(entry);
    if (!q.step()) return std::nullopt;
    return std::pair{amount(q.text(0), quota, period), q.integer(1) != 0};
  }

  void adjust_cached(std::string_view quota, std::string_view period, Decimal delta) {
    const auto it = m_drawn.find(Key{std::string(quota), std::string(period)});
    if (it != m_drawn.end()) it->second += delta;
  }

  std::string m_name;
  LedgerOptions m_options;
  Db m_db; // declared before the statements, so they are finalized first
  bool m_in_transaction = false;
  Statement m_select_official, m_select_counted, m_select_draw, m_delete_draw, m_put_draw,
      m_put_official, m_uncount_draws;
  std::map<Key, Decimal> m_drawn; // period totals summed in this run
};

} // namespace

std::unique_ptr<Ledger> open_sqlite_ledger(const std::filesystem::path& path,
                                           const LedgerOptions& options) {
  const std::string name = path.string();
  const FileState state = inspect(path, name);
  // Nothing to read, nothing to keep: a dry run leaves a missing or empty file alone.
  if (options.dry_run && state != FileState::sqlite) return open_memory_ledger();
  auto ledger = std::make_unique<SqliteLedger>(name, options);
  ledger->open(path, state == FileState::missing);
  return ledger;
}

} // namespace dutycalc::quota
