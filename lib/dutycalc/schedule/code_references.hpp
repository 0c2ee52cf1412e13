// Which codes and headings the schedule's editions have: what the loaders check a rule's
// references against when collecting problems for `dutycalc check`.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <cstdint>
#include <unordered_set>
#include <vector>

namespace dutycalc::schedule {

class EditionCodes {
public:
  explicit EditionCodes(const std::vector<Edition>& editions);

  // Whether some edition has a line with this code, or lines below it ("7601" has 7601.10...).
  // A code no edition has can never be on a priced line: pricing resolves codes in an edition.
  bool known(HsCode code) const;

  // An edition lists the chapter 99 headings in force on the day it takes effect. Returns the
  // first edition (oldest first) that took effect inside `window` and has no line `heading`;
  // null when there is none. A heading that starts after an edition took effect, or ended
  // before, is rightly missing from it.
  const Edition* missing_heading(HsCode heading, const DateRange& window, bool open_start) const;

private:
  const std::vector<Edition>& m_editions;
  std::unordered_set<std::uint64_t> m_prefixes; // HsCode::key() of every code and its prefixes
};

} // namespace dutycalc::schedule
