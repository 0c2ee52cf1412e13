// Spaces and tabs around a field's text: manifests are typed and exported by hand and by
// spreadsheets, and a value is read the same with them or without.
#pragma once

#include <string_view>

namespace dutycalc {

// `s` without the spaces and tabs at its ends. Most fields have none: two tests settle it.
inline std::string_view trim_blanks(std::string_view s) {
  const auto blank = [](char c) { return c == ' ' || c == '\t'; };
  if (s.empty() || (!blank(s.front()) && !blank(s.back()))) return s;
  while (!s.empty() && blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && blank(s.back())) s.remove_suffix(1);
  return s;
}

} // namespace dutycalc
