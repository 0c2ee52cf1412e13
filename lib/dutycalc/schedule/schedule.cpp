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

namespace dutycalc::schedule {

namespace {
template <class Items> auto find_by_id(const Items& items, std::string_view id) {
  for (const auto& item : items)
    if (item.id == id) return &item;
  return static_cast<const typename Items::value_type*>(nullptr);
}
} // namespace

const CountryGroup* Schedule::find_group(std::string_view id) const { return find_by_id(groups, id); }

const Programme* Schedule::find_programme(std::string_view id) const {
  return find_by_id(programmes, id);
}

const Measure* Schedule::find_measure(std::string_view id) const { return find_by_id(measures, id); }

} // namespace dutycalc::schedule
