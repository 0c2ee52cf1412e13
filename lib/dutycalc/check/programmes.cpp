#include <dutycalc/check/checks.hpp>

#include <dutycalc/rate/special_column.hpp>

#include <fmt/format.h>

#include <set>
#include <string>
#include <string_view>

namespace dutycalc::check {

void check_programmes(const schedule::Schedule& schedule, schedule::Diagnostics& sink) {
  if (schedule.programmes.empty() || schedule.editions.empty()) return;
  // Every symbol the special columns list ("KR", "A*", "A+"), each distinct text read once.
  std::set<std::string_view> texts;
  for (const auto& edition : schedule.editions)
    for (const auto& line : edition.nomenclature.lines())
      if (!line.special.is_empty()) texts.insert(line.special.text());
  std::set<std::string, std::less<>> symbols;
  for (const std::string_view text : texts)
    for (const auto& rate : rate::parse_special_column(text))
      symbols.insert(rate.programmes.begin(), rate.programmes.end());
  for (const auto& programme : schedule.programmes) {
    // As find_programme matches claims: the symbol itself, or with '*' (some origins excluded).
    if (symbols.count(programme.id) || symbols.count(programme.id + "*")) continue;
    sink.warning(programme.origin.where,
                 fmt::format("programme '{}' is listed in no line's special column of any "
                             "edition: a claim of it is never granted",
                             programme.id));
  }
}

} // namespace dutycalc::check
