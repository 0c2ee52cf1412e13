// The tariff lines of one edition, with lookup of a code to the line whose rate applies to it.
#pragma once

#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/code_map.hpp>
#include <dutycalc/schedule/diagnostics.hpp>
#include <dutycalc/schedule/tariff_line.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace dutycalc::schedule {

class Nomenclature {
public:
  // The edition's id ("HTS 2024 Basic Edition"), which problems name.
  void set_edition(std::string id) { m_edition = std::move(id); }
  const std::string& edition() const { return m_edition; }

  // Makes room for `count` lines (a loader that knows the table's size saves regrowing).
  void reserve(std::size_t count) { m_lines.reserve(count); }
  // Adds a line while building; call finish() once all are added.
  void add(TariffLine line);
  // Builds the lookup index. Throws Error on a duplicate code, at the duplicate's line in `file`;
  // with a sink, records each duplicate instead and looks up the first line with the code.
  void finish(const std::string& file, Diagnostics* sink = nullptr);

  // The result of resolving a manifest code.
  struct Resolution {
    const TariffLine* line = nullptr;  // the line with exactly this code (description, units);
                                       // for a short code that is not itself a line (7208.51)
                                       // but resolves, its first rated subheading. Non-null
                                       // whenever `rated` is.
    const TariffLine* rated = nullptr; // the nearest of the line and its ancestors with a general
                                       // rate: whose rate applies
    std::string problem;               // why it could not be resolved (then rated is null)
  };
  // Exact line, then its nearest rated ancestor by prefix (10 -> 8 -> 6 -> 4 digits): at most four
  // hash lookups, no scan. A code shorter than the rated lines (a 6-digit heading) resolves when
  // all its rated subheadings carry the same general rate text; otherwise `problem` says to give
  // more digits. An unknown code's problem names the nearest known ancestor.
  Resolution resolve(HsCode code) const;

  // The line with exactly this code, or null.
  const TariffLine* find(HsCode code) const;
  // Every line in file order, heading text rows (empty code) included.
  const std::vector<TariffLine>& lines() const { return m_lines; }
  // How many lines carry a code.
  std::size_t coded_count() const { return m_index.size(); }

private:
  // What lies below a code prefix: its first rated line, and whether all rated lines below carry
  // the same general rate text.
  struct Below {
    std::uint32_t first_rated = 0;
    bool uniform = true;
  };
  Resolution resolve_below(HsCode code, const TariffLine* exact) const;

  std::string m_edition;
  std::vector<TariffLine> m_lines; // in file order
  CodeMap<std::uint32_t> m_index;  // HsCode::key() -> position
  CodeMap<Below> m_below;          // prefix key -> rated lines below
};

} // namespace dutycalc::schedule
