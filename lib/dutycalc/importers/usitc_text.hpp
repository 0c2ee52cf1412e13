// The text conventions of USITC exports (CSV and JSON alike): HTML-like markup in descriptions,
// units and rates, and units as a JSON array of strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::importers {

// Plain text from USITC markup: tags dropped (`<il>4.75 mm</il>` -> "4.75 mm"), line breaks
// (`<nl/>`, `<br />`, `<newline>`, newlines), other control characters and runs of white space as
// one space, `<sup>` digits as superscripts ("m<sup>2</sup>" -> "m²"), HTML entities decoded,
// surrounding space trimmed.
std::string plain_text(std::string_view markup);

// Adds one unit as exported to `units`: made plain text, dropped when that leaves nothing. The
// one rule for units from the CSV export (parse_units) and the JSON export alike.
void add_unit(std::string_view exported, std::vector<std::string>& units);

// The units field of the CSV export: a JSON array of strings (`["No.","kg"]`), each added by
// add_unit. An empty field is no units. Returns nullopt when it is not such an array, with `why`.
std::optional<std::vector<std::string>> parse_units(std::string_view field, std::string& why);

} // namespace dutycalc::importers
