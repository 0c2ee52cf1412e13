#include <dutycalc/diff/schedule_diff.hpp>

#include <dutycalc/error.hpp>

#include <fmt/format.h>

namespace dutycalc::diff {

namespace {

Date parse_date(std::string_view option, std::string_view text) {
  const auto date = Date::parse(text);
  if (!date)
    throw Error(fmt::format("{} '{}' is not a valid YYYY-MM-DD date", option, text));
  return *date;
}

} // namespace

DiffDates parse_diff_dates(std::string_view from, std::string_view to) {
  const DiffDates dates{parse_date("--from", from), parse_date("--to", to)};
  if (dates.to < dates.from)
    throw Error(
        fmt::format("--from {} is after --to {}", dates.from.to_string(), dates.to.to_string()));
  return dates;
}

ScheduleDiff diff_schedule(const schedule::Schedule& schedule, DiffDates dates) {
  ScheduleDiff out;
  out.schedule = &schedule;
  out.dates = dates;
  bool before_oldest = false;
  out.version_from = schedule.version(schedule.edition_for(dates.from, before_oldest), dates.from);
  out.version_to = schedule.version(schedule.edition_for(dates.to, before_oldest), dates.to);
  out.views = rule_views(schedule);

  std::vector<DatedRule> dated;
  dated.reserve(out.views.size());
  for (const RuleView& view : out.views)
    dated.push_back({view.key, view.window, view.table_order});
  for (const Pairing& p : pair_changes(dated, dates.from, dates.to))
    out.rules.push_back({p.kind, p.date, &out.views[p.rule], p.was ? &out.views[*p.was] : nullptr});
  out.editions = compare_editions(schedule, dates.from, dates.to);
  return out;
}

} // namespace dutycalc::diff
