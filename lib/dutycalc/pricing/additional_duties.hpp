// Which additional duties (Section 232, 301, ...) reach a line, and why the others do not: the
// one decision both `price` and `explain` use.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/rule_index.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <optional>
#include <vector>

namespace dutycalc::pricing {

struct MeasureOutcome {
  enum class Status {
    applies,
    not_in_force,     // the date is outside its window, or the export-date condition fails
    origin_not_covered,
    melt_condition,   // it reaches only goods melted/smelted in listed countries
    exempted,         // an exemption covers this origin (and product, melt country)
    replaced,         // another applying measure takes its place
  };
  const schedule::Measure* measure = nullptr;
  Status status = Status::applies;
  const schedule::Exemption* exemption = nullptr; // when exempted
  const schedule::Measure* replaced_by = nullptr; // when replaced
  // not_in_force because the measure reaches only goods exported before its exported_before
  // date and the line's export_date (kept here; empty when not given) is not before it.
  bool export_condition = false;
  std::optional<Date> export_date = std::nullopt;
};

// Every measure whose products include `code`, in schedule order, with its outcome for this
// origin, melt country ({0,0} when unknown), date and export date (none: the goods count as
// exported on the entry date). `out` is cleared first.
void consider_measures(const schedule::Schedule& schedule, HsCode code,
                       schedule::CountryCode origin, schedule::CountryCode melt_country, Date date,
                       std::vector<MeasureOutcome>& out,
                       std::optional<Date> export_date = std::nullopt);

// The same for the measures in `candidates` only (in schedule order; see schedule::RuleIndex):
// those whose products cannot include the code may be left out, which is what makes it fast.
void consider_measures(const schedule::RuleCandidates& candidates,
                       const schedule::Schedule& schedule, HsCode code,
                       schedule::CountryCode origin, schedule::CountryCode melt_country, Date date,
                       std::vector<MeasureOutcome>& out, std::optional<Date> export_date);

// For people: why a measure does not apply ("not in force on 2018-03-01 (from 2018-03-23)").
std::string describe(const MeasureOutcome& outcome, Date date);

} // namespace dutycalc::pricing
