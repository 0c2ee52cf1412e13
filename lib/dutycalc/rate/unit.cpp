#include <dutycalc/rate/unit.hpp>

#include <dutycalc/rate/text_match.hpp>

#include <array>

namespace dutycalc::rate {

namespace {

struct Spelling {
  std::string_view text; // lower case; ' ' matches any whitespace, "^2" any exponent spelling
  Unit unit;
};

// Every spelling seen in the 2024 HTS rate texts and unit fields, the EU CN, and common manifest use.
constexpr Spelling k_spellings[] = {
    {"kg", Unit::kg}, {"kgs", Unit::kg}, {"kilogram", Unit::kg}, {"kilograms", Unit::kg},
    {"g", Unit::g}, {"gram", Unit::g}, {"grams", Unit::g},
    {"t", Unit::t}, {"ton", Unit::t}, {"tons", Unit::t}, {"tonne", Unit::t}, {"tonnes", Unit::t},
    {"metric ton", Unit::t}, {"metric tons", Unit::t},
    {"l", Unit::liter}, {"liter", Unit::liter}, {"liters", Unit::liter}, {"litre", Unit::liter},
    {"litres", Unit::liter},
    {"hl", Unit::hl}, {"hectoliter", Unit::hl}, {"hectoliters", Unit::hl}, {"hectolitre", Unit::hl},
    {"pf. liter", Unit::proof_liter}, {"pf. liters", Unit::proof_liter},
    {"pf. l", Unit::proof_liter}, {"proof liter", Unit::proof_liter},
    {"proof liters", Unit::proof_liter}, {"proof litre", Unit::proof_liter},
    {"m", Unit::m}, {"meter", Unit::m}, {"meters", Unit::m}, {"metre", Unit::m},
    {"lin. m", Unit::m}, {"linear meter", Unit::m}, {"linear meters", Unit::m},
    {"m^2", Unit::m2}, {"sq. m", Unit::m2}, {"square meter", Unit::m2},
    {"square meters", Unit::m2},
    {"m^3", Unit::m3}, {"cubic meter", Unit::m3}, {"cubic meters", Unit::m3},
    {"cm^2", Unit::cm2},
    {"no.", Unit::each}, {"no", Unit::each}, {"each", Unit::each}, {"pcs", Unit::each},
    {"pcs.", Unit::each}, {"pc", Unit::each}, {"piece", Unit::each}, {"pieces", Unit::each},
    {"item", Unit::each}, {"items", Unit::each}, {"head", Unit::each}, {"article", Unit::each},
    {"articles", Unit::each}, {"units", Unit::each}, {"unit", Unit::each},
    {"pins", Unit::each}, // "10¢/1,000 pins": pins are counted
    {"doz.", Unit::dozen}, {"doz", Unit::dozen}, {"dozen", Unit::dozen}, {"dozens", Unit::dozen},
    {"dz pcs", Unit::dozen},
    {"pr.", Unit::pair}, {"pr", Unit::pair}, {"prs.", Unit::pair}, {"prs", Unit::pair},
    {"pair", Unit::pair}, {"pairs", Unit::pair},
    // "doz. prs ." also reads the HTS's "<il>doz. prs</il>." (markup counts as a space).
    {"doz. prs .", Unit::dozen_pair}, {"doz. prs", Unit::dozen_pair}, {"doz. pr.", Unit::dozen_pair},
    {"dozen pairs", Unit::dozen_pair},
    {"gross", Unit::gross},
    {"bbl", Unit::barrel}, {"barrel", Unit::barrel}, {"barrels", Unit::barrel},
    {"carat", Unit::carat}, {"carats", Unit::carat},
    {"gbq", Unit::gbq}, {"mwh", Unit::mwh},
    {"thousand", Unit::thousand}, {"thousands", Unit::thousand},
    {"jewel", Unit::jewel}, {"jewels", Unit::jewel}, {"jwls.", Unit::jewel}, {"jwl.", Unit::jewel},
    {"% vol", Unit::percent_vol}, {"vol %", Unit::percent_vol}, {"abv", Unit::percent_vol},
};

// Members of a family share a base; `per_base` is how many base units one unit is (exact).
struct FamilyMember {
  Unit unit;
  int family;
  std::int64_t per_base_numerator;   // one unit = numerator / denominator base units
  std::int64_t per_base_denominator;
};

constexpr FamilyMember k_families[] = {
    {Unit::kg, 1, 1, 1},        {Unit::g, 1, 1, 1000},     {Unit::t, 1, 1000, 1},
    {Unit::liter, 2, 1, 1},     {Unit::hl, 2, 100, 1},
    {Unit::m2, 3, 1, 1},        {Unit::cm2, 3, 1, 10000},
    {Unit::each, 4, 1, 1},      {Unit::dozen, 4, 12, 1},   {Unit::gross, 4, 144, 1},
    {Unit::thousand, 4, 1000, 1},
    {Unit::pair, 5, 1, 1},      {Unit::dozen_pair, 5, 12, 1},
};

const FamilyMember* family_of(Unit unit) {
  for (const auto& member : k_families)
    if (member.unit == unit) return &member;
  return nullptr;
}

struct QualifierSpelling {
  std::string_view text;
  Qualifier qualifier;
};

// The phrases found after rates in the 2024 HTS (and their typing variants).
constexpr QualifierSpelling k_qualifier_spellings[] = {
    {"on drained weight", Qualifier::drained_weight},
    {"on drained weght", Qualifier::drained_weight},
    {"net drained wt", Qualifier::drained_weight},
    {"on contents and container", Qualifier::contents_and_container},
    {"including weight of container", Qualifier::contents_and_container},
    {"on entire contents of container", Qualifier::entire_contents},
    {"of total sugars", Qualifier::total_sugars},
    {"of recording surface", Qualifier::recording_surface},
    {"on ethyl alcohol content", Qualifier::ethyl_alcohol_content},
    {"of anhydrous morphine content", Qualifier::anhydrous_morphine_content},
    {"on tungsten content", Qualifier::tungsten_content},
    {"on molybdenum content", Qualifier::molybdenum_content},
    {"on lead content", Qualifier::lead_content},
    {"on copper content", Qualifier::copper_content},
    {"on zinc content", Qualifier::zinc_content},
    {"on manganese content", Qualifier::manganese_content},
    {"on silicon content", Qualifier::silicon_content},
    {"on magnesium content", Qualifier::magnesium_content},
    {"on the case", Qualifier::value_of_case},
    {"on the strap, band or bracelet", Qualifier::value_of_strap},
    {"on the case and strap, band or bracelet", Qualifier::value_of_case_and_strap},
    {"on case and strap, band or bracelet", Qualifier::value_of_case_and_strap},
    {"on the battery", Qualifier::value_of_battery},
    {"on the movement", Qualifier::value_of_movement},
    {"on the movement and case", Qualifier::value_of_movement_and_case},
    {"on the apparatus", Qualifier::value_of_apparatus},
    {"on the value of the lead content", Qualifier::value_of_lead_content},
    {"on the entire set", Qualifier::entire_set},
    {"on the full value of the imported article", Qualifier::entire_set},
};

} // namespace

std::string_view name(Unit unit) {
  switch (unit) {
  case Unit::kg: return "kg";
  case Unit::g: return "g";
  case Unit::t: return "t";
  case Unit::liter: return "l";
  case Unit::hl: return "hl";
  case Unit::proof_liter: return "pf.l";
  case Unit::m: return "m";
  case Unit::m2: return "m2";
  case Unit::m3: return "m3";
  case Unit::cm2: return "cm2";
  case Unit::each: return "No.";
  case Unit::dozen: return "doz.";
  case Unit::pair: return "prs.";
  case Unit::dozen_pair: return "doz. prs.";
  case Unit::gross: return "gross";
  case Unit::barrel: return "bbl";
  case Unit::carat: return "carat";
  case Unit::gbq: return "GBq";
  case Unit::mwh: return "MWh";
  case Unit::thousand: return "thousand";
  case Unit::percent_vol: return "%vol";
  case Unit::jewel: return "jewel";
  }
  return "?";
}

std::optional<UnitMatch> match_unit(std::string_view text) {
  std::optional<UnitMatch> best;
  for (const auto& spelling : k_spellings) {
    const std::size_t n = detail::match_spelling(text, 0, spelling.text);
    if (n > 0 && (!best || n > best->length)) best = UnitMatch{spelling.unit, n};
  }
  return best;
}

std::optional<Unit> parse_unit(std::string_view text) {
  const std::size_t start = detail::skip_whitespace(text, 0);
  const auto match = match_unit(text.substr(start));
  if (!match) return std::nullopt;
  if (detail::skip_whitespace(text, start + match->length) != text.size()) return std::nullopt;
  return match->unit;
}

std::optional<Decimal> conversion_factor(Unit from, Unit to) {
  if (from == to) return Decimal::from_integer(1);
  const FamilyMember* a = family_of(from);
  const FamilyMember* b = family_of(to);
  if (a == nullptr || b == nullptr || a->family != b->family) return std::nullopt;
  // 1 from = a.num/a.den base; 1 to = b.num/b.den base; so 1 from = (a.num*b.den)/(a.den*b.num) to.
  // Every factor in the table is a power of ten or a small integer ratio that is exact in 12 places.
  const Decimal numerator = Decimal::from_integer(a->per_base_numerator * b->per_base_denominator);
  const Decimal denominator = Decimal::from_integer(a->per_base_denominator * b->per_base_numerator);
  return numerator.divided_by(denominator);
}

std::string_view convertible_names(Unit unit) {
  switch (unit) {
  case Unit::kg: return "g and t";
  case Unit::g: return "kg and t";
  case Unit::t: return "kg and g";
  case Unit::liter: return "hl";
  case Unit::hl: return "l";
  case Unit::proof_liter: return "l or hl with %vol";
  case Unit::m2: return "cm2";
  case Unit::cm2: return "m2";
  case Unit::each: return "doz., gross and thousand";
  case Unit::dozen: return "No., gross and thousand";
  case Unit::gross: return "No., doz. and thousand";
  case Unit::thousand: return "No., doz. and gross";
  case Unit::pair: return "doz. prs.";
  case Unit::dozen_pair: return "prs.";
  default: return {};
  }
}

std::string_view name(Qualifier qualifier) {
  if (qualifier == Qualifier::none) return {};
  if (qualifier == Qualifier::clean_yield) return "clean"; // written before the unit: "/clean kg"
  // The first spelling of each qualifier in the table is its canonical text.
  for (const auto& spelling : k_qualifier_spellings)
    if (spelling.qualifier == qualifier) return spelling.text;
  return {};
}

bool is_value_part(Qualifier qualifier) {
  return qualifier >= Qualifier::value_of_case && qualifier <= Qualifier::value_of_lead_content;
}

std::optional<QualifierMatch> match_qualifier(std::string_view text) {
  std::size_t start = detail::skip_whitespace(text, 0);
  if (start < text.size() && text[start] == ',') start = detail::skip_whitespace(text, start + 1);
  // "/net drained wt" (EU): a slash introduces the qualifier.
  else if (start < text.size() && text[start] == '/')
    start = detail::skip_whitespace(text, start + 1);
  std::optional<QualifierMatch> best;
  for (const auto& spelling : k_qualifier_spellings) {
    const std::size_t n = detail::match_spelling(text, start, spelling.text);
    if (n > 0 && (!best || start + n > best->length)) best = QualifierMatch{spelling.qualifier, start + n};
  }
  return best;
}

} // namespace dutycalc::rate
