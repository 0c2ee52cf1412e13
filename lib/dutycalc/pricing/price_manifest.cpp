#include <dutycalc/pricing/price_manifest.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <fmt/format.h>

namespace dutycalc::pricing {

namespace {

// The column a failed line's message points at: the field's own when the problem is about one,
// otherwise the start of the line.
int problem_column(const manifest::CsvRecord& record, const manifest::ColumnMap& columns,
                   const manifest::ManifestLine& line, const LineResult& result) {
  if (line.problem) return line.problem->column;
  if (result.problem_column == manifest::Column::quantity) {
    // A missing quantity: point at the quantity column when there is one.
    const int index = columns.index_of(manifest::Column::quantity);
    if (index >= 0 && static_cast<std::size_t>(index) < record.columns.size())
      return record.columns[static_cast<std::size_t>(index)];
    return 1;
  }
  if (result.problem_column != manifest::Column::count_) {
    const int index = columns.index_of(result.problem_column);
    if (index >= 0 && static_cast<std::size_t>(index) < record.columns.size())
      return record.columns[static_cast<std::size_t>(index)];
  }
  return 1;
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
    line = manifest::ManifestLine{};
    manifest::read_line(record, columns, line);
    engine.price(line, result);
    ++totals.lines;
    if (result.status == LineStatus::error) {
      ++totals.failed;
      const int line_number = line.problem ? line.problem->line : record.line;
      diagnostics << fmt::format("dutycalc: error: {}:{}:{}: {}\n", display_name, line_number,
                                 problem_column(record, columns, line, result), result.message);
      if (options.strict) {
        totals.stopped = true;
        return;
      }
    }
    writer.write(record, line, result);
  }
}

} // namespace dutycalc::pricing
