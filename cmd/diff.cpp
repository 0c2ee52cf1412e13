// dutycalc diff: what a schedule says differently on two dates, and with --manifest what that
// does to the landed cost of each line.
#include "commands.hpp"

#include <dutycalc/diff/price_diff.hpp>
#include <dutycalc/diff/schedule_diff.hpp>
#include <dutycalc/diff/write_diff.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/fx/fx_table.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/output_format.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>
#include <dutycalc/util/file.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

namespace dutycalc::cmd {

namespace {

struct DiffOptions {
  std::string schedule = "us";
  std::string from;
  std::string to;
  std::string manifest;
  std::string format = "table";
  std::string output;
  std::string delimiter = ",";
  std::string fx;
};

ExitCode run_diff(const DiffOptions& options, const Context& context) {
  const diff::DiffDates dates = diff::parse_diff_dates(options.from, options.to);
  if (options.delimiter.size() != 1)
    throw Error(fmt::format("--delimiter must be one character, not '{}'", options.delimiter));
  const schedule::Schedule schedule =
      schedule::load_schedule(schedule::find_schedule(options.schedule, context.executable));
  const diff::ScheduleDiff changes = diff::diff_schedule(schedule, dates);

  std::optional<diff::ManifestComparison> manifest;
  std::optional<fx::FxTable> rates;
  if (!options.fx.empty())
    rates = fx::FxTable::parse(read_file(options.fx), options.fx);
  if (!options.manifest.empty()) {
    const pricing::ManifestSource source{options.manifest,
                                         options.manifest == "-" ? "<stdin>" : options.manifest};
    manifest = diff::compare_manifest(schedule, source, dates,
                                      {options.delimiter[0], rates ? &*rates : nullptr}, std::cerr);
  }

  std::unique_ptr<Output> output = options.output.empty()
                                       ? std::make_unique<Output>()
                                       : std::make_unique<Output>(options.output);
  diff::write_diff(changes, manifest ? &*manifest : nullptr, *parse_output_format(options.format),
                   *output);
  const bool failed = manifest && (manifest->failed_from > 0 || manifest->failed_to > 0);
  return failed ? ExitCode::some_failed : ExitCode::ok;
}

} // namespace

void setup_diff(CLI::App& app, Context& context) {
  auto options = std::make_shared<DiffOptions>();
  auto* sub = app.add_subcommand(
      "diff", "What changes in a schedule between two dates, and what it does to a manifest");
  sub->footer(
      "Examples:\n"
      "  $ dutycalc diff --schedule us --from 2025-03-11 --to 2025-03-12\n"
      "  $ dutycalc diff --from 2025-03-11 --to 2025-03-12 --manifest shipments.csv\n"
      "  $ dutycalc diff --schedule ./schedules/us --from 2025-01-01 --to 2025-12-31 --format "
      "jsonl\n"
      "Lists each day after --from, up to and including --to, on which a rule of any table\n"
      "(measures, exemptions, quotas, programmes, notices, fees, taxes, de minimis, group "
      "members)\n"
      "begins or stops applying: it starts, ends, or changes (old -> new) when it stops the day\n"
      "another of the same key begins; a rule that begins and stops in between, neither day a\n"
      "change, comes and goes. Each entry shows what the rule does, its window, source and place.\n"
      "Keys: a measure's kind and heading, a programme's symbol, who an exemption exempts, a\n"
      "notice's products, a quota's products and origins, a fee's modes and entry-value band, a\n"
      "tax's destinations and base, a member's group and country. When the editions in force on\n"
      "the two dates differ, lists the tariff lines added, removed or with other rates.\n"
      "--manifest also prices every line as if entered on each date (full quotas each time) and\n"
      "shows, by line of the manifest file, the landed cost at both dates, the change and what\n"
      "differs; totals cover the lines priced at both dates.\n"
      "Output: a text report (table) even when not a terminal; jsonl, one record per entry; csv,\n"
      "the manifest's lines (with --manifest) or the rule and line entries.\n"
      "Exit codes: 0 done; 1 some manifest lines could not be priced at a date (stderr says why);\n"
      "2 usage, configuration or schedule error.");
  sub->add_option("--schedule", options->schedule, "Bundled schedule name or schedule directory")
      ->capture_default_str();
  sub->add_option("--from", options->from, "The first date (YYYY-MM-DD)")->required();
  sub->add_option("--to", options->to, "The second date (YYYY-MM-DD), not before --from")
      ->required();
  sub->add_option("--manifest", options->manifest,
                  "Manifest CSV to price at both dates ('-' for standard input)");
  sub->add_option("--format", options->format, "Output format: table (text), csv or jsonl")
      ->check(CLI::IsMember({"table", "csv", "jsonl"}))
      ->capture_default_str();
  sub->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
  sub->add_option("--delimiter", options->delimiter, "Field delimiter of the manifest")
      ->capture_default_str();
  sub->add_option(
      "--fx", options->fx,
      "Exchange rates, CSV 'date,currency,rate' (rate: the schedule's currency per unit)");
  sub->callback([options, &context] { context.exit_code = run_diff(*options, context); });
}

} // namespace dutycalc::cmd
