#include <dutycalc/schedule/code_references.hpp>

namespace dutycalc::schedule {

EditionCodes::EditionCodes(const std::vector<Edition>& editions) : m_editions(editions) {
  for (const Edition& edition : editions) {
    for (const TariffLine& line : edition.nomenclature.lines()) {
      for (int n = 4; n <= line.code.length(); n += 2) m_prefixes.insert(line.code.prefix(n).key());
    }
  }
}

bool EditionCodes::known(HsCode code) const { return m_prefixes.count(code.key()) > 0; }

const Edition* EditionCodes::missing_heading(HsCode heading, const DateRange& window,
                                             bool open_start) const {
  for (const Edition& edition : m_editions) {
    const bool in_force = (open_start || window.from <= edition.effective) &&
                          (!window.to || edition.effective < *window.to);
    if (in_force && !edition.nomenclature.find(heading)) return &edition;
  }
  return nullptr;
}

} // namespace dutycalc::schedule
