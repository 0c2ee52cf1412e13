// The tariff lines of one edition, with lookup of a code to the line whose rate applies to it.
#pragma once

#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/tariff_line.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace dutycalc::schedule {

class Nomenclature {
public:
  // Adds a line while building; call finish() once all are added.
  void add(TariffLine line);
  // Builds the lookup index. Throws Error on a duplicate code.
  void finish(const std::string& file);

  // The result of resolving a manifest code.
  struct Resolution {
    const TariffLine* line = nullptr;  // the line with exactly this code (description, units)
    const TariffLine* rated = nullptr; // the nearest of the line and its ancestors with a general
                                       // rate: whose rate applies
    std::string problem;               // why it could not be resolved (then rated is null)
  };
  // Exact line, then its nearest rated ancestor by prefix (10 -> 8 -> 6 -> 4 digits): at most four
  // hash lookups, no scan. A code shorter than the rated lines (a 6-digit heading) resolves when
  // all its rated subheadings carry the same general rate text; otherwise `problem` says to give
  // more digits. An unknown code's problem names the nearest known ancestor.
  Resolution resolve(HsCode code) const;

  const TariffLine* find(HsCode code) const;
  const std::vector<TariffLine>& lines() const { return m_lines; }

private:
  std::vector<TariffLine> m_lines; // in file order
  std::unordered_map<std::uint64_t, std::uint32_t> m_index; // HsCode::key() -> position
};

} // namespace dutycalc::schedule
