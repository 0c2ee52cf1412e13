#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/manifest/manifest_line.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using dutycalc::manifest::Column;
using dutycalc::manifest::ColumnMap;
using dutycalc::manifest::CsvReader;
using dutycalc::manifest::CsvRecord;
using dutycalc::rate::Unit;

namespace {
ColumnMap map_of(const std::string& header_text) {
  std::istringstream in(header_text);
  CsvReader reader(in, "m.csv");
  CsvRecord header;
  REQUIRE(reader.next(header));
  return ColumnMap::from_header(header, "m.csv");
}

// The message of the Error that from_header throws, with its place.
std::string error_of(const std::string& header_text) {
  try {
    map_of(header_text);
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}
} // namespace

TEST_CASE("ColumnMap::from_header finds the required and optional columns", "[manifest]") {
  const auto map = map_of("hs_code,origin,value,entry,line,date,currency,quantity,unit,mode,"
                          "program,freight,insurance,melt_country,destination,export_date\n");
  for (int i = 0; i < static_cast<int>(Column::count_); ++i)
    CHECK(map.index_of(static_cast<Column>(i)) == i);
  CHECK(map.quantity_columns().empty());
}

TEST_CASE("ColumnMap::from_header ignores case, spaces, '-' and '_'", "[manifest]") {
  const auto map = map_of("HS Code,ORIGIN,Value ,Entry-Date,Melt country,EXPORT_DATE\n");
  CHECK(map.index_of(Column::hs_code) == 0);
  CHECK(map.index_of(Column::origin) == 1);
  CHECK(map.index_of(Column::value) == 2);
  CHECK(map.index_of(Column::date) == 3);
  CHECK(map.index_of(Column::melt_country) == 4);
  CHECK(map.index_of(Column::export_date) == 5);
  CHECK(map.names() == std::vector<std::string>{"HS Code", "ORIGIN", "Value ", "Entry-Date",
                                                "Melt country", "EXPORT_DATE"});
}

TEST_CASE("ColumnMap::from_header accepts the documented aliases", "[manifest]") {
  const auto map = map_of("HTS,country_of_origin,customs value,entry_no,line_no,entry_date,qty,"
                          "uom,transport_mode,programme\n");
  CHECK(map.index_of(Column::hs_code) == 0);
  CHECK(map.index_of(Column::origin) == 1);
  CHECK(map.index_of(Column::value) == 2);
  CHECK(map.index_of(Column::entry) == 3);
  CHECK(map.index_of(Column::line) == 4);
  CHECK(map.index_of(Column::date) == 5);
  CHECK(map.index_of(Column::quantity) == 6);
  CHECK(map.index_of(Column::unit) == 7);
  CHECK(map.index_of(Column::mode) == 8);
  CHECK(map.index_of(Column::program) == 9);
  CHECK(map_of("hs,origin,value,SPI\n").index_of(Column::program) == 3);
}

TEST_CASE("ColumnMap::from_header keeps unknown columns in place", "[manifest]") {
  const auto map = map_of("sku,hs_code,code,origin,country,value,note\n");
  CHECK(map.index_of(Column::hs_code) == 1);
  CHECK(map.index_of(Column::origin) == 3);
  CHECK(map.index_of(Column::value) == 5);
  CHECK(map.index_of(Column::mode) == -1);
  CHECK(map.names().size() == 7);
}

TEST_CASE("ColumnMap::from_header reads quantity columns in a fixed unit", "[manifest]") {
  const auto map = map_of("hs_code,origin,value,quantity_kg,Quantity (l),qty_no,quantity_t\n");
  const auto& q = map.quantity_columns();
  REQUIRE(q.size() == 4);
  CHECK((q[0].index == 3 && q[0].unit == Unit::kg));
  CHECK((q[1].index == 4 && q[1].unit == Unit::liter));
  CHECK((q[2].index == 5 && q[2].unit == Unit::each));
  CHECK((q[3].index == 6 && q[3].unit == Unit::t));
  CHECK(map.index_of(Column::quantity) == -1);

  const auto more =
      map_of("hs_code,origin,value,quantity_m2,quantity_doz,quantity_pf_l,quantity\n");
  REQUIRE(more.quantity_columns().size() == 3);
  CHECK(more.quantity_columns()[0].unit == Unit::m2);
  CHECK(more.quantity_columns()[1].unit == Unit::dozen);
  CHECK(more.quantity_columns()[2].unit == Unit::proof_liter);
  CHECK(more.index_of(Column::quantity) == 6);
  CHECK(map_of("hs_code,origin,value,quantity_pfl\n").quantity_columns()[0].unit ==
        Unit::proof_liter);
  // Not a unit: an ordinary column.
  const auto other = map_of("hs_code,origin,value,quantity_ordered,quantity_unit\n");
  CHECK(other.quantity_columns().empty());
  CHECK(other.index_of(Column::unit) == 4);
}

TEST_CASE("ColumnMap::from_header rejects a missing required column", "[manifest]") {
  CHECK(error_of("hs_code,value\n") == "m.csv:1: manifest has no 'origin' column");
  CHECK(error_of("\n\nhs_code\n") == "m.csv:3: manifest has no 'origin' and 'value' columns");
  CHECK(error_of("7208510030,JP,100\n") ==
        "m.csv:1: manifest has no 'hs_code', 'origin' and 'value' columns (the first line must "
        "name the columns)");
  try {
    ColumnMap::from_header(CsvRecord{}, "empty.csv");
    FAIL("no error for an empty header");
  } catch (const dutycalc::Error& e) {
    CHECK(std::string(e.what()) == "empty.csv: manifest has no 'hs_code', 'origin' and 'value' "
                                   "columns (the first line must name the columns)");
  }
}

TEST_CASE("ColumnMap::from_header rejects a duplicate column", "[manifest]") {
  CHECK(error_of("hs_code,origin,value,x,value\n") ==
        "m.csv:1:24: duplicate column 'value' (columns 3 and 5)");
  CHECK(error_of("hs_code,origin,value,HTS\n") ==
        "m.csv:1:22: duplicate column 'hs_code' (columns 1 and 4, as 'hs_code' and 'HTS')");
  CHECK(error_of("hs_code,origin,value,quantity_kg,qty kgs\n") ==
        "m.csv:1:34: duplicate column for quantities in kg (columns 4 and 5, as 'quantity_kg' "
        "and 'qty kgs')");
}

TEST_CASE("ColumnMap::from_header rejects too many quantity columns", "[manifest]") {
  CHECK(error_of("hs_code,origin,value,quantity_kg,quantity_g,quantity_t,quantity_l,quantity_hl,"
                 "quantity_m2,quantity_m3,quantity_no\n") ==
        "m.csv:1:103: too many quantity columns (at most 7)");
}

TEST_CASE("ColumnMap::from_header rejects a malformed header", "[manifest]") {
  CHECK(error_of("hs_code,\"origin\nvalue\n") == "m.csv:1:9: unterminated quoted field");
}
