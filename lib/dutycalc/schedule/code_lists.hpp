// Reads the long lists of product codes in rule files (Section 301's lists hold tens of thousands)
// without toml++, which spends most of a rule file's parse on them. Private to the rules loader.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dutycalc::schedule {

// One string of a list, and the place of its opening quote (line and column, 1-based, as toml++
// counts them).
struct ListedString {
  std::string_view text;
  int line = 0;
  int column = 0;
};

// The lists taken out of a file, by the place of their '['.
using CodeLists = std::map<std::pair<int, int>, std::vector<ListedString>>;

// Takes out of `text` each `products = [...]` and `exclude_products = [...]` written at the start
// of a line and holding only plain strings (printable ASCII without '"' or '\'), commas, blanks,
// line ends and ASCII comments, and closing a line; into `lists`, whose views point into `text`.
// Returns the text for toml++: the same but for those lists' contents, each left as an empty
// list whose ']' stands at its old line and column, so every place toml++ reports is unchanged.
// A list written any other way is left in for toml++ to read (or report), and so is every list of
// a file with multi-line strings, in which a line's start may be inside a string.
std::string take_code_lists(std::string_view text, CodeLists& lists);

} // namespace dutycalc::schedule
