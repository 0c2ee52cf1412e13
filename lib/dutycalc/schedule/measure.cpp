#include <dutycalc/schedule/measure.hpp>

#include <algorithm>

namespace dutycalc::schedule {

namespace {
bool melt_condition(const std::vector<CountryCode>& countries, CountryCode melt) {
  return countries.empty() || lists_country(countries, melt);
}
} // namespace

bool Measure::reaches(HsCode code, CountryCode origin_country, CountryCode melt_country,
                      Date date) const {
  return window.contains(date) && products.matches(code) && origins.matches(origin_country, date) &&
         melt_condition(melt_countries, melt_country);
}

bool Exemption::exempts(const Measure& measure, HsCode code, CountryCode origin_country,
                        CountryCode melt_country, Date date) const {
  if (std::find(measures.begin(), measures.end(), &measure) == measures.end()) return false;
  if (!window.contains(date) || !origins.matches(origin_country, date)) return false;
  if (!products.empty() && !products.matches(code)) return false;
  return melt_condition(melt_countries, melt_country);
}

} // namespace dutycalc::schedule
