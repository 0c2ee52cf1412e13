// Which column of the tariff line a line pays: the general rate, a claimed preference
// programme's special rate, or column 2 for the countries the schedule lists.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::pricing {

struct BaseRate {
  // The rate: a column of the tariff line (general, column 2), or null when `special` holds it
  // (a programme's rate, parsed from the special column for this line).
  const rate::Expression* rate = nullptr;
  rate::Expression special;
  const rate::Expression& expression() const { return rate ? *rate : special; }
  std::string_view measure = "general"; // "general", "programme", "column-2"
  std::string text;                     // for the rate column: "Free (KR)", "18.5% (column 2)"
  std::string source;
  std::vector<std::string> warnings;    // why a claim was not granted, unconfirmed facts
};

// The base rate for `line` (the rated tariff line) of `edition` for this origin, claimed
// programme (empty for none) and date. Without `with_source` the source text of the general or
// a programme's rate is left empty (no report shows it), and without `with_text` their rate text
// too (a pass that needs the amounts only).
BaseRate choose_base_rate(const schedule::Schedule& schedule, const schedule::Edition& edition,
                          const schedule::TariffLine& line, schedule::CountryCode origin,
                          std::string_view programme, Date date, bool with_source = true,
                          bool with_text = true);

// Whether `origin` may claim `programme` on `date`; when not, `why` says why.
bool programme_eligible(const schedule::Programme& programme, schedule::CountryCode origin,
                        Date date, std::string& why);

} // namespace dutycalc::pricing
