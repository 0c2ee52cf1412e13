// The quantities a manifest line declares (50 kg and 2 No., say) and lookup in any unit.
#pragma once

#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/unit.hpp>

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dutycalc::rate {

struct Quantity {
  Decimal amount;
  Unit unit = Unit::kg;
  // What the amount measures when it is not the plain net quantity ("kg on tungsten content").
  Qualifier qualifier = Qualifier::none;
};

// A small fixed-capacity set (no allocation): at most one quantity per unit family matters in
// practice; up to eight are kept.
class Quantities {
public:
  static constexpr std::size_t k_capacity = 8;
  // Returns false when full.
  bool add(Quantity q);
  // The plain quantity expressed in `unit`, converted exactly from any declared unit of the same
  // family. Proof liters also come from liters (or hl) and an alcoholic strength in %vol:
  // 1 l at 40 %vol = 0.8 pf.l.
  std::optional<Decimal> in(Unit unit) const;
  // The same for a qualified quantity: only quantities declared with that qualifier count.
  std::optional<Decimal> in(Unit unit, Qualifier qualifier) const;
  std::size_t size() const { return m_size; }
  const Quantity* begin() const { return m_items.data(); }
  const Quantity* end() const { return m_items.data() + m_size; }
  bool empty() const { return m_size == 0; }
  void clear() { m_size = 0; }

private:
  std::array<Quantity, k_capacity> m_items{};
  std::size_t m_size = 0;
};

// Reads a quantity as a person types it: a plain decimal, optional spaces, a unit and optionally
// a qualifier: "50kg", "50 kg", "12.5 l", "40%vol", "3 kg on tungsten content". Thousands
// separators and exponents are refused. On failure returns nullopt and sets `error` to why.
std::optional<Quantity> parse_quantity(std::string_view text, std::string& error);

} // namespace dutycalc::rate
