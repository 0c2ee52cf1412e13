// Footnotes of the USITC JSON export, rendered into the free-text footnotes column of a lines
// table.
#pragma once

#include <string>
#include <vector>

namespace dutycalc::importers {

// One footnote of a record, as exported: {"columns": ["general"], "value": "See 9903.91.01. "}.
struct UsitcFootnote {
  std::vector<std::string> columns; // "general", "special", "other" (column 2)
  std::string value;                // markup and all
};

// The footnotes column of a row, e.g. "general: See 9903.91.01.; column2: See 9903.90.09.":
// - each footnote as "<columns>: <text>", columns joined by ",", the export's "other" written
//   "column2" (the lines table's name for it); a footnote that names no column is its text alone;
// - names and texts made plain text (markup removed, spaces collapsed, ends trimmed); a footnote
//   whose text is then empty is left out, and so is an empty column name;
// - ordered by the column they apply to (general, special, column2, then other names in byte
//   order, then no column), footnotes of the same column in export order; the columns of one
//   footnote in the same order;
// - joined by "; ". A '\' or ';' in a name or text is written "\\" or "\;", and a ',' or ':' in a
//   name "\," or "\:", so every unescaped ';' separates two footnotes and the first unescaped ':'
//   ends a footnote's columns.
// The footnote "type" ("endnote") is not carried.
std::string render_footnotes(const std::vector<UsitcFootnote>& footnotes);

} // namespace dutycalc::importers
