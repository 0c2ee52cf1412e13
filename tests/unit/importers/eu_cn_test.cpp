#include <dutycalc/error.hpp>
#include <dutycalc/importers/eu_cn.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/schedule/lines_table.hpp>
#include <dutycalc/schedule/nomenclature.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>

using dutycalc::importers::normalise_cet_rate;
using dutycalc::importers::read_eu_cn_csv;
using dutycalc::schedule::LineRow;

namespace {

const std::string k_header = "commodity,description,cet_duty_rate,ukgt_duty_rate\n";

std::vector<LineRow> read_text(const std::string& text) {
  std::istringstream in(text);
  return read_eu_cn_csv(in, "in.csv");
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

bool reads(const std::string& rate) {
  const auto expression = dutycalc::rate::parse_expression(rate);
  return !expression.is_prose() && !expression.is_empty();
}

} // namespace

TEST_CASE("normalise_cet_rate") {
  CHECK(normalise_cet_rate("0.0%") == "0.0%");
  CHECK(normalise_cet_rate("10.20% + 93.10 EUR / 100 kg") == "10.20% + 93.10 EUR / 100 kg");
  CHECK(normalise_cet_rate("1,024.00 EUR / tonne") == "1024.00 EUR / tonne");
  CHECK(normalise_cet_rate("52.00 EUR / 1,000 items") == "52.00 EUR / 1000 items");
  CHECK(normalise_cet_rate("6.4 + 24.6 EUR/100 kg") == "6.4% + 24.6 EUR/100 kg");
  CHECK(normalise_cet_rate("7.2 MIN 0.36 EUR/100 kg") == "7.2% MIN 0.36 EUR/100 kg");
  CHECK(normalise_cet_rate(" 9.00% +  EA MAX 18.70%  + ADSZ") == "9.00% + EA MAX 18.70% + ADSZ");
  // Commas that are not thousands separators stay: seasonal windows, decimal commas.
  CHECK(normalise_cet_rate("4.00% (01 JAN-31 MAR, 01-31 DEC), 5.10% (01 JUN-30 NOV)") ==
        "4.00% (01 JAN-31 MAR, 01-31 DEC), 5.10% (01 JUN-30 NOV)");
  CHECK(normalise_cet_rate("1,5 EUR / kg") == "1,5 EUR / kg");
  CHECK(normalise_cet_rate("Entry Price") == "Entry Price");
}

TEST_CASE("read_eu_cn_csv") {
  std::ifstream in(std::string(DUTYCALC_TEST_DATA) + "/importers/eu-cn-excerpt.csv",
                   std::ios::binary);
  REQUIRE(in);
  const auto rows = read_eu_cn_csv(in, "excerpt.csv");
  REQUIRE(rows.size() == 20);
  CHECK(rows[0].hs_code == "0101.21.00");
  CHECK(rows[0].description == "Pure-bred breeding horses");
  CHECK(rows[0].general == "0.0%");
  CHECK(rows[0].indent == 0);
  CHECK(rows[0].units.empty());
  CHECK(rows[0].special.empty());
  CHECK(rows[0].column2.empty());
  CHECK(rows[0].source_line == 2);
  CHECK(row_for(rows, "0207.45.41").description.starts_with("Frozen backs, necks"));
  CHECK(row_for(rows, "0302.41.00").description ==
        "Fresh or chilled herring \"Clupea harengus, clupea pallasii\"");

  // The rates the grammar reads, after normalising.
  CHECK(row_for(rows, "0105.11.11").general == "52.00 EUR / 1000 items");
  CHECK(row_for(rows, "1602.31.11").general == "1024.00 EUR / tonne");
  CHECK(row_for(rows, "0808.10.10").general == "7.2% MIN 0.36 EUR/100 kg");
  CHECK(row_for(rows, "0710.40.00").general == "5.10% + 9.40 EUR / 100 kg / net drained wt");
  CHECK(row_for(rows, "1005.90.00").general == "10.40 EUR / tonne");
  CHECK(row_for(rows, "1006.30.21").general == "175.00 EUR / tonne");
  CHECK(row_for(rows, "9504.40.00").general == "2.7%");
  for (const char* code : {"0101.21.00", "0105.11.11", "0207.45.41", "0710.40.00", "0808.10.10",
                           "1005.90.00", "1006.30.21", "1602.31.11", "1902.30.10",
                           "1902.30.10.10", "2008.93.11", "2204.21.97.31", "9504.40.00"}) {
    INFO(code);
    CHECK(reads(row_for(rows, code).general));
  }
  // Kept as published, and priced with an error: seasonal rates, entry prices, EA.
  CHECK(row_for(rows, "0702.00.00").general == "Entry Price");
  CHECK(row_for(rows, "0405.20.10").general == "9.00% + EA");
  CHECK_FALSE(reads(row_for(rows, "0702.00.00").general));
  CHECK_FALSE(reads(row_for(rows, "0405.20.10").general));
  CHECK_FALSE(reads(row_for(rows, "0302.41.00").general));

  // A TARIC line under its CN line is indented; one whose CN line is absent is not.
  CHECK(row_for(rows, "1902.30.10.10").indent == 1);
  CHECK(row_for(rows, "1902.30.10.10").general == "6.4% + 24.6 EUR/100 kg");
  CHECK(row_for(rows, "2008.93.91.20").indent == 1);
  CHECK(row_for(rows, "2204.21.97.31").indent == 0);

  // What the importer writes, the loader reads.
  std::string table;
  dutycalc::schedule::write_lines_table(table, rows);
  dutycalc::schedule::Nomenclature nomenclature;
  dutycalc::schedule::parse_lines_table(table, "t.csv", nomenclature);
  CHECK(nomenclature.lines().size() == 20);
}

TEST_CASE("read_eu_cn_csv errors") {
  CHECK(error_of("") == "in.csv: empty file: expected the UK-published CSV of the EU CET 2020 "
                        "(global-uk-tariff.csv)");
  CHECK(error_of("commodity,description\n") ==
        "in.csv:1:1: missing column 'cet_duty_rate' in the header: is this the UK-published CSV "
        "of the EU CET 2020 (global-uk-tariff.csv)?");
  CHECK(error_of(k_header + "010121,Horses,0.0%,0.0%\n") ==
        "in.csv:2:1: code '010121' has 6 digits: CN codes have 8, TARIC codes 10");
  CHECK(error_of(k_header + "0101210,Horses,0.0%,0.0%\n") ==
        "in.csv:2:1: HS code '0101210' has an odd number of digits");
  CHECK(error_of(k_header + "0101A100,Horses,0.0%,0.0%\n").starts_with("in.csv:2:1: "));
  CHECK(error_of(k_header + "01012100,Horses,0.0%,0.0%\n01012100,Again,1.0%,0.0%\n") ==
        "in.csv:3:1: duplicate code 0101.21.00 (first at line 2)");
  CHECK(error_of(k_header + "01012100,Horses, ,0.0%\n") == "in.csv:2:17: empty cet_duty_rate");
  CHECK(error_of(k_header + "01012100,Horses\n") ==
        "in.csv:2:16: expected at least 3 fields, found 2");
}

// The bundled table, as the importer made it: which rates the grammar reads. A new unreadable
// form (after an import or a grammar change) fails here; schedules/eu/README.md gives the counts.
TEST_CASE("read_eu_cn_csv: CN 2020 rates the grammar reads") {
  std::ifstream in(std::string(DUTYCALC_SOURCE_DIR) + "/schedules/eu/cn-2020.csv",
                   std::ios::binary);
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  dutycalc::schedule::Nomenclature nomenclature;
  dutycalc::schedule::parse_lines_table(text, "cn-2020.csv", nomenclature);
  REQUIRE(nomenclature.lines().size() == 11830);

  // What each unreadable rate needs: data a manifest lacks, or a unit the grammar lacks.
  const std::vector<std::pair<std::string, int>> k_kinds = {
      {" EA", 59},           {"Entry Price", 29},    {" JAN", 29},
      {"% vol / hl", 55},    {"lactic matter", 36},  {"/ gross", 7},
      {"net dry", 6},        {"sacchar.", 7},        {"std qual", 3},
      {"tot alc", 2},        {" eda", 1}};
  std::map<std::string, int> found;
  int readable = 0;
  for (const auto& line : nomenclature.lines()) {
    if (!line.general.is_prose() && !line.general.is_empty()) {
      ++readable;
      continue;
    }
    const std::string& rate = line.general.text();
    const auto kind = std::find_if(k_kinds.begin(), k_kinds.end(), [&](const auto& k) {
      return rate.find(k.first) != std::string::npos;
    });
    if (kind == k_kinds.end()) FAIL_CHECK(line.code.formatted() << ": " << rate);
    else ++found[kind->first];
  }
  CHECK(readable == 11596);
  for (const auto& [needle, count] : k_kinds) {
    INFO(needle);
    CHECK(found[needle] == count);
  }
}
