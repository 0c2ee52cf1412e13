#include <dutycalc/diff/pairing.hpp>

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

namespace dutycalc::diff {

std::string_view to_string(ChangeKind kind) {
  switch (kind) {
  case ChangeKind::changes:
    return "changes";
  case ChangeKind::ends:
    return "ends";
  case ChangeKind::starts:
    return "starts";
  case ChangeKind::comes_and_goes:
    return "comes-and-goes";
  }
  return "?";
}

std::vector<Pairing> pair_changes(const std::vector<DatedRule>& rules, Date from, Date to) {
  std::vector<Pairing> out;
  if (!(from < to))
    return out;

  // Rules that stop or begin between the dates, by (key, day): a pair needs exactly one of each.
  struct Handover {
    std::vector<std::size_t> stopping;
    std::vector<std::size_t> beginning;
  };
  std::map<std::pair<std::string, std::int32_t>, Handover> handovers;
  std::vector<ChangeKind> kind(rules.size(), ChangeKind::starts);
  std::vector<bool> involved(rules.size(), false);
  for (std::size_t i = 0; i < rules.size(); ++i) {
    const DateRange& w = rules[i].window;
    const bool before = w.contains(from);
    const bool after = w.contains(to);
    if (before == after) {
      // In force on neither date: it matters only when it begins strictly between them (it then
      // also ends before `to`, or it would be in force on `to`).
      if (before || !(from < w.from && w.from < to))
        continue;
      kind[i] = ChangeKind::comes_and_goes;
    } else {
      kind[i] = before ? ChangeKind::ends : ChangeKind::starts;
    }
    involved[i] = true;
    if (kind[i] != ChangeKind::ends)
      handovers[{rules[i].key, w.from.days()}].beginning.push_back(i);
    if (kind[i] != ChangeKind::starts)
      handovers[{rules[i].key, w.to->days()}].stopping.push_back(i);
  }

  // Which of a rule's days (its start, its stop) a change shows.
  std::vector<bool> start_shown(rules.size(), false);
  std::vector<bool> stop_shown(rules.size(), false);
  for (const auto& [where, h] : handovers) {
    if (h.stopping.size() != 1 || h.beginning.size() != 1)
      continue;
    const std::size_t old_rule = h.stopping[0];
    const std::size_t new_rule = h.beginning[0];
    out.push_back({ChangeKind::changes, new_rule, old_rule, Date::from_days(where.second)});
    stop_shown[old_rule] = true;
    start_shown[new_rule] = true;
  }
  // The days no change shows are entries of their own.
  for (std::size_t i = 0; i < rules.size(); ++i) {
    if (!involved[i])
      continue;
    const DateRange& w = rules[i].window;
    const bool start = kind[i] != ChangeKind::ends && !start_shown[i];
    const bool stop = kind[i] != ChangeKind::starts && !stop_shown[i];
    if (start && stop)
      out.push_back({ChangeKind::comes_and_goes, i, std::nullopt, w.from});
    else if (start)
      out.push_back({ChangeKind::starts, i, std::nullopt, w.from});
    else if (stop)
      out.push_back({ChangeKind::ends, i, std::nullopt, *w.to});
  }
  std::sort(out.begin(), out.end(), [&rules](const Pairing& a, const Pairing& b) {
    return std::tuple(a.date, rules[a.rule].group, a.kind, a.rule) <
           std::tuple(b.date, rules[b.rule].group, b.kind, b.rule);
  });
  return out;
}

} // namespace dutycalc::diff
