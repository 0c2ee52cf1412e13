// Units of quantity that specific duty rates are stated in, and exact conversions between them.
#pragma once

#include <dutycalc/money/decimal.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace dutycalc::rate {

// Units with a fixed family: a quantity converts exactly to any unit of its family.
enum class Unit {
  kg, g, t,             // mass (t = metric ton = 1000 kg)
  liter, hl,            // volume of liquid
  proof_liter,          // liters of pure alcohol equivalent at 50% ABV ("pf.liter")
  m, m2, m3, cm2,       // length, area, volume
  each,                 // "No.", "each", "pcs"
  dozen, pair, dozen_pair, gross, // counts
  barrel,               // "bbl" (stated directly; not converted to liters)
  carat, gbq, mwh, thousand, // rarer units kept as they are
};

// The canonical short name ("kg", "l", "pf.l", "No.", "doz.", "prs."...).
std::string_view name(Unit unit);

// Reads a unit as schedules and manifests spell it: "kg", "KG", "kilogram", "t", "ton",
// "liter", "liters", "l", "hl", "pf.liter", "pf. liter", "proof liter", "No.", "no", "each", "pcs",
// "doz.", "dozen", "pr.", "prs.", "pair", "doz. prs.", "m2", "m²", "m<sup>2</sup>", "gross", "bbl"...
std::optional<Unit> parse_unit(std::string_view text);

// The factor f such that 1 `from` = f `to`, when both are in one family (kg->t = 0.001);
// nullopt across families.
std::optional<Decimal> conversion_factor(Unit from, Unit to);

} // namespace dutycalc::rate
