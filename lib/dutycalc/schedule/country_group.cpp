#include <dutycalc/schedule/country_group.hpp>

#include <algorithm>

namespace dutycalc::schedule {

const Membership* CountryGroup::membership(CountryCode country, Date date) const {
  for (const Membership& m : members) {
    if (!same_country(m.country, country)) continue;
    if (!m.open_start && date < m.window.from) continue;
    if (!m.window.to || date < *m.window.to) return &m;
  }
  return nullptr;
}

namespace {
bool any_of_groups(const std::vector<const CountryGroup*>& groups, CountryCode c, Date d) {
  return std::any_of(groups.begin(), groups.end(),
                     [&](const CountryGroup* g) { return g->contains(c, d); });
}

void append_list(std::string& out, const std::vector<CountryCode>& countries,
                 const std::vector<const CountryGroup*>& groups) {
  bool first = true;
  for (const auto& c : countries) {
    if (!first) out += ", ";
    first = false;
    out += view(c);
  }
  for (const auto* g : groups) {
    if (!first) out += ", ";
    first = false;
    out += "group " + g->id;
  }
}
} // namespace

bool OriginScope::matches(CountryCode origin, Date date) const {
  const bool included = all || lists_country(countries, origin) || any_of_groups(groups, origin, date);
  if (!included) return false;
  return !lists_country(except_countries, origin) && !any_of_groups(except_groups, origin, date);
}

std::string OriginScope::describe() const {
  std::string out = all ? "all origins" : "";
  if (!all) append_list(out, countries, groups);
  if (!except_countries.empty() || !except_groups.empty()) {
    out += " except ";
    append_list(out, except_countries, except_groups);
  }
  return out;
}

} // namespace dutycalc::schedule
