#include <dutycalc/schedule/schedule.hpp>

#include <dutycalc/error.hpp>

#include <algorithm>

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

const quota::Quota* Schedule::find_quota(std::string_view id) const { return find_by_id(quotas, id); }

} // namespace dutycalc::schedule

namespace dutycalc::schedule {

void Schedule::index_versions() {
  m_rule_changes.clear();
  const auto add = [&](const DateRange& w, bool open_start) {
    if (!open_start) m_rule_changes.push_back(w.from);
    if (w.to) m_rule_changes.push_back(*w.to);
  };
  for (const auto& m : measures) add(m.window, false);
  for (const auto& e : exemptions) add(e.window, false);
  for (const auto& q : quotas) add(q.window, false);
  for (const auto& f : fees) add(f.window, false);
  for (const auto& t : taxes) add(t.window, t.open_start);
  for (const auto& d : de_minimis) add(d.window, false);
  for (const auto& p : programmes) add(p.window, p.open_start);
  for (const auto& g : groups)
    for (const auto& member : g.members) add(member.window, member.open_start);
  std::sort(m_rule_changes.begin(), m_rule_changes.end());
  m_rule_changes.erase(std::unique(m_rule_changes.begin(), m_rule_changes.end()),
                       m_rule_changes.end());
  m_version_labels.clear();
  for (const Edition& edition : editions) {
    m_version_labels.push_back(edition.id);
    for (const Date change : m_rule_changes)
      m_version_labels.push_back(edition.id + "; rules as of " + change.to_string());
  }
}

std::string_view Schedule::version(const Edition& edition, Date date) const {
  if (m_version_labels.empty()) return edition.id;
  const auto index = static_cast<std::size_t>(&edition - editions.data());
  const auto after = std::upper_bound(m_rule_changes.begin(), m_rule_changes.end(), date);
  const auto changes = static_cast<std::size_t>(after - m_rule_changes.begin());
  return m_version_labels[index * (m_rule_changes.size() + 1) + changes];
}

} // namespace dutycalc::schedule
