// The USITC CSV export of the HTS (hts.usitc.gov, "Export" as CSV), read into lines-table rows.
#pragma once

#include <dutycalc/schedule/lines_table.hpp>

#include <istream>
#include <string>
#include <vector>

namespace dutycalc::importers {

// The columns read, by header name; "Quota Quantity" and "Additional Duties" are not carried
// (lines format 1 has no column for them).
constexpr const char* k_hts_csv_columns[] = {
    "HTS Number",           "Indent",               "Description",          "Unit of Quantity",
    "General Rate of Duty", "Special Rate of Duty", "Column 2 Rate of Duty"};

// Reads a USITC CSV export: a header naming at least the columns above, then one record per line
// or heading text (empty HTS number). Codes are checked (4 to 10 digits, no duplicates), markup is
// made plain text, units become ';'-separated. Throws Error with file, line and column.
std::vector<schedule::LineRow> read_hts_csv(std::istream& input, const std::string& display_name);

} // namespace dutycalc::importers
