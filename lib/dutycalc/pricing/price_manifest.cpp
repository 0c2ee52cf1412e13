#include <dutycalc/pricing/price_manifest.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <fmt/format.h>

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

} // namespace

void price_manifest(const Engine& engine, std::istream& input, const std::string& display_name,
                    report::ReportWriter& writer, const PriceManifestOptions& options,
                    std::ostream& diagnostics, PriceTotals& totals) {
  manifest::CsvReader reader(input, display_name, options.delimiter);
  manifest::CsvRecord record;
  if (!reader.next(record))
    throw Error(SourceLocation{display_name, 1, 1},
                "manifest is empty: expected a header row naming hs_code, origin and value");
  if (!record.problem.empty())
    throw Error(SourceLocation{display_name, record.problem_line, record.problem_column},
                record.problem);
  const manifest::ColumnMap columns = manifest::ColumnMap::from_header(record, display_name);
  writer.begin(columns.names());

  manifest::ManifestLine line;
  LineResult result;
  while (reader.next(record)) {
    manifest::read_line(record, columns, line);
    engine.price(line, result);
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
