// Which rules start, end, change or come and go between two dates: the date logic of
// `dutycalc diff`, on windows and pairing keys alone so that it is tested without schedules.
#pragma once

#include <dutycalc/date.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::diff {

enum class ChangeKind {
  changes,        // a rule ends and another of the same key starts the same day: old -> new
  ends,           // in force on the first date, not on the second
  starts,         // in force on the second date, not on the first
  comes_and_goes, // begins after the first date and stops on or before the second
};

// "changes", "ends", "starts", "comes-and-goes": the word every output format uses.
std::string_view to_string(ChangeKind kind);

// What pairing needs of a rule: its window and its pairing key (see rule_view.hpp).
struct DatedRule {
  std::string key;
  DateRange window;
  int group = 0; // sorts entries of a day (the caller's table order)
};

// One entry of a diff. `rule` is the rule the entry is about (for a change, the new one); `was`
// is the old rule of a change. Both index the vector given to pair_changes().
struct Pairing {
  ChangeKind kind = ChangeKind::starts;
  std::size_t rule = 0;
  std::optional<std::size_t> was;
  Date date; // the day it happens: a start's or change's first day, an end's first day without
};

// The entries between `from` and `to` (from <= to; equal dates give none): each day in
// (from, to] on which a rule begins or stops applying. A rule that stops on day D and one of the
// same key that begins on D are one change, provided no other rule of that key stops or begins
// on D (several candidates are left unpaired rather than guessed). A day no change accounts for
// is an entry of its own: a start, an end, or, for a rule that begins and stops in between with
// neither day part of a change, one comes-and-goes entry on its first day. So a rule in force on
// `from` and not on `to` ends (or changes), the reverse starts (or changes), and a rule in force
// on both dates or on neither and not in between is not listed. A rule that comes and goes may
// be the new side of one change and the old side of the next (fees by fiscal year). Sorted by
// date, then group, then kind (in ChangeKind's order), then position in `rules` (a change: the
// new rule's).
std::vector<Pairing> pair_changes(const std::vector<DatedRule>& rules, Date from, Date to);

} // namespace dutycalc::diff
