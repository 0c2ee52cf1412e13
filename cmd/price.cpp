// dutycalc price: price manifest lines under a schedule and print one record per line.
#include "commands.hpp"

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/fx/fx_table.hpp>
#include <dutycalc/util/file.hpp>
#include <dutycalc/pricing/engine.hpp>
#include <dutycalc/pricing/price_manifest.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/report_writer.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <iostream>
#include <algorithm>
#include <memory>
#include <thread>
#include <optional>

namespace dutycalc::cmd {

namespace {

struct PriceOptions {
  std::vector<std::string> manifests;
  std::string schedule = "us";
  std::string date;
  std::string format;
  std::string output;
  std::string delimiter = ",";
  std::string ledger;
  std::string fx;
  std::string lock_timeout = "10";
  bool dry_run = false;
  bool strict = false;
  unsigned threads = 0; // 0: one per core
  std::size_t entries_in_memory = pricing::PriceManifestOptions{}.entries_in_memory;
};

ExitCode run_price(const PriceOptions& options, const Context& context) {
  const Date default_date = options.date.empty() ? Date::today() : [&] {
    const auto d = Date::parse(options.date);
    if (!d) throw Error(fmt::format("--date '{}' is not a valid YYYY-MM-DD date", options.date));
    return *d;
  }();
  if (options.delimiter.size() != 1)
    throw Error(fmt::format("--delimiter must be one character, not '{}'", options.delimiter));

  const schedule::Schedule schedule =
      schedule::load_schedule(schedule::find_schedule(options.schedule, context.executable));
  std::optional<fx::FxTable> rates;
  if (!options.fx.empty()) rates = fx::FxTable::parse(read_file(options.fx), options.fx);
  const pricing::Engine engine(schedule, {default_date, rates ? &*rates : nullptr, std::nullopt});

  std::unique_ptr<Output> output =
      options.output.empty() ? std::make_unique<Output>() : std::make_unique<Output>(options.output);
  OutputFormat format = output->is_terminal() ? OutputFormat::table : OutputFormat::csv;
  if (!options.format.empty()) format = *parse_output_format(options.format);
  const auto writer = report::make_report_writer(format, *output);

  // Quota balances: a SQLite ledger shared by runs, or full quotas for this run only.
  quota::LedgerOptions ledger_options;
  ledger_options.dry_run = options.dry_run;
  const auto timeout = quota::parse_lock_timeout(options.lock_timeout);
  if (!timeout)
    throw Error(fmt::format("--lock-timeout '{}' is not a number of seconds (e.g. 10 or 0.5)",
                            options.lock_timeout));
  ledger_options.lock_timeout = *timeout;
  const std::unique_ptr<quota::Ledger> ledger =
      options.ledger.empty() ? quota::open_memory_ledger()
                             : quota::open_sqlite_ledger(options.ledger, ledger_options);

  pricing::PriceManifestOptions run_options;
  run_options.delimiter = options.delimiter[0];
  run_options.strict = options.strict;
  run_options.entries_in_memory = options.entries_in_memory;
  run_options.threads = options.threads != 0 ? options.threads
                                             : std::max(1u, std::thread::hardware_concurrency());
  pricing::PriceTotals totals;
  std::vector<pricing::ManifestSource> sources;
  for (const auto& name : options.manifests)
    sources.push_back({name, name == "-" ? "<stdin>" : name});
  if (sources.empty()) sources.push_back({"-", "<stdin>"});
  pricing::price_manifests(engine, sources, *ledger, *writer, run_options, std::cerr, totals);
  writer->finish();
  // A run stopped by --strict draws nothing: its later lines were never priced.
  if (!totals.stopped && !options.dry_run) ledger->finish();
  return totals.failed > 0 ? ExitCode::some_failed : ExitCode::ok;
}

} // namespace

void setup_price(CLI::App& app, Context& context) {
  auto options = std::make_shared<PriceOptions>();
  auto* sub = app.add_subcommand("price", "Price manifest lines (CSV) under a tariff schedule");
  sub->footer("Examples:\n"
              "  $ dutycalc price shipments.csv --schedule us --format table\n"
              "  $ dutycalc price --date 2024-03-01 < shipments.csv > priced.csv\n"
              "Reads standard input when no MANIFEST (or '-') is given. Output: table on a terminal,\n"
              "csv otherwise. Exit codes: 0 all lines priced; 1 some lines could not be priced (their\n"
              "records say why); 2 usage, configuration or schedule error.");
  sub->add_option("manifest", options->manifests, "Manifest CSV files ('-' for standard input)");
  sub->add_option("--schedule", options->schedule,
                  "Bundled schedule name or schedule directory")->capture_default_str();
  sub->add_option("--date", options->date, "Entry date (YYYY-MM-DD) for lines without one; default today");
  sub->add_option("--format", options->format, "Output format: table, csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}));
  sub->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
  sub->add_option("--delimiter", options->delimiter, "Field delimiter of the manifest")->capture_default_str();
  sub->add_flag("--strict", options->strict, "Stop at the first line that cannot be priced");
  sub->add_option("--ledger", options->ledger,
                  "Quota ledger (SQLite) to draw on and keep balances in; default: full quotas, "
                  "nothing kept");
  sub->add_flag("--dry-run", options->dry_run, "Price against the ledger without drawing on it");
  sub->add_option("--lock-timeout", options->lock_timeout,
                  "Seconds to wait for another run holding the ledger")->capture_default_str();
  sub->add_option("--threads", options->threads,
                  "Threads that price lines (default: one per core); the output is the same "
                  "whatever the number")
      ->check(CLI::Range(1u, 256u));
  sub->add_option("--entries-in-memory", options->entries_in_memory,
                  "Customs entries kept in memory (about 50 bytes each, and their keys: at most "
                  "8 MB); more are sorted on disk (slower), so that memory does not grow with a "
                  "manifest's length")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{0}, std::size_t{4000000000}));
  sub->add_option("--fx", options->fx,
                  "Exchange rates, CSV 'date,currency,rate' (rate: the schedule's currency per unit)");
  sub->callback([options, &context] { context.exit_code = run_price(*options, context); });
}

} // namespace dutycalc::cmd
