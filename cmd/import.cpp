// dutycalc import: turn a USITC export or the EU CET CSV into a lines table (and a starter
// schedule.toml).
#include "commands.hpp"

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/importers/eu_cn.hpp>
#include <dutycalc/importers/hts_csv.hpp>
#include <dutycalc/importers/starter_schedule.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/schedule/lines_table.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace dutycalc::cmd {

namespace {

namespace fs = std::filesystem;

// The formats `dutycalc import` reads.
enum class ImportFormat { hts_csv, eu_cn };

struct ImportOptions {
  ImportFormat format = ImportFormat::hts_csv;
  std::string input;
  std::string output;     // lines table file, '-' for stdout
  std::string output_dir; // schedule directory: table plus starter schedule.toml
  std::string edition_id;
  std::string effective;
  std::string source;
};

std::vector<schedule::LineRow> read_rows(const ImportOptions& options, std::istream& in,
                                         const std::string& name) {
  switch (options.format) {
  case ImportFormat::hts_csv: return importers::read_hts_csv(in, name);
  case ImportFormat::eu_cn: return importers::read_eu_cn_csv(in, name);
  }
  return {};
}

std::vector<schedule::LineRow> read_input(const ImportOptions& options) {
  if (options.input == "-") return read_rows(options, std::cin, "<stdin>");
  std::ifstream in(options.input, std::ios::binary);
  if (!in)
    throw Error(SourceLocation{options.input},
                fmt::format("cannot read: {}", std::strerror(errno)));
  return read_rows(options, in, options.input);
}

std::string default_source(const ImportOptions& options) {
  const std::string file = fs::path(options.input).filename().string();
  switch (options.format) {
  case ImportFormat::hts_csv: return fmt::format("USITC HTS CSV export, file {}", file);
  case ImportFormat::eu_cn:
    return fmt::format("EU Common External Tariff 2020 (cet_duty_rate), CSV published by the UK "
                       "Department for International Trade, file {}; Open Government Licence v3.0",
                       file);
  }
  return file;
}

std::string starter_toml(const ImportOptions& options, const importers::EditionInfo& edition,
                         std::string_view name) {
  if (options.format == ImportFormat::eu_cn)
    return importers::eu_cn_starter_schedule_toml(name, edition);
  return importers::starter_schedule_toml(name, edition);
}

void write_text(const std::string& path, const std::string& text) {
  Output out = path == "-" ? Output() : Output(path);
  out.write(text);
  out.flush();
}

ExitCode run_import(const ImportOptions& options) {
  importers::EditionInfo edition;
  edition.id = options.edition_id.empty() ? fs::path(options.input).stem().string()
                                          : options.edition_id;
  if (!options.effective.empty()) {
    const auto date = Date::parse(options.effective);
    if (!date)
      throw Error(fmt::format("--effective '{}' is not a valid YYYY-MM-DD date", options.effective));
    edition.effective = *date;
  }
  edition.file = importers::table_file_name(edition.id);
  edition.source = options.source.empty() ? default_source(options) : options.source;

  const std::vector<schedule::LineRow> rows = read_input(options);
  std::string table;
  schedule::write_lines_table(table, rows);
  if (options.output_dir.empty()) {
    write_text(options.output.empty() ? "-" : options.output, table);
    return ExitCode::ok;
  }

  const fs::path dir(options.output_dir);
  const fs::path toml = dir / "schedule.toml";
  const bool starter = !fs::exists(toml);
  if (starter && options.effective.empty())
    throw Error(fmt::format("{} does not exist yet: give --effective YYYY-MM-DD for its edition",
                            toml.string()));
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) throw Error(fmt::format("cannot create directory {}: {}", dir.string(), ec.message()));
  const fs::path table_path = dir / edition.file;
  write_text(table_path.string(), table);
  std::size_t coded = 0;
  for (const auto& row : rows) coded += row.hs_code.empty() ? 0 : 1;
  fmt::print(stderr, "dutycalc: wrote {} ({} rows, {} codes)\n", table_path.string(), rows.size(),
             coded);
  if (starter) {
    write_text(toml.string(),
               starter_toml(options, edition, fs::absolute(dir).filename().string()));
    fmt::print(stderr, "dutycalc: wrote {}: review its coverage and source\n", toml.string());
  } else {
    fmt::print(stderr, "dutycalc: {} exists and was left alone; if this edition is new, add:\n{}",
               toml.string(), importers::edition_toml(edition));
  }
  return ExitCode::ok;
}

// The options every importer takes: input, where to write, and the edition it makes.
void add_import_options(CLI::App& sub, ImportOptions& options, std::string_view file_help,
                        std::string_view edition_example) {
  sub.add_option("FILE", options.input, std::string(file_help))->required();
  auto* output = sub.add_option("-o,--output", options.output,
                                "Write only the lines table to FILE ('-' for stdout, the default)");
  sub.add_option("--output-dir", options.output_dir,
                 "Write the lines table into schedule directory DIR, and a starter "
                 "schedule.toml when DIR has none")
      ->excludes(output);
  sub.add_option("--edition-id", options.edition_id,
                 fmt::format("Edition id, e.g. \"{}\" (default: FILE's name)", edition_example));
  sub.add_option("--effective", options.effective,
                 "Date the edition takes effect, YYYY-MM-DD (needed for a starter schedule.toml)");
  sub.add_option("--source", options.source, "Citation of the data for schedule.toml");
}

} // namespace

void setup_import(CLI::App& app, Context& context) {
  auto* import =
      app.add_subcommand("import", "Turn a USITC export or the EU CET CSV into schedule files");
  import->require_subcommand(1);

  auto options = std::make_shared<ImportOptions>();
  auto* csv = import->add_subcommand(
      "hts-csv", "Read a USITC HTS CSV export (hts.usitc.gov) and write a lines table");
  add_import_options(*csv, *options, "The CSV export ('-' for stdin)", "HTS 2024 Basic Edition");
  csv->footer("Examples:\n"
              "  $ dutycalc import hts-csv hts_2024_basic_edition.csv > lines.csv\n"
              "  $ dutycalc import hts-csv hts_2024_basic_edition.csv --output-dir schedules/us \\\n"
              "      --edition-id \"HTS 2024 Basic Edition\" --effective 2024-01-01");
  csv->callback([options, &context] { context.exit_code = run_import(*options); });

  auto eu_options = std::make_shared<ImportOptions>();
  eu_options->format = ImportFormat::eu_cn;
  auto* eu = import->add_subcommand(
      "eu-cn", "Read the UK-published CSV of the EU CET 2020 (global-uk-tariff.csv) and write a "
               "lines table of its third-country duties (cet_duty_rate)");
  add_import_options(*eu, *eu_options, "The CSV ('-' for stdin)", "CN 2020");
  eu->footer("Examples:\n"
             "  $ dutycalc import eu-cn global-uk-tariff.csv > lines.csv\n"
             "  $ dutycalc import eu-cn global-uk-tariff.csv --output-dir schedules/eu \\\n"
             "      --edition-id \"CN 2020\" --effective 2020-01-01");
  eu->callback([eu_options, &context] { context.exit_code = run_import(*eu_options); });

  auto* json = import->add_subcommand("hts-json", "Read a USITC HTS JSON export (not yet available)");
  json->allow_extras();
  json->callback([] {
    throw Error("import hts-json is not available yet; export CSV from hts.usitc.gov and use "
                "import hts-csv");
  });
}

} // namespace dutycalc::cmd
