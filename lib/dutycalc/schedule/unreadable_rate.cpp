#include <dutycalc/schedule/unreadable_rate.hpp>

#include <algorithm>

namespace dutycalc::schedule {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
} // namespace

UnreadableRate classify_unreadable_rate(std::string_view text, const rate::ParseProblem& problem) {
  const std::size_t offset = problem.offset;
  if (offset > 0 && offset <= text.size() && is_digit(text[offset - 1]))
    return UnreadableRate::mistyped_number;
  if (std::none_of(text.begin(), text.end(), is_letter)) return UnreadableRate::no_words;
  return UnreadableRate::prose;
}

} // namespace dutycalc::schedule
