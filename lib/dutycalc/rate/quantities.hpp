// The quantities a manifest line declares (50 kg and 2 No., say) and lookup in any unit.
#pragma once

#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/unit.hpp>

#include <array>
#include <cstddef>
#include <optional>

namespace dutycalc::rate {

struct Quantity {
  Decimal amount;
  Unit unit = Unit::kg;
};

// A small fixed-capacity set (no allocation): at most one quantity per unit family matters in
// practice; up to eight are kept.
class Quantities {
public:
  static constexpr std::size_t k_capacity = 8;
  // Returns false when full.
  bool add(Quantity q);
  // The quantity expressed in `unit`, converted exactly from any declared unit of the same family.
  std::optional<Decimal> in(Unit unit) const;
  std::size_t size() const { return m_size; }
  const Quantity* begin() const { return m_items.data(); }
  const Quantity* end() const { return m_items.data() + m_size; }
  bool empty() const { return m_size == 0; }

private:
  std::array<Quantity, k_capacity> m_items{};
  std::size_t m_size = 0;
};

} // namespace dutycalc::rate
