#include <dutycalc/schedule/lines_scanner.hpp>

#include <climits>
#include <cstring>

namespace dutycalc::schedule {

LinesScanner::LinesScanner(std::string_view csv) : m_csv(csv) {
  // CsvReader skips a byte-order mark here, and counts columns after it: leave that to it.
  if (csv.starts_with("\xEF\xBB\xBF"))
    m_irregular = true;
}

namespace {

// The position of the first `c` in text[from, to), or `to`.
std::size_t find(const char* text, std::size_t from, std::size_t to, char c) {
  const void* found = std::memchr(text + from, c, to - from);
  return found ? static_cast<std::size_t>(static_cast<const char*>(found) - text) : to;
}

} // namespace

bool LinesScanner::next(manifest::CsvRecord& record) {
  const auto irregular = [this] {
    m_irregular = true;
    return false;
  };
  if (m_irregular)
    return false;
  const char* const text = m_csv.data();
  const std::size_t size = m_csv.size();
  while (m_pos < size && text[m_pos] == '\n') { // empty lines are skipped, as CsvReader does
    ++m_pos;
    ++m_line;
  }
  if (m_pos == size)
    return false;
  const auto* found = static_cast<const char*>(std::memchr(text + m_pos, '\n', size - m_pos));
  const std::size_t line_end = found ? static_cast<std::size_t>(found - text) : size;
  const std::size_t line_start = m_pos;
  // CsvReader saturates places past INT_MAX: leave such absurd input to it.
  if (line_end - line_start >= static_cast<std::size_t>(INT_MAX) || m_line == INT_MAX)
    return irregular();

  // A CR is a line end to CsvReader, and it reports NUL bytes.
  if (find(text, line_start, line_end, '\r') != line_end ||
      find(text, line_start, line_end, '\0') != line_end)
    return irregular();
  record.fields.clear();
  record.columns.clear();
  record.lines.clear();
  record.problem.clear();
  record.problem_line = 0;
  record.problem_column = 0;
  m_unquoted.clear();
  // Views into m_unquoted must stay valid: decoded text is never longer than the line.
  if (m_unquoted.capacity() < line_end - line_start)
    m_unquoted.reserve(line_end - line_start);
  // Most lines have no quote at all: then fields need no look for one.
  const bool quoted = find(text, line_start, line_end, '"') != line_end;
  std::size_t i = line_start;
  for (;;) {
    const int column = static_cast<int>(i - line_start) + 1;
    if (quoted && i < line_end && text[i] == '"') {
      const std::size_t content = ++i;
      bool doubled = false;
      for (;;) {
        i = find(text, i, line_end, '"');
        if (i == line_end)
          return irregular(); // a line break inside, or unterminated
        if (i + 1 < line_end && text[i + 1] == '"') {
          doubled = true;
          i += 2;
          continue;
        }
        break;
      }
      const std::size_t content_end = i++;
      if (i < line_end && text[i] != ',')
        return irregular(); // text after the closing quote
      if (!doubled) {
        record.fields.emplace_back(text + content, content_end - content);
      } else {
        const std::size_t begin = m_unquoted.size();
        for (std::size_t j = content; j < content_end; ++j) {
          m_unquoted.push_back(text[j]);
          if (text[j] == '"')
            ++j;
        }
        record.fields.emplace_back(m_unquoted.data() + begin, m_unquoted.size() - begin);
      }
    } else {
      const std::size_t start = i;
      i = find(text, i, line_end, ',');
      if (quoted && find(text, start, i, '"') != i)
        return irregular(); // a quote inside the field
      record.fields.emplace_back(text + start, i - start);
    }
    record.columns.push_back(column);
    record.lines.push_back(m_line);
    if (i < line_end) { // at a comma
      ++i;
      continue;
    }
    break;
  }
  record.line = m_line;
  record.end_line = m_line;
  record.end_column = static_cast<int>(line_end - line_start) + 1;
  m_pos = line_end < size ? line_end + 1 : size;
  ++m_line;
  return true;
}

} // namespace dutycalc::schedule
