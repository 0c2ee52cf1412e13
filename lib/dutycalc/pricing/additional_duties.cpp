#include <dutycalc/pricing/additional_duties.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace dutycalc::pricing {

using Status = MeasureOutcome::Status;

namespace {

// `measure` reaches `code` (its products were checked by the caller).
void consider(const schedule::Measure& measure, const schedule::Schedule& schedule, HsCode code,
              schedule::CountryCode origin, schedule::CountryCode melt_country, Date date,
              std::vector<MeasureOutcome>& out, std::optional<Date> export_date) {
  MeasureOutcome outcome{&measure};
  if (!measure.window.contains(date)) outcome.status = Status::not_in_force;
  else if (!measure.origins.matches(origin, date)) outcome.status = Status::origin_not_covered;
  else if (!measure.melt_countries.empty() &&
           !schedule::lists_country(measure.melt_countries, melt_country))
    outcome.status = Status::melt_condition;
  else if (measure.exported_before && !(export_date && *export_date < *measure.exported_before)) {
    outcome.status = Status::not_in_force;
    outcome.export_condition = true;
    outcome.export_date = export_date;
  } else {
    for (const schedule::Exemption& exemption : schedule.exemptions) {
      if (exemption.exempts(measure, code, origin, melt_country, date)) {
        outcome.status = Status::exempted;
        outcome.exemption = &exemption;
        break;
      }
    }
  }
  out.push_back(outcome);
}

// Replacement: an applying measure switches off the measures it replaces.
void apply_replacements(std::vector<MeasureOutcome>& out) {
  for (const MeasureOutcome& replacing : out) {
    if (replacing.status != Status::applies) continue;
    for (MeasureOutcome& other : out) {
      if (other.status != Status::applies) continue;
      const auto& replaced = replacing.measure->replaces;
      if (std::find(replaced.begin(), replaced.end(), other.measure) != replaced.end()) {
        other.status = Status::replaced;
        other.replaced_by = replacing.measure;
      }
    }
  }
}

} // namespace

void consider_measures(const schedule::Schedule& schedule, HsCode code,
                       schedule::CountryCode origin, schedule::CountryCode melt_country, Date date,
                       std::vector<MeasureOutcome>& out, std::optional<Date> export_date) {
  out.clear();
  for (const schedule::Measure& measure : schedule.measures)
    if (measure.products.matches(code))
      consider(measure, schedule, code, origin, melt_country, date, out, export_date);
  apply_replacements(out);
}

void consider_measures(const schedule::RuleCandidates& candidates,
                       const schedule::Schedule& schedule, HsCode code,
                       schedule::CountryCode origin, schedule::CountryCode melt_country, Date date,
                       std::vector<MeasureOutcome>& out, std::optional<Date> export_date) {
  out.clear();
  for (const schedule::Measure* measure : candidates.measures)
    if (candidates.reaches(measure->products, code))
      consider(*measure, schedule, code, origin, melt_country, date, out, export_date);
  apply_replacements(out);
}

std::string describe(const MeasureOutcome& outcome, Date date) {
  const schedule::Measure& m = *outcome.measure;
  switch (outcome.status) {
  case Status::applies: return "applies";
  case Status::not_in_force:
    if (outcome.export_condition)
      return outcome.export_date
                 ? fmt::format("reaches only goods exported before {} (export_date {})",
                               m.exported_before->to_string(), outcome.export_date->to_string())
                 : fmt::format("reaches only goods exported before {} (no export_date: the entry "
                               "date {} stands for it)",
                               m.exported_before->to_string(), date.to_string());
    return m.window.to ? fmt::format("not in force on {} (from {} to {})", date.to_string(),
                                     m.window.from.to_string(), m.window.to->to_string())
                       : fmt::format("not in force on {} (from {})", date.to_string(),
                                     m.window.from.to_string());
  case Status::origin_not_covered:
    return fmt::format("does not reach this origin (origins: {})", m.origins.describe());
  case Status::melt_condition: {
    std::string list;
    for (const auto& c : m.melt_countries) list += (list.empty() ? "" : ", ") + std::string(schedule::view(c));
    return fmt::format("reaches only goods melted or smelted in {} (melt_country)", list);
  }
  case Status::exempted:
    return fmt::format("exempt: {} ({})", outcome.exemption->reason, outcome.exemption->origin.source);
  case Status::replaced:
    return fmt::format("replaced by {} ({})", outcome.replaced_by->id, outcome.replaced_by->heading);
  }
  return "";
}

} // namespace dutycalc::pricing
