// Tariff lines that differ between the nomenclature editions in force on two dates: added,
// removed, or with a different general, special or column 2 rate.
#pragma once

#include <dutycalc/diff/pairing.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <vector>

namespace dutycalc::diff {

// One line: `kind` is starts (added), ends (removed) or changes (a rate column differs).
struct LineChange {
  ChangeKind kind = ChangeKind::changes;
  const schedule::TariffLine* before = nullptr; // in the first date's edition; null when added
  const schedule::TariffLine* after = nullptr;  // in the second date's edition; null when removed
};

struct EditionChange {
  const schedule::Edition* before = nullptr; // in force on the first date
  const schedule::Edition* after = nullptr;  // in force on the second date
  // Editions effective strictly between the two (in force for a while, compared with neither).
  std::vector<const schedule::Edition*> between;
  std::vector<LineChange> lines; // by code, digit by digit (7208 before 7208.51.00)
};

// The editions in force on `from` and `to` (Schedule::edition_for) and, when they differ, their
// lines compared by code. Heading text rows (no code) and descriptions are not compared: rates are
// what a change moves. Rates are compared as written, column by column, so a line that inherits
// its rate from an ancestor changes only when the ancestor does.
EditionChange compare_editions(const schedule::Schedule& schedule, Date from, Date to);

// Compares two editions' lines (the work of compare_editions, for tests).
std::vector<LineChange> compare_lines(const schedule::Nomenclature& before,
                                      const schedule::Nomenclature& after);

} // namespace dutycalc::diff
