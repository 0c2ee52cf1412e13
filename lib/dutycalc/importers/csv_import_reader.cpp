#include <dutycalc/importers/csv_import_reader.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace dutycalc::importers {

CsvImportReader::CsvImportReader(std::istream& input, const std::string& display_name,
                                 std::span<const char* const> columns, std::string_view what)
    : m_reader(input, display_name) {
  if (!m_reader.next(m_record))
    throw Error(SourceLocation{display_name}, fmt::format("empty file: expected {}", what));
  if (!m_record.problem.empty())
    throw Error({display_name, m_record.problem_line, m_record.problem_column}, m_record.problem);
  for (const std::string_view wanted : columns) {
    const auto found = std::find(m_record.fields.begin(), m_record.fields.end(), wanted);
    if (found == m_record.fields.end())
      throw Error({display_name, m_record.line, 1},
                  fmt::format("missing column '{}' in the header: is this {}?", wanted, what));
    m_index.push_back(static_cast<std::size_t>(found - m_record.fields.begin()));
    m_needed = std::max(m_needed, m_index.back() + 1);
  }
}

bool CsvImportReader::next() {
  if (!m_reader.next(m_record)) return false;
  const std::string& file = m_reader.display_name();
  if (!m_record.problem.empty())
    throw Error({file, m_record.problem_line, m_record.problem_column}, m_record.problem);
  if (m_record.fields.size() < m_needed)
    throw Error({file, m_record.end_line, m_record.end_column},
                fmt::format("expected at least {} fields, found {}", m_needed,
                            m_record.fields.size()));
  return true;
}

SourceLocation CsvImportReader::where(std::size_t column) const {
  const std::size_t i = m_index[column];
  return {m_reader.display_name(), m_record.lines[i], m_record.columns[i]};
}

} // namespace dutycalc::importers
