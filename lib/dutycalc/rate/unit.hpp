// Units of quantity that specific duty rates are stated in, exact conversions between them, and
// the qualifiers ("on drained weight", "on tungsten content") that say what a quantity measures.
#pragma once

#include <dutycalc/money/decimal.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace dutycalc::rate {

// Units with a fixed family: a quantity converts exactly to any unit of its family.
enum class Unit : std::uint8_t {
  kg, g, t,             // mass (t = metric ton = 1000 kg)
  liter, hl,            // volume of liquid (hl = 100 l)
  proof_liter,          // liters of pure alcohol equivalent at 50% ABV ("pf.liter")
  m, m2, m3, cm2,       // length, area (cm2 = 0.0001 m2), volume
  each,                 // "No.", "each", "pcs", "head", "article"
  dozen, pair, dozen_pair, gross, // counts: dozen = 12 each, gross = 144 each, doz. prs. = 12 pairs
  barrel,               // "bbl" (stated directly; not converted to liters)
  carat, gbq, mwh,      // rarer units kept as they are
  thousand,             // "thousands": 1000 each
  percent_vol,          // alcoholic strength in % vol: not an amount, turns liters into proof liters
  jewel,                // jewels of a watch movement ("Jwls."; "0.8¢/jewel")
};

// The canonical short name ("kg", "l", "pf.l", "No.", "doz.", "prs.", "%vol"...).
std::string_view name(Unit unit);

// Reads a unit as schedules and manifests spell it: "kg", "KG", "kilogram", "t", "ton", "tonne",
// "liter", "liters", "l", "hl", "pf.liter", "pf. liter", "proof liter", "No.", "no", "each", "pcs",
// "doz.", "dozen", "pr.", "prs.", "pair", "doz. prs.", "m2", "m²", "m<sup>2</sup>", "gross", "bbl"...
// Case and inner whitespace are free; nothing else may surround the unit.
std::optional<Unit> parse_unit(std::string_view text);

// The longest unit spelling at the start of `text` (for parsers): the unit and the bytes it took,
// or nullopt. A spelling must end at a word boundary ("kg" does not match "kgs.x").
struct UnitMatch {
  Unit unit;
  std::size_t length;
};
std::optional<UnitMatch> match_unit(std::string_view text);

// The factor f such that 1 `from` = f `to`, when both are in one family (kg->t = 0.001);
// nullopt across families.
std::optional<Decimal> conversion_factor(Unit from, Unit to);

// The other units that convert to `unit` exactly, as names joined for messages ("g and t"),
// empty when none do.
std::string_view convertible_names(Unit unit);

// What a specific rate's quantity, or an ad valorem rate's value, is measured on when the rate
// says so ("18¢/kg on drained weight"). A qualified rate needs a quantity declared with the same
// qualifier: the plain net quantity would be the wrong number, so it is never used instead.
enum class Qualifier : std::uint8_t {
  none,
  // Quantities of the goods measured otherwise than as plain net quantity.
  drained_weight,          // "on drained weight"
  contents_and_container,  // "on contents and container", ", including weight of container"
  entire_contents,         // "on entire contents of container"
  total_sugars,            // "of total sugars"
  clean_yield,             // "clean kg" (HTS unit "cy kg")
  recording_surface,       // "of recording surface" (m2)
  ethyl_alcohol_content,   // "on ethyl alcohol content"
  anhydrous_morphine_content,
  tungsten_content, molybdenum_content, lead_content, copper_content, zinc_content,
  manganese_content, silicon_content, magnesium_content,
  // Values of a part of the goods (ad valorem terms): watches, sets, cases.
  value_of_case,               // "on the case"
  value_of_strap,              // "on the strap, band or bracelet"
  value_of_case_and_strap,     // "on the case and strap, band or bracelet"
  value_of_battery,            // "on the battery"
  value_of_movement,           // "on the movement"
  value_of_movement_and_case,  // "on the movement and case"
  value_of_apparatus,          // "on the apparatus"
  value_of_lead_content,       // "on the value of the lead content"
  // The whole value, said in words: evaluates on the value itself.
  entire_set,                  // "on the entire set", "on the full value of the imported article"
};

// The canonical text ("on drained weight"); empty for none.
std::string_view name(Qualifier qualifier);
// Whether the qualifier names a part of the value (ad valorem) rather than a quantity.
bool is_value_part(Qualifier qualifier);

// The longest qualifier phrase at the start of `text` (case and whitespace free, an optional
// leading comma), ending at a word boundary: the qualifier and the bytes it took.
struct QualifierMatch {
  Qualifier qualifier;
  std::size_t length;
};
std::optional<QualifierMatch> match_qualifier(std::string_view text);

} // namespace dutycalc::rate
