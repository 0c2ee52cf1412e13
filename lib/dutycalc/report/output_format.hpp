// The output formats of `dutycalc price` (and other commands that print records).
#pragma once

#include <optional>
#include <string_view>

namespace dutycalc {

enum class OutputFormat { table, csv, jsonl };

// "table", "csv", "jsonl"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view text);

} // namespace dutycalc
