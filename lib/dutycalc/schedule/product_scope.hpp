// Which goods a rule reaches: HS code prefixes and ranges ("7206.10-7216.50"), with exclusions.
#pragma once

#include <dutycalc/hs_code.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::schedule {

// All codes whose first `low.length()` digits lie between low and high inclusive
// ("7206.10-7216.50"); a single prefix is a range of one ("7601").
struct CodeRange {
  HsCode low;
  HsCode high;
  bool contains(HsCode code) const;
  std::string describe() const;
};

// Parses "7601", "7616.99.51.60" or "7206.10-7216.50" (both ends the same length).
// On failure returns nullopt and says why.
std::optional<CodeRange> parse_code_range(std::string_view text, std::string& why);

// Lookups are binary searches once index() has sorted the ranges (Section 301 lists hold
// thousands of codes); before that, a scan.
struct ProductScope {
  std::vector<CodeRange> include;
  std::vector<CodeRange> exclude;

  bool matches(HsCode code) const;
  // Whether an exclusion covers `code` (for callers that know an included range covers it).
  bool excludes(HsCode code) const { return any_contains(exclude, m_indexed, code); }
  bool empty() const { return include.empty(); }
  // Sorts the ranges for fast matching. Called by the loader once a scope is read.
  void index();

private:
  static bool any_contains(const std::vector<CodeRange>& ranges, bool indexed, HsCode code);
  bool m_indexed = false;
};

} // namespace dutycalc::schedule
