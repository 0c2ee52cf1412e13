// Aligned plain-text tables for people (the `table` format and summaries).
#pragma once

#include <string>
#include <vector>

namespace dutycalc::report {

class TextTable {
public:
  enum class Align { left, right };
  struct Column {
    std::string title;
    Align align = Align::left;
  };
  explicit TextTable(std::vector<Column> columns) : m_columns(std::move(columns)) {}

  void add_row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
  // A horizontal rule before the next row (above totals).
  void add_rule() { m_rules_before.push_back(m_rows.size()); }
  // The table with columns padded to their widest cell (counting UTF-8 characters, not bytes),
  // two spaces between columns, no trailing spaces.
  std::string render() const;

private:
  std::vector<Column> m_columns;
  std::vector<std::vector<std::string>> m_rows;
  std::vector<std::size_t> m_rules_before;
};

} // namespace dutycalc::report
