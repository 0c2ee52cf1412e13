// One set of rules that turns records of a USITC HTS export into lines-table rows, whether the
// export is CSV or JSON: the same edition in either format gives the same rows.
#pragma once

#include <dutycalc/schedule/lines_table.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dutycalc::importers {

// A 1-based line and column in the importer's input, where a field's value starts.
struct FieldPlace {
  int line = 0;
  int column = 0;
};

// One record as exported (markup and all), before checks. Views point into the reader's buffers.
struct UsitcRecord {
  int line = 0;                  // where the record starts
  std::string_view number;       // "7208.51.00.30", or empty for heading text
  FieldPlace number_at;
  std::string_view indent;       // "2"
  FieldPlace indent_at;
  std::string_view description;
  std::vector<std::string> units; // each already through add_unit (plain text, none empty)
  std::string units_problem;     // why the units could not be read (reported in field order)
  FieldPlace units_at;
  std::string_view general;
  std::string_view special;
  std::string_view column2;      // the export's "Column 2" / "other"
  std::string footnotes;         // already rendered (render_footnotes); the CSV export has none
};

class UsitcRows {
public:
  explicit UsitcRows(std::string display_name) : m_display_name(std::move(display_name)) {}

  // The row for `record`: its code checked (4 to 10 digits, each code once) and written with dots,
  // the indent a whole number, description and rates made plain text, units joined with ';' (a
  // unit holding a ';' is refused). Throws Error naming the field's place.
  schedule::LineRow make(const UsitcRecord& record);

private:
  std::string m_display_name;
  std::unordered_map<std::uint64_t, int> m_first_line; // code key -> line of its record
};

} // namespace dutycalc::importers
