// Origin rules beyond the base rate: preference programmes, additional duties (Section 232,
// 301, rebalancing, safeguards...) and the exemptions from them, each dated and sourced.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/schedule/country_group.hpp>
#include <dutycalc/schedule/product_scope.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dutycalc::schedule {

// What every rule carries: where it is written and the legal text it comes from.
struct RuleOrigin {
  std::string source;      // proclamation, regulation, Federal Register or Official Journal
  std::string unconfirmed; // non-empty: a fact the schedule's sources do not confirm; lines say so
  SourceLocation where;    // file, line, column of the rule's table
};

// A preference programme of the special column ("KR": the US-Korea FTA). A claim is granted when
// the origin is eligible on the entry date and the tariff line lists the programme.
struct Programme {
  std::string id;    // the special column's symbol
  std::string name;
  OriginScope origins;
  DateRange window;
  bool open_start = false; // in force since before the schedule's records begin
  RuleOrigin origin;
};

// An additional duty: chapter 99 heading, rate (usually "The duty provided in the applicable
// subheading + 25%"), products, origins, optional melt-country condition, validity window.
struct Measure {
  std::string id;       // "s232-steel-2018"
  std::string title;
  std::string kind;     // summaries group by it: "section-232", "section-301"
  std::string heading;  // "9903.80.01"
  rate::Expression rate;
  DateRange window;
  ProductScope products;
  OriginScope origins;
  // When non-empty the measure applies only to goods melted (steel) or smelted (aluminium) in
  // one of these countries (the manifest's melt_country), whatever their origin.
  std::vector<CountryCode> melt_countries;
  // When set the measure reaches only goods exported before this date (the manifest's
  // export_date): Section 301 List 3's transition, 9903.88.09. Decided by consider_measures.
  std::optional<Date> exported_before;
  // Measures this one takes the place of when both would apply (Turkey's 50% replaces the 25%).
  std::vector<const Measure*> replaces;
  RuleOrigin origin;

  // Whether the measure is in force on `date` and reaches this code and origin (exemptions and
  // replacement are decided by the engine).
  bool reaches(HsCode code, CountryCode origin_country, CountryCode melt_country, Date date) const;
};

// A dated exemption from one or more measures for some origins (and optionally some products, or
// goods melted in some countries): Australia's, Canada's and Mexico's, the US-melted exemption.
struct Exemption {
  std::string id;
  std::vector<const Measure*> measures;
  OriginScope origins;
  ProductScope products;                  // empty: all the measure reaches
  std::vector<CountryCode> melt_countries; // non-empty: only goods melted in these
  DateRange window;
  std::string reason;                     // for people: "Australia exempt without quota"
  RuleOrigin origin;

  bool exempts(const Measure& measure, HsCode code, CountryCode origin_country,
               CountryCode melt_country, Date date) const;
};

// What the schedule knows but does not price: a measure that may apply to these goods and
// origins on these dates and is not modelled (its codes or conditions are not in the sources, or
// the manifest cannot say what it turns on). Lines it reaches carry its message as a warning.
struct Notice {
  std::string id;
  ProductScope products;
  OriginScope origins;
  DateRange window;
  std::string message;
  RuleOrigin origin;

  bool reaches(HsCode code, CountryCode origin_country, Date date) const {
    return window.contains(date) && products.matches(code) && origins.matches(origin_country, date);
  }
};

} // namespace dutycalc::schedule
