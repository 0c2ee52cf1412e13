// The USITC JSON export of the HTS (hts.usitc.gov "Export" as JSON; the JSON file of each revision
// on usitc.gov), read into lines-table rows by the same rules as the CSV export (usitc_record.hpp).
#pragma once

#include <dutycalc/schedule/lines_table.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::importers {

// Reads a USITC JSON export: one array of records, each an object. Keys read:
// - `htsno`, `indent`, `description`, `units`, `general`, `special`, `other` (column 2): required;
//   `footnotes`: optional.
// - `htsno`, `description` and the rates: a string, or null for none. `indent`: a string or a
//   number holding a whole number. `units`: an array of strings, or null. `footnotes`: an array
//   of objects {"columns": [...], "value": "...", "type": "..."}, or null; rendered into the
//   footnotes column by render_footnotes().
// - Not carried: `superior` (a record with an empty `htsno` is heading text, as in the CSV),
//   `quotaQuantity`, `additionalDuties` and the export's misspelled `addiitionalDuties` (lines
//   format 1 has no column for them), and every key not named here: USITC adds keys, and an
//   unknown key is skipped whatever its value (still checked as JSON). The same key twice in a
//   record (or a footnote) is refused: which one counts would be a guess.
// Then the checks of the CSV importer: codes of 4 to 10 digits, each once; markup made plain text;
// units joined with ';'. Throws Error with file, line and column.
std::vector<schedule::LineRow> read_hts_json(std::string_view text,
                                             const std::string& display_name);

} // namespace dutycalc::importers
