#include <dutycalc/pricing/price_manifest.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <unistd.h>

namespace dutycalc::pricing {

namespace {

// Where a failed line's message points: the field's own place when the problem is about one
// field (line and column, since a quoted field may span lines), otherwise the line's start.
SourceLocation problem_place(const manifest::CsvRecord& record, const manifest::ColumnMap& columns,
                             const manifest::ManifestLine& line, const LineResult& result,
                             const std::string& file) {
  if (line.problem) return {file, line.problem->line, line.problem->column};
  if (result.problem_column != manifest::Column::count_) {
    const int index = columns.index_of(result.problem_column);
    if (index >= 0 && static_cast<std::size_t>(index) < record.columns.size()) {
      const auto i = static_cast<std::size_t>(index);
      return {file, record.lines[i], record.columns[i]};
    }
  }
  return {file, record.line, 1};
}


// Reads the header of a manifest; throws when there is none or it is unusable.
manifest::ColumnMap read_header(manifest::CsvReader& reader, manifest::CsvRecord& record,
                                const std::string& display_name) {
  if (!reader.next(record))
    throw Error(SourceLocation{display_name, 1, 1},
                "manifest is empty: expected a header row naming hs_code, origin and value");
  if (!record.problem.empty())
    throw Error(SourceLocation{display_name, record.problem_line, record.problem_column},
                record.problem);
  return manifest::ColumnMap::from_header(record, display_name);
}

// The customs entry a line belongs to: its `entry` column, or the line itself.
std::string entry_key(const manifest::ManifestLine& line, const std::string& display_name) {
  if (!line.entry.empty()) return std::string(line.entry);
  return fmt::format("{}:{}", display_name, line.line);
}

std::ifstream open_manifest(const ManifestSource& source) {
  std::ifstream file(source.path, std::ios::binary);
  if (!file) throw Error(SourceLocation{source.display_name}, "cannot read: no such file or not readable");
  return file;
}

// Standard input can be read once only: a run that needs two passes keeps a copy in a temporary
// file, removed when the run ends.
class SpooledInput {
public:
  SpooledInput() {
    std::string pattern = (std::filesystem::temp_directory_path() / "dutycalc-stdin-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) throw Error("cannot create a temporary file to hold standard input");
    ::close(fd);
    m_path = pattern;
    std::ofstream out(m_path, std::ios::binary);
    out << std::cin.rdbuf();
    if (!out) throw Error("cannot write a temporary copy of standard input");
  }
  ~SpooledInput() {
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
  }
  SpooledInput(const SpooledInput&) = delete;
  SpooledInput& operator=(const SpooledInput&) = delete;
  const std::string& path() const { return m_path; }

private:
  std::string m_path;
};

} // namespace

void price_manifests(const Engine& engine, const std::vector<ManifestSource>& given,
                     quota::Ledger& ledger, report::ReportWriter& writer,
                     const PriceManifestOptions& options, std::ostream& diagnostics,
                     PriceTotals& totals) {
  const schedule::Schedule& schedule = engine.schedule();
  if (schedule.quotas.empty()) {
    // Nothing to draw on: one streaming pass.
    for (const ManifestSource& source : given) {
      if (source.path == "-") {
        price_manifest(engine, std::cin, source.display_name, writer, options, diagnostics, totals);
      } else {
        std::ifstream file = open_manifest(source);
        price_manifest(engine, file, source.display_name, writer, options, diagnostics, totals);
      }
      if (totals.stopped) return;
    }
    return;
  }

  std::unique_ptr<SpooledInput> spooled;
  std::vector<ManifestSource> sources = given;
  for (ManifestSource& source : sources) {
    if (source.path != "-") continue;
    if (!spooled) spooled = std::make_unique<SpooledInput>();
    source.path = spooled->path();
  }

  // Pass 1: the lines that draw on a quota, with their dates, quantities and entries.
  std::vector<quota::QuotaClaim> claims;
  std::size_t record_index = 0;
  for (const ManifestSource& source : sources) {
    std::ifstream file = open_manifest(source);
    manifest::CsvReader reader(file, source.display_name, options.delimiter);
    manifest::CsvRecord record;
    const manifest::ColumnMap columns = read_header(reader, record, source.display_name);
    manifest::ManifestLine line;
    for (; reader.next(record); ++record_index) {
      manifest::read_line(record, columns, line);
      if (line.problem) continue;
      const Date date = engine.date_of(line);
      const quota::Quota* q = quota::quota_for(schedule, line.code, line.origin, line.melt_country, date);
      if (!q) continue;
      claims.push_back({record_index, date, q, quota::quota_quantity(*q, line.value, line.quantities),
                        entry_key(line, source.display_name)});
    }
  }
  const std::vector<quota::QuotaDraw> draws = quota::allocate(claims, ledger);
  std::vector<std::size_t> draw_records;
  draw_records.reserve(claims.size());
  for (const auto& claim : claims) draw_records.push_back(claim.record);

  // Pass 2: price and write in input order.
  std::size_t first_record = 0;
  for (const ManifestSource& source : sources) {
    std::ifstream file = open_manifest(source);
    const std::size_t before = totals.lines;
    price_manifest(engine, file, source.display_name, writer, options, diagnostics, totals,
                   &draws, &draw_records, first_record);
    first_record += totals.lines - before;
    if (totals.stopped) return;
  }
}

void price_manifest(const Engine& engine, std::istream& input, const std::string& display_name,
                    report::ReportWriter& writer, const PriceManifestOptions& options,
                    std::ostream& diagnostics, PriceTotals& totals,
                    const std::vector<quota::QuotaDraw>* draws,
                    const std::vector<std::size_t>* draw_records, std::size_t first_record) {
  manifest::CsvReader reader(input, display_name, options.delimiter);
  manifest::CsvRecord record;
  const manifest::ColumnMap columns = read_header(reader, record, display_name);
  writer.begin(columns.names());

  manifest::ManifestLine line;
  LineResult result;
  std::size_t record_index = first_record;
  // Draws are in record order: a cursor finds each line's draw without a lookup.
  std::size_t next_draw = 0;
  if (draw_records)
    next_draw = static_cast<std::size_t>(
        std::lower_bound(draw_records->begin(), draw_records->end(), first_record) -
        draw_records->begin());
  for (; reader.next(record); ++record_index) {
    manifest::read_line(record, columns, line);
    const quota::QuotaDraw* draw = nullptr;
    if (draw_records && next_draw < draw_records->size() && (*draw_records)[next_draw] == record_index)
      draw = &(*draws)[next_draw++];
    engine.price(line, result, draw);
    ++totals.lines;
    if (result.status == LineStatus::error) {
      ++totals.failed;
      diagnostics << fmt::format(
          "dutycalc: error: {}: {}\n",
          to_string(problem_place(record, columns, line, result, display_name)), result.message);
      if (options.strict) {
        totals.stopped = true;
        return;
      }
    }
    writer.write(record, line, result);
  }
}

} // namespace dutycalc::pricing
