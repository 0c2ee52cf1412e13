#include <dutycalc/report/output_format.hpp>

namespace dutycalc {

std::optional<OutputFormat> parse_output_format(std::string_view text) {
  if (text == "table") return OutputFormat::table;
  if (text == "csv") return OutputFormat::csv;
  if (text == "jsonl") return OutputFormat::jsonl;
  return std::nullopt;
}

} // namespace dutycalc
