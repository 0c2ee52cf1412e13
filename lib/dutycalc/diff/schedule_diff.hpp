// `dutycalc diff` without a manifest: what a schedule says differently on two dates. The rules
// that start, end, change or come and go in between, and the tariff lines of the editions in
// force on each date.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/diff/line_changes.hpp>
#include <dutycalc/diff/pairing.hpp>
#include <dutycalc/diff/rule_view.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::diff {

// The two dates, checked: from <= to.
struct DiffDates {
  Date from;
  Date to;
};

// Reads --from and --to. Throws Error: "--from '2025-02-30' is not a valid YYYY-MM-DD date",
// "--from 2025-03-12 is after --to 2025-03-11".
DiffDates parse_diff_dates(std::string_view from, std::string_view to);

// One rule entry: `rule` is what the entry is about (for a change, the new version), `was` the
// old version of a change (else null). Both point into ScheduleDiff::views.
struct RuleChange {
  ChangeKind kind = ChangeKind::starts;
  Date date;
  const RuleView* rule = nullptr;
  const RuleView* was = nullptr;
};

// `rules` points into `views`: moved, never copied.
struct ScheduleDiff {
  ScheduleDiff() = default;
  ScheduleDiff(ScheduleDiff&&) = default;
  ScheduleDiff& operator=(ScheduleDiff&&) = default;
  ScheduleDiff(const ScheduleDiff&) = delete;
  ScheduleDiff& operator=(const ScheduleDiff&) = delete;

  const schedule::Schedule* schedule = nullptr;
  DiffDates dates;
  std::string_view version_from; // Schedule::version() on each date
  std::string_view version_to;
  std::vector<RuleView> views;   // every rule of the schedule
  std::vector<RuleChange> rules; // by date, then table, then kind, then file order
  EditionChange editions;
};

// Compares `schedule` on the two dates. Points into `schedule`, which must outlive the result.
ScheduleDiff diff_schedule(const schedule::Schedule& schedule, DiffDates dates);

} // namespace dutycalc::diff
