// dutycalc import: turn a USITC export or the EU CET CSV into a lines table (and a starter
// schedule.toml). The work is importers::run_import; this file only declares the subcommands.
#include "commands.hpp"

#include <dutycalc/importers/import_run.hpp>
#include <dutycalc/util/standard_input.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <string>
#include <string_view>

namespace dutycalc::cmd {

namespace {

using importers::ImportFormat;
using importers::ImportOptions;

// One `dutycalc import` subcommand: its name, help and examples.
struct ImportCommand {
  ImportFormat format;
  std::string_view name;
  std::string_view summary;
  std::string_view file_help;
  std::string_view edition_example;
  std::string_view examples;
};

constexpr ImportCommand k_commands[] = {
    {ImportFormat::hts_csv, "hts-csv",
     "Read a USITC HTS CSV export (hts.usitc.gov) and write a lines table",
     "The CSV export ('-' for stdin)", "HTS 2024 Basic Edition",
     "  $ dutycalc import hts-csv hts_2024_basic_edition.csv > lines.csv\n"
     "  $ dutycalc import hts-csv hts_2024_basic_edition.csv --output-dir schedules/us \\\n"
     "      --edition-id \"HTS 2024 Basic Edition\" --effective 2024-01-01"},
    {ImportFormat::hts_json, "hts-json",
     "Read a USITC HTS JSON export (hts.usitc.gov) and write a lines table, footnotes included",
     "The JSON export ('-' for stdin)", "HTS 2026 Revision 5",
     "  $ dutycalc import hts-json hts_2026_revision_5_json.json > lines.csv\n"
     "  $ dutycalc import hts-json hts_2026_revision_5_json.json --output-dir schedules/us \\\n"
     "      --edition-id \"HTS 2026 Revision 5\""},
    {ImportFormat::eu_cn, "eu-cn",
     "Read the UK-published CSV of the EU CET 2020 (global-uk-tariff.csv) and write a lines "
     "table of its third-country duties (cet_duty_rate)",
     "The CSV ('-' for stdin)", "CN 2020",
     "  $ dutycalc import eu-cn global-uk-tariff.csv > lines.csv\n"
     "  $ dutycalc import eu-cn global-uk-tariff.csv --output-dir schedules/eu \\\n"
     "      --edition-id \"CN 2020\" --effective 2020-01-01"},
};

// The options every importer takes: input, where to write, and the edition it makes.
void add_import_options(CLI::App& sub, ImportOptions& options, const ImportCommand& command) {
  sub.add_option("FILE", options.input, std::string(command.file_help))->required();
  auto* output = sub.add_option("-o,--output", options.output,
                                "Write only the lines table to FILE ('-' for stdout, the default)");
  sub.add_option("--output-dir", options.output_dir,
                 "Write the lines table into schedule directory DIR, and a starter "
                 "schedule.toml when DIR has none")
      ->excludes(output);
  sub.add_option("--edition-id", options.edition_id,
                 fmt::format("Edition id, e.g. \"{}\" (default: FILE's name)",
                             command.edition_example));
  sub.add_option("--effective", options.effective,
                 "Date the edition takes effect, YYYY-MM-DD (needed for a starter schedule.toml)");
  sub.add_option("--source", options.source, "Citation of the data for schedule.toml");
}

} // namespace

void setup_import(CLI::App& app, Context& context) {
  auto* import =
      app.add_subcommand("import", "Turn a USITC export or the EU CET CSV into schedule files");
  import->require_subcommand(1);
  for (const ImportCommand& command : k_commands) {
    auto options = std::make_shared<ImportOptions>();
    options->format = command.format;
    auto* sub = import->add_subcommand(std::string(command.name), std::string(command.summary));
    add_import_options(*sub, *options, command);
    sub->footer("Examples:\n" + std::string(command.examples));
    sub->callback([options, &context] {
      importers::run_import(*options, standard_input(), std::cerr);
      context.exit_code = ExitCode::ok;
    });
  }
}

} // namespace dutycalc::cmd
