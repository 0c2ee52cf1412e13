#include <dutycalc/importers/import_run.hpp>

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/importers/eu_cn.hpp>
#include <dutycalc/importers/hts_csv.hpp>
#include <dutycalc/importers/hts_json.hpp>
#include <dutycalc/importers/starter_schedule.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/schedule/lines_table.hpp>

#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <ostream>

namespace dutycalc::importers {

namespace {

namespace fs = std::filesystem;

std::vector<schedule::LineRow> read_rows(ImportFormat format, std::istream& in,
                                         const std::string& name) {
  switch (format) {
  case ImportFormat::hts_csv: return read_hts_csv(in, name);
  case ImportFormat::eu_cn: return read_eu_cn_csv(in, name);
  case ImportFormat::hts_json: {
    // The JSON reader takes text in memory: a whole export is some 10 to 15 MB.
    std::string text;
    std::array<char, 1 << 16> block;
    while (in.read(block.data(), block.size()) || in.gcount() > 0)
      text.append(block.data(), static_cast<std::size_t>(in.gcount()));
    if (in.bad()) throw Error(SourceLocation{name}, "read error");
    return read_hts_json(text, name);
  }
  }
  return {};
}

std::vector<schedule::LineRow> read_input(const ImportOptions& options,
                                          std::istream& standard_input) {
  if (options.input == "-") return read_rows(options.format, standard_input, "<stdin>");
  std::ifstream in(options.input, std::ios::binary);
  if (!in)
    throw Error(SourceLocation{options.input},
                fmt::format("cannot read: {}", std::strerror(errno)));
  return read_rows(options.format, in, options.input);
}

std::string default_source(const ImportOptions& options) {
  const std::string file = fs::path(options.input).filename().string();
  switch (options.format) {
  case ImportFormat::hts_csv: return fmt::format("USITC HTS CSV export, file {}", file);
  case ImportFormat::hts_json: return fmt::format("USITC HTS JSON export, file {}", file);
  case ImportFormat::eu_cn:
    return fmt::format("EU Common External Tariff 2020 (cet_duty_rate), CSV published by the UK "
                       "Department for International Trade, file {}; Open Government Licence v3.0",
                       file);
  }
  return file;
}

StarterSettings starter_settings(ImportFormat format, const EditionInfo& edition) {
  if (format == ImportFormat::eu_cn) return eu_cn_starter_settings(edition);
  return hts_starter_settings(edition);
}

EditionInfo edition_of(const ImportOptions& options) {
  EditionInfo edition;
  edition.id = options.edition_id.empty() ? fs::path(options.input).stem().string()
                                          : options.edition_id;
  if (!options.effective.empty()) {
    const auto date = Date::parse(options.effective);
    if (!date)
      throw Error(
          fmt::format("--effective '{}' is not a valid YYYY-MM-DD date", options.effective));
    edition.effective = *date;
  }
  edition.file = table_file_name(edition.id);
  edition.source = options.source.empty() ? default_source(options) : options.source;
  return edition;
}

void write_text(const std::string& path, const std::string& text) {
  Output out = path == "-" ? Output() : Output(path);
  out.write(text);
  out.flush();
}

} // namespace

void run_import(const ImportOptions& options, std::istream& standard_input, std::ostream& notes) {
  const EditionInfo edition = edition_of(options);
  const std::vector<schedule::LineRow> rows = read_input(options, standard_input);
  std::string table;
  schedule::write_lines_table(table, rows);
  if (options.output_dir.empty()) {
    write_text(options.output.empty() ? "-" : options.output, table);
    return;
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
  notes << fmt::format("dutycalc: wrote {} ({} rows, {} codes)\n", table_path.string(), rows.size(),
             coded);
  if (starter) {
    const std::string name = fs::absolute(dir).filename().string();
    write_text(toml.string(),
               starter_schedule_toml(name, edition, starter_settings(options.format, edition)));
    notes << fmt::format("dutycalc: wrote {}: review its coverage and source\n", toml.string());
  } else {
    notes << fmt::format("dutycalc: {} exists and was left alone; if this edition is new, add:\n{}",
               toml.string(), edition_toml(edition));
  }
}

} // namespace dutycalc::importers
