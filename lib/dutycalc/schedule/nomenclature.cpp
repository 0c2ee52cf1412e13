#include <dutycalc/schedule/nomenclature.hpp>

#include <dutycalc/error.hpp>

#include <fmt/format.h>

namespace dutycalc::schedule {

namespace {
bool is_rated(const TariffLine& line) {
  return !line.general.is_empty();
}
} // namespace

void Nomenclature::add(TariffLine line) {
  m_lines.push_back(std::move(line));
}

void Nomenclature::finish(const std::string& file, Diagnostics* sink) {
  m_index.clear();
  m_below.clear();
  m_index.reserve(m_lines.size());
  // Far fewer prefixes than lines have rated lines below them (a few thousand in the HTS): the
  // table grows as needed.
  for (std::uint32_t i = 0; i < m_lines.size(); ++i) {
    const TariffLine& line = m_lines[i];
    if (line.code.length() == 0)
      continue;
    const auto [first, inserted] = m_index.try_emplace(line.code.key(), i);
    if (!inserted) {
      Error duplicate({file, line.source_line, 1},
                      fmt::format("duplicate code {} (first at line {})", line.code.formatted(),
                                  m_lines[*first].source_line));
      if (!sink)
        throw duplicate;
      sink->add(duplicate);
      continue;
    }
    if (!is_rated(line))
      continue;
    for (int n = 4; n < line.code.length(); n += 2) {
      const auto [below, added] = m_below.try_emplace(line.code.prefix(n).key(), Below{i, true});
      if (!added && below->uniform &&
          m_lines[below->first_rated].general.text() != line.general.text())
        below->uniform = false;
    }
  }
}

const TariffLine* Nomenclature::find(HsCode code) const {
  const std::uint32_t* at = m_index.find(code.key());
  return at ? &m_lines[*at] : nullptr;
}

Nomenclature::Resolution Nomenclature::resolve(HsCode code) const {
  Resolution result;
  const TariffLine* exact = find(code);
  if (exact && is_rated(*exact)) {
    result.line = result.rated = exact;
    return result;
  }
  // Nearest ancestor: the longest shorter prefix that is a line. Headings carry no rates in the
  // USITC data, but a 10-digit line inherits its 8-digit line's rate.
  const TariffLine* nearest = nullptr;
  for (int n = code.length() - 2; n >= 4; n -= 2) {
    const TariffLine* ancestor = find(code.prefix(n));
    if (!ancestor)
      continue;
    if (!nearest)
      nearest = ancestor;
    if (exact && is_rated(*ancestor)) {
      result.line = exact;
      result.rated = ancestor;
      return result;
    }
  }
  if (m_below.find(code.key()))
    return resolve_below(code, exact);
  const std::string_view edition =
      m_edition.empty() ? std::string_view("this edition") : std::string_view(m_edition);
  if (exact)
    result.problem = fmt::format("{} has no general rate in {}, nor has any heading above it",
                                 code.formatted(), edition);
  else if (nearest)
    result.problem = fmt::format("{} is not in {} (nearest: {})", code.formatted(), edition,
                                 nearest->code.formatted());
  else
    result.problem = fmt::format("{} is not in {}", code.formatted(), edition);
  return result;
}

Nomenclature::Resolution Nomenclature::resolve_below(HsCode code, const TariffLine* exact) const {
  Resolution result;
  const Below& below = *m_below.find(code.key());
  if (below.uniform) {
    result.rated = &m_lines[below.first_rated];
    result.line = exact ? exact : result.rated;
    return result;
  }
  result.line = exact;
  const std::string_view edition =
      m_edition.empty() ? std::string_view("this edition") : std::string_view(m_edition);
  result.problem = fmt::format("{} covers subheadings with different rates in {}; give {} digits",
                               code.formatted(), edition, code.length() >= 8 ? "10" : "8 or 10");
  return result;
}

} // namespace dutycalc::schedule
