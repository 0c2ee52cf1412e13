#include <dutycalc/rate/text_match.hpp>

#include <array>

namespace dutycalc::rate::detail {

namespace {

bool starts_with_folded(std::string_view text, std::size_t pos, std::string_view lower) {
  if (pos > text.size() || text.size() - pos < lower.size()) return false;
  for (std::size_t i = 0; i < lower.size(); ++i)
    if (fold(text[pos + i]) != lower[i]) return false;
  return true;
}

// Tags the USITC export sprinkles through rate texts without meaning ("2%<il></il>").
constexpr std::array<std::string_view, 9> k_ignored_tags = {
    "<il>", "</il>", "<u>", "</u>", "<b>", "</b>", "<i>", "</i>", "<nl/>"};

// An exponent digit at `pos` in any of its spellings; bytes taken or 0.
std::size_t match_exponent(std::string_view text, std::size_t pos, char digit) {
  if (pos >= text.size()) return 0;
  if (text[pos] == digit) return 1;
  // U+00B2 SUPERSCRIPT TWO is C2 B2, U+00B3 SUPERSCRIPT THREE is C2 B3.
  if (text.size() - pos >= 2 && static_cast<unsigned char>(text[pos]) == 0xC2) {
    const auto second = static_cast<unsigned char>(text[pos + 1]);
    if ((digit == '2' && second == 0xB2) || (digit == '3' && second == 0xB3)) return 2;
  }
  if (!starts_with_folded(text, pos, "<sup")) return 0;
  const std::size_t close = text.find('>', pos);
  if (close == std::string_view::npos) return 0;
  std::size_t i = skip_whitespace(text, close + 1);
  if (i >= text.size() || text[i] != digit) return 0;
  i = skip_whitespace(text, i + 1);
  if (!starts_with_folded(text, i, "</sup>")) return 0;
  return i + 6 - pos;
}

} // namespace

std::size_t whitespace_at(std::string_view text, std::size_t pos) {
  if (pos >= text.size()) return 0;
  const char c = text[pos];
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (static_cast<unsigned char>(c) == 0xC2 && pos + 1 < text.size() &&
      static_cast<unsigned char>(text[pos + 1]) == 0xA0)
    return 2;
  if (c == '<')
    for (const std::string_view tag : k_ignored_tags)
      if (starts_with_folded(text, pos, tag)) return tag.size();
  return 0;
}

std::size_t skip_whitespace(std::string_view text, std::size_t pos) {
  while (const std::size_t n = whitespace_at(text, pos)) pos += n;
  return pos;
}

std::size_t match_spelling(std::string_view text, std::size_t pos, std::string_view spelling) {
  const std::size_t start = pos;
  for (std::size_t s = 0; s < spelling.size(); ++s) {
    const char want = spelling[s];
    if (want == ' ') {
      pos = skip_whitespace(text, pos);
    } else if (want == '^' && s + 1 < spelling.size()) {
      const std::size_t n = match_exponent(text, pos, spelling[++s]);
      if (n == 0) return 0;
      pos += n;
    } else {
      if (pos >= text.size() || fold(text[pos]) != want) return 0;
      ++pos;
    }
  }
  if (pos == start) return 0;
  // Word boundary: a spelling ending in a letter or digit must not run into another one.
  if (pos < text.size() && is_alnum(text[pos]) && is_alnum(text[pos - 1])) return 0;
  return pos - start;
}

} // namespace dutycalc::rate::detail
