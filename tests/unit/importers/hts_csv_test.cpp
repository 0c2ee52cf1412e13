#include <dutycalc/error.hpp>
#include <dutycalc/importers/hts_csv.hpp>
#include <dutycalc/schedule/lines_table.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using dutycalc::importers::read_hts_csv;
using dutycalc::schedule::LineRow;

namespace {

const std::string k_header = "\xEF\xBB\xBFHTS Number,Indent,Description,Unit of Quantity,General "
                             "Rate of Duty,Special Rate of Duty,Column 2 Rate of Duty,Quota "
                             "Quantity,Additional Duties\n";

std::vector<LineRow> read_text(const std::string& text) {
  std::istringstream in(text);
  return read_hts_csv(in, "in.csv");
}

std::string error_of(const std::string& text) {
  try {
    read_text(text);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

const LineRow& row_for(const std::vector<LineRow>& rows, const std::string& code) {
  for (const auto& row : rows)
    if (row.hs_code == code) return row;
  FAIL("no row " << code);
  throw;
}

} // namespace

TEST_CASE("read_hts_csv") {
  std::ifstream in(std::string(DUTYCALC_TEST_DATA) + "/importers/hts_2024_excerpt.csv",
                   std::ios::binary);
  REQUIRE(in);
  const auto rows = read_hts_csv(in, "excerpt.csv");
  REQUIRE(rows.size() == 49); // 50 lines after the header, one record spanning two
  CHECK(rows[0].hs_code == "0101");
  CHECK(rows[0].description == "Live horses, asses, mules and hinnies:");
  CHECK(rows[1].hs_code.empty()); // heading text, kept in order
  CHECK(rows[1].description == "Horses:");
  CHECK(rows[1].indent == 1);
  CHECK(rows[1].source_line == 3);
  const auto& asses = row_for(rows, "0101.30.00.00");
  CHECK(asses.units == "No.");
  CHECK(asses.general == "6.8%");
  CHECK(asses.special == "Free (A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)");
  CHECK(asses.column2 == "15%");
  CHECK(asses.footnotes.empty());
  CHECK(row_for(rows, "0505").description.find("down,<br") == std::string::npos);
  CHECK(row_for(rows, "0806.10.20").general == "$1.13/m³");
  CHECK(row_for(rows, "0806.10.20.05").units == "m³;kg");
  CHECK(row_for(rows, "2903.62.10.00").special ==
        "Free (A+, AU, BH,CL, CO, D, E, IL,JO, KR, MA, OM,P, PA, PE, S, SG)");
  CHECK(row_for(rows, "3204.12.50.10").description == "FD&C red 40 (CAS No. 25956-17-6)");
  CHECK(row_for(rows, "7002.32.00.00").description.find("5 x 10⁻⁶ per Kelvin") !=
        std::string::npos);
  CHECK(row_for(rows, "7601.10.30.00").description.find("<il>") == std::string::npos);
  CHECK(row_for(rows, "8308.10.00.00").general == "1.1¢/kg + 2.9%");
  CHECK(row_for(rows, "7208.51.00.30").source_line == 42);

  // What the importer writes, the loader reads.
  std::string table;
  dutycalc::schedule::write_lines_table(table, rows);
  dutycalc::schedule::Nomenclature nomenclature;
  dutycalc::schedule::parse_lines_table(table, "t.csv", nomenclature);
  CHECK(nomenclature.lines().size() == 49);
}

TEST_CASE("read_hts_csv errors") {
  CHECK(error_of("") == "in.csv: empty file: expected a USITC HTS CSV export");
  CHECK(error_of("HTS Number,Indent,Description\n") ==
        "in.csv:1:1: missing column 'Unit of Quantity' in the header: is this a USITC HTS CSV "
        "export?");
  CHECK(error_of(k_header + "\"72O8\",\"0\",\"x\",\"\",\"\",\"\",\"\",\"\",\"\"\n") ==
        "in.csv:2:1: HS code '72O8' has a character that is not a digit or '.'");
  CHECK(error_of(k_header + "\"7208.5\",\"0\",\"x\",\"\",\"\",\"\",\"\",\"\",\"\"\n") ==
        "in.csv:2:1: HS code '7208.5' has an odd number of digits");
  CHECK(error_of(k_header + "\"7208\",\"zero\",\"x\",\"\",\"\",\"\",\"\",\"\",\"\"\n") ==
        "in.csv:2:8: indent 'zero' is not a whole number");
  CHECK(error_of(k_header + "\"7208\",\"0\",\"x\",\"kg\",\"\",\"\",\"\",\"\",\"\"\n") ==
        "in.csv:2:16: units are not a JSON array of strings");
  CHECK(error_of(k_header + "\"7208\",\"0\",\"x\",\"\",\"\",\"\",\"\",\"\",\"\"\n" +
                 "\"7208\",\"0\",\"y\",\"\",\"\",\"\",\"\",\"\",\"\"\n") ==
        "in.csv:3:1: duplicate code 7208 (first at line 2)");
  CHECK(error_of(k_header + "\"7208\",\"0\",\"x\"\n") ==
        "in.csv:2:15: expected at least 7 fields, found 3");
}
