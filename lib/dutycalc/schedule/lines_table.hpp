// The lines table of a nomenclature edition (format 1): a CSV file that says its format version on
// its first line, then one row per tariff line or heading text, in the order the edition prints them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::schedule {

// The first line of every lines table, followed by the format version ("# dutycalc lines format 1").
constexpr std::string_view k_lines_format_prefix = "# dutycalc lines format ";

// The header row, exactly.
constexpr std::string_view k_lines_header =
    "hs_code,indent,description,units,general,special,column2,footnotes";

// One row as text, before rates are parsed: what importers produce and the writer writes.
// An empty `hs_code` is heading text that only describes the rows below it.
struct LineRow {
  std::string hs_code;     // "7208.51.00.30", or empty
  int indent = 0;
  std::string description; // plain text, markup removed
  std::string units;       // ';'-separated ("No.;kg")
  std::string general;
  std::string special;
  std::string column2;
  std::string footnotes;
  int source_line = 0;     // where the row came from in the importer's input, for messages
};

// Appends the whole table (format line, header, rows) to `out`. Fields are quoted only when they
// hold a comma, a quote, a line break or surrounding spaces, so diffs stay readable.
void write_lines_table(std::string& out, const std::vector<LineRow>& rows);

} // namespace dutycalc::schedule
