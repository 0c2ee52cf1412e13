#include <dutycalc/schedule/code_lists.hpp>

#include <array>
#include <optional>

namespace dutycalc::schedule {

namespace {

constexpr std::array<std::string_view, 2> k_keys = {"products", "exclude_products"};

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}
bool is_plain(char c) {
  return c >= 0x20 && c <= 0x7E;
}

// Where a list's body starts when a line (at `at`) is `key = [`: after the '['.
std::optional<std::size_t> list_start(std::string_view text, std::size_t at) {
  for (const std::string_view key : k_keys) {
    if (text.compare(at, key.size(), key) != 0)
      continue;
    std::size_t i = at + key.size();
    while (i < text.size() && is_blank(text[i]))
      ++i;
    if (i == text.size() || text[i] != '=')
      return std::nullopt;
    ++i;
    while (i < text.size() && is_blank(text[i]))
      ++i;
    if (i == text.size() || text[i] != '[')
      return std::nullopt;
    return i + 1;
  }
  return std::nullopt;
}

// Skips a comment at `i` (a '#'); false when it holds what toml++ might not accept as is.
bool skip_comment(std::string_view text, std::size_t& i) {
  for (++i; i < text.size() && text[i] != '\n'; ++i)
    if (!is_plain(text[i]) && text[i] != '\t')
      return false;
  return true;
}

// Reads a list body from `i` (after '[') to its line end, setting `close` to where its ']' is;
// false when it is not plain. `line` and `line_start` follow the line breaks read.
bool read_list(std::string_view text, std::size_t& i, std::size_t& close, int& line,
               std::size_t& line_start, std::vector<ListedString>& out) {
  bool after_value = false;
  for (;;) {
    if (i == text.size())
      return false;
    const char c = text[i];
    if (is_blank(c)) {
      ++i;
    } else if (c == '\n') {
      ++i;
      ++line;
      line_start = i;
    } else if (c == '#') {
      if (!skip_comment(text, i))
        return false;
    } else if (c == ',' && after_value) {
      after_value = false;
      ++i;
    } else if (c == '"' && !after_value) {
      const std::size_t open = i++;
      while (i < text.size() && is_plain(text[i]) && text[i] != '"' && text[i] != '\\')
        ++i;
      if (i == text.size() || text[i] != '"')
        return false;
      out.push_back(
          {text.substr(open + 1, i - open - 1), line, static_cast<int>(open - line_start) + 1});
      ++i;
      after_value = true;
    } else if (c == ']') {
      close = i++;
      break;
    } else {
      return false;
    }
  }
  // Nothing but blanks and a comment may follow on the line.
  while (i < text.size() && is_blank(text[i]))
    ++i;
  if (i < text.size() && text[i] == '#' && !skip_comment(text, i))
    return false;
  return i == text.size() || text[i] == '\n';
}

} // namespace

std::string take_code_lists(std::string_view text, CodeLists& lists) {
  if (text.find("\"\"\"") != std::string_view::npos || text.find("'''") != std::string_view::npos)
    return std::string(text);
  std::string out;
  out.reserve(text.size());
  std::size_t copied = 0; // text before this is in `out`
  int line = 1;
  std::size_t line_start = 0;
  while (line_start < text.size()) {
    if (const auto body = list_start(text, line_start)) {
      std::size_t i = *body;
      std::size_t close = 0;
      int end_line = line;
      std::size_t end_line_start = line_start;
      std::vector<ListedString> items;
      if (read_list(text, i, close, end_line, end_line_start, items)) {
        // The body becomes its line breaks and, on the ']' line, blanks up to the ']'.
        out.append(text.substr(copied, *body - copied));
        out.append(static_cast<std::size_t>(end_line - line), '\n');
        out.append(end_line == line ? close - *body : close - end_line_start, ' ');
        copied = close;
        lists.emplace(std::pair{line, static_cast<int>(*body - line_start)}, std::move(items));
        line = end_line;
        line_start = end_line_start;
      }
    }
    const std::size_t next = text.find('\n', line_start);
    if (next == std::string_view::npos)
      break;
    ++line;
    line_start = next + 1;
  }
  out.append(text.substr(copied));
  return out;
}

} // namespace dutycalc::schedule
