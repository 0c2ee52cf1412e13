#include <dutycalc/schedule/schedule.hpp>

#include <dutycalc/error.hpp>

namespace dutycalc::schedule {

const Edition& Schedule::edition_for(Date date, bool& before_oldest) const {
  if (editions.empty()) throw Error("schedule '" + name + "' has no nomenclature edition");
  before_oldest = date < editions.front().effective;
  const Edition* chosen = &editions.front();
  for (const Edition& edition : editions) {
    if (edition.effective > date) break;
    chosen = &edition;
  }
  return *chosen;
}

} // namespace dutycalc::schedule
