// Named groups of countries whose membership changes over time (the EU's members, the
// countries under column 2), and origin scopes built from groups and country lists.
#pragma once

#include <dutycalc/date.hpp>

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::schedule {

using CountryCode = std::array<char, 2>;

inline std::string_view view(const CountryCode& c) { return {c.data(), 2}; }
// a == b, letter by letter: std::array's == calls memcmp for the two bytes, and origins are
// compared with every member of a group for every line priced.
constexpr bool same_country(const CountryCode& a, const CountryCode& b) {
  return a[0] == b[0] && a[1] == b[1];
}
// Whether `list` holds `country`.
inline bool lists_country(const std::vector<CountryCode>& list, CountryCode country) {
  for (const CountryCode& c : list)
    if (same_country(c, country)) return true;
  return false;
}

struct Membership {
  CountryCode country{};
  DateRange window;   // from the day it joined; `to` the first day it no longer belongs
  bool open_start = false; // membership predates what the schedule records: any earlier date
  std::string unconfirmed;  // non-empty: the membership or its dates are not confirmed by a source
};

struct CountryGroup {
  std::string id;     // "EU"
  std::string name;
  std::string source; // the legal text that defines membership
  std::vector<Membership> members;

  // Whether `country` belongs to the group on `date`.
  bool contains(CountryCode country, Date date) const { return membership(country, date); }
  // The membership that makes `country` belong on `date`, or null.
  const Membership* membership(CountryCode country, Date date) const;
};

// Which origins a rule reaches: everyone, or listed countries and groups, minus exceptions.
struct OriginScope {
  bool all = false;
  std::vector<CountryCode> countries;
  std::vector<const CountryGroup*> groups;
  std::vector<CountryCode> except_countries;
  std::vector<const CountryGroup*> except_groups;

  bool matches(CountryCode origin, Date date) const;
  // For people: "all", "JP, GB", "group EU", "all except AU, CA".
  std::string describe() const;
};

} // namespace dutycalc::schedule
