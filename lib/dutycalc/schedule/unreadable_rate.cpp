#include <dutycalc/schedule/unreadable_rate.hpp>

#include <algorithm>

namespace dutycalc::schedule {

namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }
} // namespace

UnreadableRate classify_unreadable_rate(std::string_view text, const rate::ParseProblem& problem) {
  const std::size_t at = problem.offset;
  const auto digit_at = [&](std::size_t i) { return i < text.size() && is_digit(text[i]); };
  // Stopped inside a number: right after a digit ("2,6%", "12,5O%"), or after a digit and a
  // point ("3.O%"); or at a letter that stands for a digit, before a digit, point or '%' ("O5%").
  const bool after_digit = at > 0 && (digit_at(at - 1) || (at > 1 && (text[at - 1] == '.' ||
                                                                       text[at - 1] == ',') &&
                                                                      digit_at(at - 2)));
  const bool letter_for_digit =
      at < text.size() && (text[at] == 'O' || text[at] == 'o' || text[at] == 'l') &&
      at + 1 < text.size() && (digit_at(at + 1) || text[at + 1] == '.' || text[at + 1] == '%');
  if (after_digit || letter_for_digit) return UnreadableRate::mistyped_number;
  if (std::none_of(text.begin(), text.end(), is_letter)) return UnreadableRate::no_words;
  return UnreadableRate::prose;
}

} // namespace dutycalc::schedule
