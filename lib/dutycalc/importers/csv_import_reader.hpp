// The plumbing the CSV importers share: a header that must name the columns an importer reads,
// then records holding at least those columns, every problem reported with its place.
#pragma once

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <cstddef>
#include <istream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::importers {

class CsvImportReader {
public:
  // Reads the header and finds `columns` in it by exact name (other columns are ignored). `what`
  // names the file expected, for the messages "empty file: expected <what>" and "missing column
  // 'X' in the header: is this <what>?". Throws Error.
  CsvImportReader(std::istream& input, const std::string& display_name,
                  std::span<const char* const> columns, std::string_view what);

  // Reads the next record; false at the end of the input. Throws Error on a syntax problem or a
  // record with fewer fields than the columns read need.
  bool next();

  // The field of the current record in `columns[column]`, and where it starts.
  std::string_view field(std::size_t column) const { return m_record.fields[m_index[column]]; }
  SourceLocation where(std::size_t column) const;
  // The line where the current record starts.
  int line() const { return m_record.line; }

private:
  manifest::CsvReader m_reader;
  manifest::CsvRecord m_record;
  std::vector<std::size_t> m_index; // per column read: its field index in the records
  std::size_t m_needed = 0;         // fields a record must have
};

} // namespace dutycalc::importers
