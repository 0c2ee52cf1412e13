// dutycalc quota status|set|reset: inspect and adjust the quota ledger.
#include "commands.hpp"

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/quota/quota_status.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <memory>

namespace dutycalc::cmd {

namespace {

// What every quota subcommand shares.
struct LedgerArgs {
  std::string schedule = "us";
  std::string ledger;
  std::string lock_timeout = "10";
};

struct StatusOptions {
  LedgerArgs common;
  std::string date;
  std::string format;
  std::string output;
};

struct SetOptions {
  LedgerArgs common;
  std::string id;
  std::string drawn;
  std::string period;
};

struct ResetOptions {
  LedgerArgs common;
  std::string id;
  std::string period;
};

schedule::Schedule load(const LedgerArgs& args, const Context& context) {
  return schedule::load_schedule(schedule::find_schedule(args.schedule, context.executable));
}

std::unique_ptr<quota::Ledger> open_ledger(const LedgerArgs& args, bool dry_run) {
  const auto timeout = quota::parse_lock_timeout(args.lock_timeout);
  if (!timeout)
    throw Error(fmt::format("--lock-timeout '{}' is not a number of seconds (e.g. 10 or 0.5)",
                            args.lock_timeout));
  if (args.ledger.empty()) return quota::open_memory_ledger();
  return quota::open_sqlite_ledger(args.ledger, {dry_run, *timeout});
}

const quota::Quota& find_quota(const schedule::Schedule& schedule, const std::string& id) {
  if (const quota::Quota* q = schedule.find_quota(id)) return *q;
  std::string known;
  for (const auto& q : schedule.quotas) known += (known.empty() ? "" : ", ") + q.id;
  throw Error(fmt::format("quota '{}' is not in schedule {} ({})", id, schedule.name,
                          known.empty() ? "it has no quotas" : "its quotas: " + known));
}

// The period `label` names for `q`; an error showing the expected form otherwise.
quota::Period period_of(const quota::Quota& q, const std::string& label) {
  if (auto p = quota::parse_period(q.period, q.year_start_month, q.year_start_day, label))
    return *p;
  throw Error(fmt::format("--period '{}' is not a {} of quota '{}' (expected a label such as {})",
                          label, quota::to_string(q.period), q.id,
                          q.period_of(q.window.from).label));
}

ExitCode run_status(const StatusOptions& options, const Context& context) {
  const Date date = options.date.empty() ? Date::today() : [&] {
    const auto d = Date::parse(options.date);
    if (!d) throw Error(fmt::format("--date '{}' is not a valid YYYY-MM-DD date", options.date));
    return *d;
  }();
  const schedule::Schedule schedule = load(options.common, context);
  std::vector<quota::QuotaStatus> rows;
  {
    // Status only reads: the run is a dry run, and the lock is held only while reading.
    const auto ledger = open_ledger(options.common, true);
    rows = quota::quota_status(schedule, *ledger, date);
    ledger->finish();
  }
  std::unique_ptr<Output> output = options.output.empty()
                                       ? std::make_unique<Output>()
                                       : std::make_unique<Output>(options.output);
  OutputFormat format = output->is_terminal() ? OutputFormat::table : OutputFormat::csv;
  if (!options.format.empty()) format = *parse_output_format(options.format);
  quota::print_quota_status(rows, format, *output);
  if (rows.empty())
    fmt::print(stderr, "dutycalc: note: no quota of schedule {} is in force on {}\n", schedule.name,
               date.to_string());
  return ExitCode::ok;
}

ExitCode run_set(const SetOptions& options, const Context& context) {
  const schedule::Schedule schedule = load(options.common, context);
  const quota::Quota& q = find_quota(schedule, options.id);
  const quota::Period period = period_of(q, options.period);
  if (period.end <= q.window.from || (q.window.to && *q.window.to <= period.start))
    throw Error(fmt::format("quota '{}' is not in force during {}", q.id, period.label));
  const auto drawn = Decimal::parse(options.drawn);
  if (!drawn || drawn->sign() < 0)
    throw Error(fmt::format("--drawn '{}' is not a plain decimal of at least 0", options.drawn));
  const auto ledger = open_ledger(options.common, false);
  ledger->set_official(q.id, period.label, *drawn);
  ledger->finish();
  fmt::print("quota {} {}: official fill level {} recorded\n", q.id, period.label,
             drawn->to_string());
  return ExitCode::ok;
}

ExitCode run_reset(const ResetOptions& options, const Context& context) {
  const schedule::Schedule schedule = load(options.common, context);
  std::string period = options.period;
  // A quota of the schedule has its period label checked; one the schedule no longer has (but
  // the ledger still holds) can be reset by its stored labels.
  const quota::Quota* q = options.id.empty() ? nullptr : schedule.find_quota(options.id);
  if (q && !period.empty()) period = period_of(*q, period).label;
  if (!std::filesystem::exists(options.common.ledger)) {
    if (!options.id.empty() && !q) find_quota(schedule, options.id); // report the unknown id
    fmt::print("nothing to reset\n");
    return ExitCode::ok;
  }
  const auto ledger = open_ledger(options.common, false);
  std::size_t count = 0;
  bool id_known = q != nullptr;
  for (const auto& balance : ledger->balances()) {
    if (!options.id.empty() && balance.quota != options.id) continue;
    id_known = true;
    if (period.empty() || balance.period == period) ++count;
  }
  if (!options.id.empty() && !id_known) find_quota(schedule, options.id);
  ledger->reset(options.id, period);
  ledger->finish();
  if (count == 0) fmt::print("nothing to reset\n");
  else fmt::print("reset {} quota period{}\n", count, count == 1 ? "" : "s");
  return ExitCode::ok;
}

void add_ledger_args(CLI::App* sub, LedgerArgs& args, bool ledger_required) {
  sub->add_option("--schedule", args.schedule, "Bundled schedule name or schedule directory")
      ->capture_default_str();
  auto* ledger = sub->add_option(
      "--ledger", args.ledger,
      ledger_required ? "Quota ledger (SQLite file)"
                      : "Quota ledger (SQLite file); default: full quotas");
  if (ledger_required) ledger->required();
  sub->add_option("--lock-timeout", args.lock_timeout,
                  "Seconds to wait for another run holding the ledger")
      ->capture_default_str();
}

} // namespace

void setup_quota(CLI::App& app, Context& context) {
  auto* quota = app.add_subcommand("quota", "Inspect and adjust the quota ledger");
  quota->require_subcommand(1);
  quota->footer("Examples:\n"
                "  $ dutycalc quota status --ledger ledger.db --date 2022-05-02\n"
                "  $ dutycalc quota set eu-steel --drawn 1200000 --period 2022 --ledger ledger.db\n"
                "  $ dutycalc quota reset eu-steel --period 2022 --ledger ledger.db");

  auto status = std::make_shared<StatusOptions>();
  auto* status_cmd = quota->add_subcommand(
      "status", "Each quota in force: its period, volume, drawn, left and status");
  status_cmd->footer(
      "Status: open; critical once 90% of the volume is drawn; exhausted.\n"
      "Without --ledger every quota is full. A ledger that does not exist yet reads\n"
      "as empty (status never creates or changes it). Example:\n"
      "  $ dutycalc quota status --ledger ledger.db --date 2022-05-02 --format table");
  add_ledger_args(status_cmd, status->common, false);
  status_cmd->add_option("--date", status->date,
                         "Show the periods containing this date; default today");
  status_cmd->add_option("--format", status->format, "Output format: table, csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  status_cmd->add_option("-o,--output", status->output, "Write to FILE instead of standard output");
  status_cmd->callback([status, &context] { context.exit_code = run_status(*status, context); });

  auto set = std::make_shared<SetOptions>();
  auto* set_cmd = quota->add_subcommand(
      "set", "Record an official fill level; earlier draws of that period no longer count");
  set_cmd->footer(
      "The period is written as the quota's periods are labelled: 2022 (year),\n"
      "2022-H1, 2022-Q3, 2022-07 (month); 2022/23-Q1 for years not starting on 1 January.\n"
      "Example:\n"
      "  $ dutycalc quota set eu-steel --drawn 1200000 --period 2022 --ledger ledger.db");
  set_cmd->add_option("id", set->id, "Quota id (as in the schedule)")->required();
  set_cmd->add_option("--drawn", set->drawn, "Official amount drawn, in the quota's unit")
      ->required();
  set_cmd->add_option("--period", set->period, "Quota period, e.g. 2022-Q3")->required();
  add_ledger_args(set_cmd, set->common, true);
  set_cmd->callback([set, &context] { context.exit_code = run_set(*set, context); });

  auto reset = std::make_shared<ResetOptions>();
  auto* reset_cmd = quota->add_subcommand(
      "reset", "Forget draws and official levels: of one quota (or all), one period (or all)");
  reset_cmd->footer("Examples:\n"
                    "  $ dutycalc quota reset --ledger ledger.db            # everything\n"
                    "  $ dutycalc quota reset eu-steel --period 2022 --ledger ledger.db");
  reset_cmd->add_option("id", reset->id, "Quota id; default: every quota");
  reset_cmd->add_option("--period", reset->period,
                        "Quota period, e.g. 2022-Q3; default: every period");
  add_ledger_args(reset_cmd, reset->common, true);
  reset_cmd->callback([reset, &context] { context.exit_code = run_reset(*reset, context); });
}

} // namespace dutycalc::cmd
