// Printing an explanation: text for people (the `table` format) or one JSON object on one line
// (`jsonl`) for machines.
#pragma once

#include <dutycalc/explain/explain.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/output_format.hpp>

#include <string>

namespace dutycalc::explain {

// The explanation as text for people: the tariff line and its description path, the base-rate
// options, the additional duties considered, notices, the bottom line, and numbered sources.
std::string explanation_text(const Explanation& explanation);

// The explanation as one JSON object and a newline. Amounts are strings (exact decimals); what
// is absent (no value given, no programme claimed) is null.
std::string explanation_json(const Explanation& explanation);

// Writes the explanation in `format` (table or jsonl; csv, one record per line, does not fit an
// explanation and is refused with an Error).
void write_explanation(const Explanation& explanation, OutputFormat format, Output& out);

// A quantity as people write it: "80000 kg", "3 kg on tungsten content"; `grouped` adds
// thousands separators.
std::string quantity_text(const rate::Quantity& quantity, bool grouped);

} // namespace dutycalc::explain
