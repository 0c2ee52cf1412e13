#include <dutycalc/error.hpp>
#include <dutycalc/schedule/lines_table.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dutycalc::schedule::LineRow;
using dutycalc::schedule::Nomenclature;
using dutycalc::schedule::parse_lines_table;

namespace {

const std::string k_header = "hs_code,indent,description,units,general,special,column2,footnotes\n";

std::string error_of(const std::string& text) {
  Nomenclature nomenclature;
  try {
    parse_lines_table(text, "t.csv", nomenclature);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

} // namespace

TEST_CASE("parse_lines_table") {
  Nomenclature nomenclature;
  parse_lines_table("\xEF\xBB\xBF# dutycalc lines format 1\r\n" + k_header +
                        ",0,Heading text only,,,,,\r\n"
                        "0101.30.00.00,1,Asses,No.,6.8%,\"Free (A+,AU,BH)\",15%,\r\n"
                        "9802.00.40,1,Repairs,,\"A duty upon the value of the repairs\",,,\"1\"\r\n"
                        "0101.90.30.00,2,Other asses,No.;kg,6.8%,,Free,\r\n",
                    "t.csv", nomenclature);
  const auto& lines = nomenclature.lines();
  REQUIRE(lines.size() == 4);
  CHECK(lines[0].code.length() == 0);
  CHECK(lines[0].source_line == 3);
  CHECK(lines[1].code.formatted() == "0101.30.00.00");
  CHECK(lines[1].indent == 1);
  CHECK(lines[1].general.text() == "6.8%");
  CHECK_FALSE(lines[1].general.is_prose());
  CHECK(lines[1].special.text() == "Free (A+,AU,BH)");
  CHECK(lines[1].column2.text() == "15%");
  CHECK(lines[2].general.is_prose()); // kept, not an error: pricing says why it cannot use it
  CHECK(lines[2].general.text() == "A duty upon the value of the repairs");
  CHECK(lines[2].footnotes == "1");
  CHECK(lines[3].units == "No.;kg");
  CHECK(lines[3].general.text() == "6.8%"); // the same text parsed once, shared
  CHECK(lines[3].column2.text() == "Free");
}

TEST_CASE("parse_lines_table errors") {
  const std::string format = "# dutycalc lines format 1\n";
  CHECK(error_of(k_header) == "t.csv:1:1: expected the format line '# dutycalc lines format 1' first");
  CHECK(error_of("# dutycalc lines format one\n" + k_header) ==
        "t.csv:1:1: expected the format line '# dutycalc lines format 1' first");
  CHECK(error_of("# dutycalc lines format 2\n" + k_header) ==
        "t.csv:1:1: format version 2 is newer than this dutycalc reads (1); upgrade dutycalc");
  CHECK(error_of("# dutycalc lines format 0\n" + k_header) ==
        "t.csv:1:1: format version 0 is older than this dutycalc reads (oldest: 1); convert the "
        "file to format 1");
  CHECK(error_of(format) == "t.csv:2:1: expected the header '" + k_header.substr(0, 66) + "'");
  CHECK(error_of(format + "code,indent\n") ==
        "t.csv:2:1: expected column 'hs_code' in the header, found 'code'");
  CHECK(error_of(format + "hs_code,indent\n") ==
        "t.csv:2:1: expected the header '" + k_header.substr(0, 66) +
            "'; column 'description' is missing");
  CHECK(error_of(format + k_header + "72O8.51,1,x,,,,,\n") ==
        "t.csv:3:1: HS code '72O8.51' has a character that is not a digit or '.'");
  CHECK(error_of(format + k_header + "720,1,x,,,,,\n") ==
        "t.csv:3:1: HS code '720' has fewer than 4 digits");
  CHECK(error_of(format + k_header + "7208,x,x,,,,,\n") ==
        "t.csv:3:6: indent 'x' is not a whole number");
  CHECK(error_of(format + k_header + "7208,0,x,,,,\n") == "t.csv:3:1: expected 8 fields, found 7");
}

TEST_CASE("parse_lines_table with a sink: each bad row reported and skipped") {
  Nomenclature nomenclature;
  dutycalc::schedule::Diagnostics sink;
  parse_lines_table("# dutycalc lines format 1\n" + k_header +
                        "7208.51.00,2,Thick,,Free,,20%\n"
                        "7208.51.00.30,three,Plate,kg,,,,\n"
                        "72O8.52.00.00,2,\"Of 4.75 mm, or more\",kg,Free,,20%,\n"
                        "0804.50.80,2,Dried,,1.5¢/kg,\"Free (A*,AU) 1,2% (KR)\",\"12,5O%\",\n"
                        "9810.00.85.00,0,Kidney machines,No.,Free,,The rate applicable here,\n"
                        "2909.19.18.00,4,Other,kg,5.5%,,37% /,\n"
                        "8448.31.00.00,2,Card clothing,m²,3.O%,,45%,\n"
                        "0804.50.80,2,Dried again,,1.5¢/kg,,,\n"
                        "0804.50.60,2,\"Unterminated,,,,,,,\n",
                    "t.csv", nomenclature, &sink);
  std::vector<std::string> found;
  for (const auto& d : sink.all())
    found.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                    std::string(to_string(d.severity)) + ": " + d.message);
  CHECK(found ==
        std::vector<std::string>{
            "3:1: error: expected 8 fields, found 7",
            "4:15: error: indent 'three' is not a whole number",
            "5:1: error: HS code '72O8.52.00.00' has a character that is not a digit or '.'",
            // Columns count characters ("¢" is one) and skip a quoted field's quote.
            "6:44: error: special rate \"1,2%\" cannot be read: expected %, ¢ or a currency after "
            "the number (a number written in a way the grammar does not read)",
            "6:57: error: column2 rate \"12,5O%\" cannot be read: expected %, ¢ or a currency "
            "after the number (a number written in a way the grammar does not read)",
            "8:36: warning: column2 rate \"37% /\" is neither a rate the grammar reads nor legal "
            "prose: expected '+', MIN, MAX or the end of the rate; lines that need it cannot be "
            "priced",
            "9:36: error: general rate \"3.O%\" cannot be read: expected %, ¢ or a currency after "
            "the number (a number written in a way the grammar does not read)",
            "11:14: error: unterminated quoted field",
            "10:1: error: duplicate code 0804.50.80 (first at line 6)"});
  // The rows without a problem of their own are kept; prose is kept silently.
  REQUIRE(nomenclature.lines().size() == 5);
  CHECK(nomenclature.lines()[1].column2.is_prose());
  CHECK(nomenclature.find(*dutycalc::HsCode::parse("0804.50.80"))->description == "Dried");
}

TEST_CASE("parse_lines_table with a sink: a wrong header stops the table") {
  Nomenclature nomenclature;
  dutycalc::schedule::Diagnostics sink;
  parse_lines_table("# dutycalc lines format 1\nhs_code,indent,text\n7208.51.00,2,Thick,,Free,,,\n",
                    "t.csv", nomenclature, &sink);
  REQUIRE(sink.all().size() == 1);
  CHECK(sink.all()[0].message == "expected column 'description' in the header, found 'text'");
  CHECK(nomenclature.lines().empty());
  parse_lines_table("# dutycalc lines format 2\n", "u.csv", nomenclature, &sink);
  CHECK(sink.all().size() == 2);
}

TEST_CASE("write_lines_table") {
  std::vector<LineRow> rows(2);
  rows[0].indent = 0;
  rows[0].description = "Live horses, asses, mules and \"hinnies\":";
  rows[1].hs_code = "0101.30.00.00";
  rows[1].indent = 1;
  rows[1].description = "Asses";
  rows[1].units = "No.;kg";
  rows[1].general = "6.8%";
  rows[1].special = "Free (A+,AU,BH)";
  rows[1].column2 = "15%";
  std::string text;
  dutycalc::schedule::write_lines_table(text, rows);
  CHECK(text == "# dutycalc lines format 1\n" + k_header +
                    ",0,\"Live horses, asses, mules and \"\"hinnies\"\":\",,,,,\n"
                    "0101.30.00.00,1,Asses,No.;kg,6.8%,\"Free (A+,AU,BH)\",15%,\n");
  Nomenclature nomenclature;
  parse_lines_table(text, "t.csv", nomenclature);
  REQUIRE(nomenclature.lines().size() == 2);
  CHECK(nomenclature.lines()[0].description == rows[0].description);
  CHECK(nomenclature.lines()[1].special.text() == rows[1].special);
}
