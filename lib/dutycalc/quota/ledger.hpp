// Where quota balances live: in memory for one run (every run starts with full quotas), or in a
// SQLite file shared by runs and processes. A run is one transaction: it sees a consistent
// balance, and a crash or kill leaves the ledger as it was before the run.
#pragma once

#include <dutycalc/money/decimal.hpp>

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::quota {

// One quota period's balance as the ledger holds it.
struct LedgerBalance {
  std::string quota;
  std::string period;   // label, e.g. "2022-Q3"
  Decimal official;     // the last official fill level recorded with `quota set` (0 if none)
  Decimal drawn;        // official + every draw counted since it was recorded
};

class Ledger {
public:
  virtual ~Ledger() = default;

  // What has been drawn on `quota` in `period`, all entries together.
  virtual Decimal drawn(std::string_view quota, std::string_view period) = 0;
  // Forgets what `entry` drew on `quota` in `period` (before it is drawn again: pricing the same
  // entry twice draws once, and a changed entry replaces its earlier draw).
  virtual void clear_entry(std::string_view quota, std::string_view period,
                           std::string_view entry) = 0;
  // Adds `amount` to what `entry` has drawn on `quota` in `period`.
  virtual void add(std::string_view quota, std::string_view period, std::string_view entry,
                   Decimal amount) = 0;
  // Makes this run's draws permanent (SQLite: commits the run's transaction). A dry run, or a
  // ledger destroyed without finish(), keeps nothing.
  virtual void finish() = 0;

  // `quota set`: records an official fill level; draws recorded before it no longer count.
  virtual void set_official(std::string_view quota, std::string_view period, Decimal drawn) = 0;
  // `quota reset`: forgets draws and official levels, of one quota (or all when empty) and one
  // period (or all when empty).
  virtual void reset(std::string_view quota, std::string_view period) = 0;
  // Every quota period the ledger holds something for, sorted by quota then period.
  virtual std::vector<LedgerBalance> balances() = 0;
};

// The SQLite ledger format versions this program reads (meta table, key `ledger_format`).
constexpr int k_oldest_ledger_format = 1;
constexpr int k_current_ledger_format = 1;

struct LedgerOptions {
  bool dry_run = false; // price against the ledger, keep nothing
  // How long to wait for another process's run to finish before giving up with an error.
  std::chrono::milliseconds lock_timeout{10000};
};

// Reads a lock timeout given in seconds as a plain decimal ("10", "0.5"; whole milliseconds,
// at most a day); nullopt for anything else. Shared by every command that takes --lock-timeout.
std::optional<std::chrono::milliseconds> parse_lock_timeout(std::string_view seconds);

// A ledger that lives for one run only, starting empty (full quotas).
std::unique_ptr<Ledger> open_memory_ledger();

// Opens (creating if missing) a SQLite ledger and starts this run's transaction, waiting up to
// lock_timeout for other runs. Throws Error, leaving the file untouched, when the file is not a
// dutycalc ledger (not SQLite, or SQLite without dutycalc's tables), is of a newer ledger format,
// or stays locked. A dry run never creates the file: a missing ledger reads as an empty one.
std::unique_ptr<Ledger> open_sqlite_ledger(const std::filesystem::path& path,
                                           const LedgerOptions& options);

} // namespace dutycalc::quota
