// dutycalc import: turn a USITC export into a lines table (and a starter schedule.toml).
#include "commands.hpp"

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
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

struct ImportOptions {
  std::string input;
  std::string output;     // lines table file, '-' for stdout
  std::string output_dir; // schedule directory: table plus starter schedule.toml
  std::string edition_id;
  std::string effective;
  std::string source;
};

std::vector<schedule::LineRow> read_input(const ImportOptions& options) {
  if (options.input == "-") return importers::read_hts_csv(std::cin, "<stdin>");
  std::ifstream in(options.input, std::ios::binary);
  if (!in)
    throw Error(SourceLocation{options.input},
                fmt::format("cannot read: {}", std::strerror(errno)));
  return importers::read_hts_csv(in, options.input);
}

void write_text(const std::string& path, const std::string& text) {
  Output out = path == "-" ? Output() : Output(path);
  out.write(text);
  out.flush();
}

ExitCode run_import_hts_csv(const ImportOptions& options) {
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
  edition.source = options.source.empty()
                       ? fmt::format("USITC HTS CSV export, file {}",
                                     fs::path(options.input).filename().string())
                       : options.source;

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
               importers::starter_schedule_toml(fs::absolute(dir).filename().string(), edition));
    fmt::print(stderr, "dutycalc: wrote {}: review its coverage and source\n", toml.string());
  } else {
    fmt::print(stderr, "dutycalc: {} exists and was left alone; if this edition is new, add:\n{}",
               toml.string(), importers::edition_toml(edition));
  }
  return ExitCode::ok;
}

} // namespace

void setup_import(CLI::App& app, Context& context) {
  auto* import = app.add_subcommand("import", "Turn a USITC export into schedule files");
  import->require_subcommand(1);

  auto options = std::make_shared<ImportOptions>();
  auto* csv = import->add_subcommand(
      "hts-csv", "Read a USITC HTS CSV export (hts.usitc.gov) and write a lines table");
  csv->add_option("FILE", options->input, "The CSV export ('-' for stdin)")->required();
  auto* output = csv->add_option("-o,--output", options->output,
                                 "Write only the lines table to FILE ('-' for stdout, the default)");
  csv->add_option("--output-dir", options->output_dir,
                  "Write the lines table into schedule directory DIR, and a starter "
                  "schedule.toml when DIR has none")
      ->excludes(output);
  csv->add_option("--edition-id", options->edition_id,
                  "Edition id, e.g. \"HTS 2024 Basic Edition\" (default: FILE's name)");
  csv->add_option("--effective", options->effective,
                  "Date the edition takes effect, YYYY-MM-DD (needed for a starter schedule.toml)");
  csv->add_option("--source", options->source, "Citation of the data for schedule.toml");
  csv->footer("Examples:\n"
              "  $ dutycalc import hts-csv hts_2024_basic_edition.csv > lines.csv\n"
              "  $ dutycalc import hts-csv hts_2024_basic_edition.csv --output-dir schedules/us \\\n"
              "      --edition-id \"HTS 2024 Basic Edition\" --effective 2024-01-01");
  csv->callback([options, &context] { context.exit_code = run_import_hts_csv(*options); });

  auto* json = import->add_subcommand("hts-json", "Read a USITC HTS JSON export (not yet available)");
  json->allow_extras();
  json->callback([] {
    throw Error("import hts-json is not available yet; export CSV from hts.usitc.gov and use "
                "import hts-csv");
  });
}

} // namespace dutycalc::cmd
