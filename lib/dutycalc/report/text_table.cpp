#include <dutycalc/report/text_table.hpp>

#include <algorithm>

namespace dutycalc::report {

namespace {
std::size_t display_width(const std::string& s) {
  // Counts code points: continuation bytes (10xxxxxx) do not start a character.
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

void pad(std::string& out, std::size_t n) { out.append(n, ' '); }
} // namespace

std::string TextTable::render() const {
  std::vector<std::size_t> widths(m_columns.size(), 0);
  for (std::size_t c = 0; c < m_columns.size(); ++c) widths[c] = display_width(m_columns[c].title);
  for (const auto& row : m_rows)
    for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
      widths[c] = std::max(widths[c], display_width(row[c]));

  std::string out;
  const auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
      const std::string empty;
      const std::string& cell = c < cells.size() ? cells[c] : empty;
      const std::size_t gap = widths[c] - display_width(cell);
      if (c > 0) line.append("  ");
      if (m_columns[c].align == Align::right) pad(line, gap);
      line.append(cell);
      if (m_columns[c].align == Align::left) pad(line, gap);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out.append(line).push_back('\n');
  };
  const auto rule = [&] {
    std::size_t total = 0;
    for (std::size_t w : widths) total += w;
    total += widths.empty() ? 0 : 2 * (widths.size() - 1);
    out.append(total, '-').push_back('\n');
  };

  std::vector<std::string> titles;
  for (const auto& column : m_columns) titles.push_back(column.title);
  emit(titles);
  for (std::size_t r = 0; r <= m_rows.size(); ++r) {
    if (std::find(m_rules_before.begin(), m_rules_before.end(), r) != m_rules_before.end()) rule();
    if (r < m_rows.size()) emit(m_rows[r]);
  }
  return out;
}

} // namespace dutycalc::report
