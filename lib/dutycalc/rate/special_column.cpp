#include <dutycalc/rate/special_column.hpp>

#include <dutycalc/rate/text_match.hpp>

#include <algorithm>

namespace dutycalc::rate {

namespace {

bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool is_list_separator(std::string_view text, std::size_t i) {
  return text[i] == ',' || detail::whitespace_at(text, i) > 0;
}

// Reads the inside of a parenthesised group as a programme list; false when it is not one.
bool read_programmes(std::string_view inside, std::vector<std::string>& out) {
  out.clear();
  std::size_t i = 0;
  while (i < inside.size()) {
    if (is_list_separator(inside, i)) {
      i += std::max<std::size_t>(1, detail::whitespace_at(inside, i));
      continue;
    }
    if (inside[i] == '.') ++i; // a stray ".OM" in the 2024 HTS
    const std::size_t start = i;
    while (i < inside.size() && is_upper(inside[i]) && i - start < 3) ++i;
    const std::size_t letters = i - start;
    if (i < inside.size() && (inside[i] == '*' || inside[i] == '+')) ++i;
    if (letters == 0 || letters > 2) return false;
    if (i < inside.size() && !is_list_separator(inside, i)) return false;
    out.emplace_back(inside.substr(start, i - start));
  }
  return !out.empty();
}

std::size_t trim_end(std::string_view text, std::size_t begin, std::size_t end) {
  while (end > begin) {
    const char c = text[end - 1];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    --end;
  }
  return end;
}

void add_rate(std::string_view text, std::size_t begin, std::size_t end,
              std::vector<std::string> programmes, std::vector<SpecialRate>& out) {
  begin = detail::skip_whitespace(text, begin);
  if (begin > end) begin = end;
  end = trim_end(text, begin, end);
  if (begin == end && programmes.empty()) return;
  SpecialRate rate;
  const std::string_view part = text.substr(begin, end - begin);
  rate.rate = parse_expression(part);
  rate.programmes = std::move(programmes);
  rate.is_reference = detail::match_spelling(part, 0, "see") > 0;
  rate.offset = begin;
  out.push_back(std::move(rate));
}

} // namespace

std::vector<SpecialRate> parse_special_column(std::string_view text) {
  std::vector<SpecialRate> rates;
  std::vector<std::string> programmes;
  std::size_t segment = 0; // where the current rate's text starts
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t open = text.find('(', pos);
    if (open == std::string_view::npos) break;
    // The innermost group: "(PA (PA)" has an unclosed "(PA " in front of the real list.
    std::size_t close = open + 1;
    while (close < text.size() && text[close] != ')') {
      if (text[close] == '(') open = close;
      ++close;
    }
    if (close >= text.size()) break;
    if (read_programmes(text.substr(open + 1, close - open - 1), programmes)) {
      add_rate(text, segment, open, std::move(programmes), rates);
      programmes = {};
      segment = close + 1;
    }
    pos = close + 1;
  }
  add_rate(text, segment, text.size(), {}, rates);
  return rates;
}

ProgrammeMatch find_programme(const std::vector<SpecialRate>& rates, std::string_view programme) {
  if (programme.empty()) return {};
  for (const SpecialRate& rate : rates) {
    for (const std::string& symbol : rate.programmes) {
      const std::string_view listed = symbol;
      const bool same = listed == programme;
      const bool excluded_some = listed.size() == programme.size() + 1 && listed.back() == '*' &&
                                 listed.substr(0, programme.size()) == programme;
      const bool gsp_least_developed = programme == "A" && listed == "A+";
      if (same || excluded_some || gsp_least_developed) return {&rate, listed};
    }
  }
  return {};
}

} // namespace dutycalc::rate
