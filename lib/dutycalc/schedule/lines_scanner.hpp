// A fast reader for the lines tables' CSV as importers write it, for loading the bundled
// schedules quickly. Private to the lines-table parser.
#pragma once

#include <dutycalc/manifest/csv_reader.hpp>

#include <string>
#include <string_view>

namespace dutycalc::schedule {

// Reads records the way manifest::CsvReader does (same fields, lines and columns) as long as they
// are plain: LF line ends, no byte-order mark, quoted fields on one line and closed right before
// a comma or the line end, no NUL. At the first record that is not plain it stops and says so,
// and the caller reads the rest with CsvReader, which knows how to report every problem.
class LinesScanner {
public:
  explicit LinesScanner(std::string_view csv);

  // Reads the next record into `record`; false at the end, or at a record that is not plain
  // (then irregular() is true and nothing of that record was consumed).
  bool next(manifest::CsvRecord& record);
  bool irregular() const { return m_irregular; }

private:
  std::string_view m_csv;
  std::size_t m_pos = 0;
  int m_line = 1;
  bool m_irregular = false;
  std::string m_unquoted; // decoded quoted fields of the current record (those with "")
};

} // namespace dutycalc::schedule
