#include <dutycalc/importers/usitc_footnotes.hpp>

#include <catch2/catch.hpp>

using dutycalc::importers::render_footnotes;
using dutycalc::importers::UsitcFootnote;

TEST_CASE("render_footnotes") {
  CHECK(render_footnotes({}) == "");
  // As exported for 7601.10.30.00: column 2 first; written in the order of the table's columns.
  CHECK(render_footnotes({{{"other"}, "See 9903.90.09. "}, {{"general"}, "See 9903.91.01. "}}) ==
        "general: See 9903.91.01.; column2: See 9903.90.09.");
  // Footnotes of one column stay in export order; other names follow in byte order, then
  // footnotes without a column.
  CHECK(render_footnotes({{{}, "Loose"},
                          {{"units"}, "U"},
                          {{"special"}, "S1"},
                          {{"description"}, "D"},
                          {{"general"}, "G2"},
                          {{"special"}, "S2"},
                          {{"general"}, "G1"}}) ==
        "general: G2; general: G1; special: S1; special: S2; description: D; units: U; Loose");
  // The columns of one footnote in the same order; it sorts by its first.
  CHECK(render_footnotes({{{"special"}, "S"}, {{"other", "general"}, "Both"}}) ==
        "general,column2: Both; special: S");
  // Markup made plain text; empty texts and column names left out.
  CHECK(render_footnotes({{{"general"}, "See <i>note</i>\n 3"}, {{"general"}, " <il></il> "},
                          {{"", "special"}, "X"}}) == "general: See note 3; special: X");
  // Escapes keep '; ' a separator and the first ':' the end of the columns.
  CHECK(render_footnotes({{{"general"}, "a; b\\c: d"}, {{"x:y,z;w\\"}, "t"}}) ==
        "general: a\\; b\\\\c: d; x\\:y\\,z\\;w\\\\: t");
}
