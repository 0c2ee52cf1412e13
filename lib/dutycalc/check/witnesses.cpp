#include <dutycalc/check/witnesses.hpp>

#include <algorithm>
#include <set>

namespace dutycalc::check {

Window window_of(const DateRange& range, bool open_start) {
  Window window;
  if (!open_start) window.from = range.from;
  window.to = range.to;
  return window;
}

std::optional<Window> intersect(const Window& a, const Window& b) {
  Window both;
  if (a.from && b.from) both.from = std::max(*a.from, *b.from);
  else both.from = a.from ? a.from : b.from;
  if (a.to && b.to) both.to = std::min(*a.to, *b.to);
  else both.to = a.to ? a.to : b.to;
  if (both.from && both.to && !(*both.from < *both.to)) return std::nullopt;
  return both;
}

std::string describe_start(const Window& window) {
  if (window.from) return "on " + window.from->to_string();
  if (window.to) return "before " + window.to->to_string();
  return "at any date";
}

namespace {

struct Collector {
  std::set<schedule::CountryCode> countries;
  std::set<Date> dates;

  void add(const std::vector<schedule::CountryCode>& list) {
    countries.insert(list.begin(), list.end());
  }
  void add(const schedule::OriginScope& scope) {
    add(scope.countries);
    add(scope.except_countries);
  }
  void add(const DateRange& range, bool open_start = false) {
    if (!open_start) dates.insert(range.from);
    if (range.to) dates.insert(*range.to);
  }
};

} // namespace

Witnesses::Witnesses(const schedule::Schedule& schedule) {
  Collector c;
  for (const auto& group : schedule.groups) {
    for (const auto& member : group.members) {
      c.countries.insert(member.country);
      c.add(member.window, member.open_start);
    }
  }
  for (const auto& p : schedule.programmes) c.add(p.origins);
  for (const auto& m : schedule.measures) {
    c.add(m.origins);
    c.add(m.melt_countries);
    c.add(m.window);
  }
  for (const auto& e : schedule.exemptions) {
    c.add(e.origins);
    c.add(e.melt_countries);
    c.add(e.window);
  }
  for (const auto& q : schedule.quotas) {
    c.add(q.origins);
    if (q.melt_origins) c.add(*q.melt_origins);
    c.add(q.window);
  }
  for (const auto& d : schedule.de_minimis) {
    c.add(d.origins);
    c.add(d.window);
  }
  c.countries.erase(k_other);
  m_countries.assign(c.countries.begin(), c.countries.end());
  m_countries.push_back(k_other);
  m_dates.assign(c.dates.begin(), c.dates.end());
}

std::vector<Date> Witnesses::dates(const Window& window) const {
  std::vector<Date> out;
  out.push_back(window.from.value_or(Date()));
  for (const Date d : m_dates) {
    if (d <= out.front()) continue;
    if (window.to && !(d < *window.to)) break;
    out.push_back(d);
  }
  return out;
}

std::string Witnesses::describe(schedule::CountryCode country) {
  if (country == k_other) return "an origin the schedule does not name";
  return std::string(schedule::view(country));
}

} // namespace dutycalc::check
