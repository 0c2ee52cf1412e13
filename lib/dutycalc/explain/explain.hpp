// `dutycalc explain`: for one code, origin and entry date, the resolved tariff line, every duty
// option the importer has, each additional duty considered, and the bottom line as `price`
// prices it, each with its legal source. Built from the same decisions the engine makes.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/explain/options.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/pricing/additional_duties.hpp>
#include <dutycalc/pricing/line_result.hpp>
#include <dutycalc/quota/allocation.hpp>
#include <dutycalc/rate/quantities.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::explain {

// What to explain, as typed on the command line (strings, checked by make_request).
struct ExplainArguments {
  std::string code;
  std::string origin;
  std::string date;                    // empty: today
  std::string value;                   // empty: no amounts
  std::vector<std::string> quantities; // "80000kg", "12.5 l"
  std::string programme;
  std::string melt_country;
};

// What to explain, checked and typed.
struct ExplainRequest {
  std::string code_text; // as given, for display
  HsCode code;
  schedule::CountryCode origin{};
  Date date;
  std::optional<Decimal> value; // amounts are shown only when given
  rate::Quantities quantities;
  std::string programme;                 // claimed programme; empty for none
  schedule::CountryCode melt_country{};  // {0,0} when not given
};

// Checks and types `arguments` (`today` stands in for a missing date). Throws Error naming the
// option at fault: a malformed code, an origin that is not an ISO country code, a bad date,
// value or quantity.
ExplainRequest make_request(const ExplainArguments& arguments, Date today);

// One additional duty the line was considered for, and what came of it.
struct MeasureItem {
  const schedule::Measure* measure = nullptr;
  pricing::MeasureOutcome outcome;
  std::string why;              // pricing::describe(): "applies", "not in force on ..."
  std::string added_rate;       // what it adds to the base rate, for people: "25%"
  std::optional<Decimal> duty;  // what it adds, as priced (applying measures, with a value)
  std::string quota_note;       // an applying measure a quota switches off: for which part
};

// The quota the line draws on, and what it drew from a full quota (as `price` without --ledger).
struct QuotaItem {
  const quota::Quota* quota = nullptr;
  quota::QuotaDraw draw;
  std::string why; // for people: "in quota (2022-Q2)", "over quota", "split: ..."
};

// Everything explain shows. Points into the schedule, which must outlive it.
struct Explanation {
  ExplainRequest request;
  Currency currency;
  const schedule::Edition* edition = nullptr;
  bool before_oldest = false;    // the entry date precedes every edition: the oldest is used
  std::string_view version;      // Schedule::version(): edition and latest rule change
  const schedule::TariffLine* line = nullptr;  // the line of the code given
  const schedule::TariffLine* rated = nullptr; // the line whose rate applies (line or ancestor)
  std::vector<const schedule::TariffLine*> path; // headings down to `line` (description_path)
  std::vector<DutyOption> options;
  std::vector<MeasureItem> measures;
  std::optional<QuotaItem> quota;               // when the line draws on a quota
  std::vector<const schedule::Notice*> notices; // notices that reach the line on the date
  pricing::LineResult result;    // the bottom line: what `dutycalc price` gives, before entry fees
  std::vector<std::string> schedule_fees; // ids of the schedule's entry fees, left out above
};

// Explains `request` under `schedule`. Throws Error when the code does not resolve to a line of
// the edition in force (the message names the nearest known code).
Explanation explain_code(const schedule::Schedule& schedule, const ExplainRequest& request);

} // namespace dutycalc::explain
