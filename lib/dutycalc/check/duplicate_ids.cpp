#include <dutycalc/check/checks.hpp>

#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>

namespace dutycalc::check {

namespace {

// Reports each rule whose id an earlier rule of the same kind already has.
template <class Rules>
void report_duplicates(const Rules& rules, std::string_view kind, schedule::Diagnostics& sink) {
  std::map<std::string, SourceLocation, std::less<>> first;
  for (const auto& rule : rules) {
    const auto [it, inserted] = first.try_emplace(rule.id, rule.origin.where);
    if (inserted) continue;
    const SourceLocation& other = it->second;
    const std::string place = other.file == rule.origin.where.file
                                  ? fmt::format("line {}", other.line)
                                  : fmt::format("{}:{}", other.file, other.line);
    sink.error(rule.origin.where,
               fmt::format("{} '{}' is defined twice (first at {})", kind, rule.id, place));
  }
}

} // namespace

void check_duplicate_ids(const schedule::Schedule& schedule, schedule::Diagnostics& sink) {
  report_duplicates(schedule.notices, "notice", sink);
  report_duplicates(schedule.taxes, "tax", sink);
  report_duplicates(schedule.de_minimis, "de minimis", sink);
}

} // namespace dutycalc::check
