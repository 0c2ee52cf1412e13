#include <dutycalc/diff/line_changes.hpp>

#include <algorithm>
#include <string>
#include <utility>

namespace dutycalc::diff {

namespace {

bool same_rates(const schedule::TariffLine& a, const schedule::TariffLine& b) {
  return a.general.text() == b.general.text() && a.special.text() == b.special.text() &&
         a.column2.text() == b.column2.text();
}

// Coded lines sorted by their digits as text, so that a heading comes before its subheadings.
std::vector<std::pair<std::string, const schedule::TariffLine*>>
by_digits(const schedule::Nomenclature& nomenclature) {
  std::vector<std::pair<std::string, const schedule::TariffLine*>> out;
  out.reserve(nomenclature.coded_count());
  for (const auto& line : nomenclature.lines())
    if (line.code.length() > 0)
      out.emplace_back(line.code.digits(), &line);
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

} // namespace

std::vector<LineChange> compare_lines(const schedule::Nomenclature& before,
                                      const schedule::Nomenclature& after) {
  const auto old_lines = by_digits(before);
  const auto new_lines = by_digits(after);
  std::vector<LineChange> out;
  std::size_t i = 0;
  std::size_t j = 0;
  // A merge of the two sorted lists.
  while (i < old_lines.size() || j < new_lines.size()) {
    if (j == new_lines.size() ||
        (i < old_lines.size() && old_lines[i].first < new_lines[j].first)) {
      out.push_back({ChangeKind::ends, old_lines[i++].second, nullptr});
    } else if (i == old_lines.size() || new_lines[j].first < old_lines[i].first) {
      out.push_back({ChangeKind::starts, nullptr, new_lines[j++].second});
    } else {
      if (!same_rates(*old_lines[i].second, *new_lines[j].second))
        out.push_back({ChangeKind::changes, old_lines[i].second, new_lines[j].second});
      ++i;
      ++j;
    }
  }
  return out;
}

EditionChange compare_editions(const schedule::Schedule& schedule, Date from, Date to) {
  EditionChange out;
  bool before_oldest = false;
  out.before = &schedule.edition_for(from, before_oldest);
  out.after = &schedule.edition_for(to, before_oldest);
  if (out.before == out.after)
    return out;
  for (const auto& edition : schedule.editions)
    if (out.before->effective < edition.effective && edition.effective < out.after->effective)
      out.between.push_back(&edition);
  out.lines = compare_lines(out.before->nomenclature, out.after->nomenclature);
  return out;
}

} // namespace dutycalc::diff
