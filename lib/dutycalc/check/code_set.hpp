// Sets of tariff codes as sorted, disjoint intervals of ten-digit numbers, so that the product
// scopes of two rules can be intersected and what an exemption removes subtracted, exactly.
#pragma once

#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/product_scope.hpp>

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace dutycalc::check {

class CodeSet {
public:
  CodeSet() = default;
  // Every code: what an exemption without `products` covers.
  static CodeSet all();
  // The codes a scope reaches: its ranges, each extended to all ten-digit codes below it
  // ("7601" is 7601000000-7601999999), minus its exclusions.
  static CodeSet of(const schedule::ProductScope& scope);

  bool empty() const { return m_intervals.empty(); }
  // Whether every ten-digit code under `code` is in the set (a 4-digit heading: all of it).
  bool contains(HsCode code) const;
  CodeSet intersect(const CodeSet& other) const;
  CodeSet minus(const CodeSet& other) const;
  void add(const CodeSet& other); // union, in place
  // The first code of the set, as short as it can be written while lying wholly inside it
  // ("7601" when all of 7601 is in the set, "7601.10.60" when only that line is).
  std::optional<HsCode> first() const;

private:
  using Interval = std::pair<std::uint64_t, std::uint64_t>; // inclusive ends
  static CodeSet normalised(std::vector<Interval> intervals);
  std::vector<Interval> m_intervals; // sorted, disjoint, not touching
};

} // namespace dutycalc::check
