#include <dutycalc/error.hpp>
#include <dutycalc/importers/hts_csv.hpp>
#include <dutycalc/importers/hts_json.hpp>
#include <dutycalc/schedule/lines_table.hpp>
#include <dutycalc/schedule/nomenclature.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <sstream>

using dutycalc::importers::read_hts_json;
using dutycalc::schedule::LineRow;

namespace {

std::string data_file(const std::string& name) {
  std::ifstream in(std::string(DUTYCALC_TEST_DATA) + "/importers/" + name, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string error_of(const std::string& text) {
  try {
    read_hts_json(text, "in.json");
  } catch (const dutycalc::Error& e) {
    return e.what();
  }
  return "no error";
}

// A record with every required key; `rest` goes before its closing brace.
std::string record(const std::string& code, const std::string& rest = "") {
  return R"({"htsno": ")" + code + R"(", "indent": "0", "description": "x", "units": [], )" +
         R"("general": "", "special": "", "other": "")" + rest + "}";
}

std::string fields(const LineRow& row) {
  return row.hs_code + "|" + std::to_string(row.indent) + "|" + row.description + "|" +
         row.units + "|" + row.general + "|" + row.special + "|" + row.column2 + "|" +
         row.footnotes;
}

} // namespace

// The twelve verbatim records of the USITC JSON export in tests/data/importers/ (see README.md).
TEST_CASE("read_hts_json: sample records") {
  const auto rows = read_hts_json(data_file("hts_json_sample.json"), "sample.json");
  REQUIRE(rows.size() == 12);
  const std::string all = "general: See 9903.91.01.; column2: See 9903.90.09.";
  CHECK(fields(rows[0]) == "7601|0|Unwrought aluminum:|||||");
  CHECK(fields(rows[1]) ==
        "7601.10.30.00|2|Of uniform cross section throughout its length, the least "
        "cross-sectional dimension of which is not greater than 9.5 mm, in coils|kg|2.6%|Free "
        "(A,AU,BH,CL,CO,D,E,IL,JO,KR,MA, OM,P,PA,PE,S,SG)|18.5%|" + all);
  CHECK(fields(rows[2]) == "7601.10.60|2|Other||Free||11%|" + all);
  CHECK(fields(rows[3]) == "7604.10.10.00|2|Profiles|kg|5%|Free "
                           "(A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)|45%|general: See "
                           "9903.91.01.");
  CHECK(fields(rows[4]) == "|2|Bars and rods:|||||");
  CHECK(fields(rows[5]) == "7203.10.00.00|1|Ferrous products obtained by direct reduction of "
                           "iron ore|t|Free||$2.21/t|general: See 9903.88.03.; column2: See "
                           "9903.90.09.");
  CHECK(fields(rows[6]) == "7202.92.00.00|2|Ferrovanadium|kg;V kg|4.2%|Free "
                           "(A+,AU,BH,CL,CO,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)|25%|general: See "
                           "9903.88.03.; column2: See 9903.90.09.");
  CHECK(fields(rows[7]) == "7208.25.60.00|3|Other|kg|Free||0.4¢/kg + 20%|general: See 9903.91.01.");
  CHECK(fields(rows[8]) == "7208.36.00|2|Of a thickness exceeding 10 mm||Free||20%|" + all);
  CHECK(fields(rows[9]) == "8308.10.00.00|1|Hooks, eyes and eyelets|kg|1.1¢/kg + 2.9%|Free "
                           "(A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)|10¢/kg + 25%|general: "
                           "See 9903.88.03.");
  CHECK(fields(rows[10]) == "0101.30.00.00|1|Asses|No.|6.8%|Free "
                            "(A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)|15%|general: See "
                            "9903.88.15.");
  CHECK(fields(rows[11]) == "0102.29.40|3|Other||1¢/kg|Free "
                            "(A+,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)|5.5¢/kg|general: See "
                            "9903.88.15.");
  // Each row remembers the line where its record starts.
  CHECK(rows[0].source_line == 2);
  CHECK(rows[1].source_line == 16);

  // What the importer writes, the loader reads.
  std::string table;
  dutycalc::schedule::write_lines_table(table, rows);
  dutycalc::schedule::Nomenclature nomenclature;
  dutycalc::schedule::parse_lines_table(table, "t.csv", nomenclature);
  CHECK(nomenclature.lines().size() == 12);
}

// The same records of the HTS 2024 in both export formats (make_hts_json_fixtures.py) give the
// same rows; footnotes exist only in the JSON export.
TEST_CASE("read_hts_json: the same rows as read_hts_csv") {
  std::istringstream csv(data_file("hts_2024_json_excerpt.csv"));
  const auto from_csv = dutycalc::importers::read_hts_csv(csv, "excerpt.csv");
  const auto from_json = read_hts_json(data_file("hts_2024_json_excerpt.json"), "excerpt.json");
  REQUIRE(from_csv.size() == 452);
  REQUIRE(from_json.size() == from_csv.size());
  int with_footnotes = 0;
  for (std::size_t i = 0; i < from_csv.size(); ++i) {
    INFO("row " << i << ": " << from_csv[i].hs_code);
    LineRow json_row = from_json[i];
    CHECK(from_csv[i].footnotes.empty());
    with_footnotes += json_row.footnotes.empty() ? 0 : 1;
    json_row.footnotes.clear();
    CHECK(fields(json_row) == fields(from_csv[i]));
  }
  CHECK(with_footnotes == 7);
  // Markup made plain text, in both.
  for (const auto& row : from_json) {
    CHECK(row.description.find('<') == std::string::npos);
    CHECK(row.units.find('<') == std::string::npos);
  }
}

TEST_CASE("read_hts_json: values and keys") {
  // Unknown keys are skipped whatever they hold; superior, quotaQuantity and additionalDuties
  // are not carried; null is no text; indent may be a number.
  const auto rows = read_hts_json(
      "[" + record("7208", R"(, "superior": "true", "quotaQuantity": "", "additionalDuties": "",)"
                           R"( "addiitionalDuties": null, "new": {"a": [1, {"b": null}]})") +
          R"(, {"htsno": null, "indent": 3, "description": "a\u0000b\t<b>c</b>", "units": null,)"
          R"( "general": null, "special": null, "other": null, "footnotes": null}])",
      "in.json");
  REQUIRE(rows.size() == 2);
  CHECK(fields(rows[0]) == "7208|0|x|||||");
  CHECK(fields(rows[1]) == "|3|a b c|||||");

  // Units: plain text, empty ones dropped, joined with ';'.
  const auto with_units = read_hts_json(
      R"([{"htsno": "7208", "indent": "0", "description": "x", "general": "", "special": "",)"
      R"( "other": "", "units": ["<u>kg</u>", "", "m<sup>2</sup>"]}])",
      "in.json");
  CHECK(fields(with_units.at(0)) == "7208|0|x|kg;m²||||");
}

TEST_CASE("read_hts_json errors") {
  CHECK(error_of("") == "in.json: empty file: expected a USITC HTS JSON export");
  CHECK(error_of(" \n") == "in.json: empty file: expected a USITC HTS JSON export");
  CHECK(error_of(R"({"records": []})") == "in.json:1:1: expected an array of HTS records, found "
                                          "an object: is this a USITC HTS JSON export?");
  CHECK(error_of("[]") == "no error");
  CHECK(error_of("[[]]") == "in.json:1:2: expected an HTS record (an object), found an array");
  CHECK(error_of("[\n\"7208\"]") == "in.json:2:1: expected an HTS record (an object), found a "
                                    "string");
  CHECK(error_of("[" + record("7208") + ",]") == "in.json:1:111: expected a value, found ']'");
  CHECK(error_of("[" + record("7208") + "] x") ==
        "in.json:1:112: expected the end of the input, found 'x'");
  CHECK(error_of(R"([{"htsno": "7208"}])") == "in.json:1:2: missing key 'indent' in the record");
  CHECK(error_of(R"([{"htsno": "7208", "htsno": "7209"}])") ==
        "in.json:1:20: duplicate key 'htsno' in the record");
  CHECK(error_of(R"([{"description": 5}])") ==
        "in.json:1:18: 'description' is a number: expected a string or null");
  CHECK(error_of(R"([{"indent": [2]}])") ==
        "in.json:1:13: 'indent' is an array: expected a string or a number");
  CHECK(error_of(R"([{"units": "kg"}])") ==
        "in.json:1:12: 'units' is a string: expected an array of strings or null");
  CHECK(error_of(R"([{"units": ["kg", null]}])") ==
        "in.json:1:19: 'units' holds null: expected strings only");
  CHECK(error_of(R"([{"footnotes": {}}])") ==
        "in.json:1:16: 'footnotes' is an object: expected an array of objects or null");
  CHECK(error_of(R"([{"footnotes": ["See"]}])") ==
        "in.json:1:17: 'footnotes' holds a string: expected objects only");
  CHECK(error_of(R"([{"footnotes": [{"columns": "general"}]}])") ==
        "in.json:1:29: 'columns' is a string: expected an array of strings or null");
  CHECK(error_of(R"([{"footnotes": [{"columns": [1]}]}])") ==
        "in.json:1:30: 'columns' holds a number: expected strings only");
  CHECK(error_of(R"([{"footnotes": [{"value": "a", "value": "b"}]}])") ==
        "in.json:1:32: duplicate key 'value' in the footnote");
  CHECK(error_of(R"([{"footnotes": [{"value": 1}]}])") ==
        "in.json:1:27: 'value' is a number: expected a string or null");
}

TEST_CASE("read_hts_json errors: the checks of the CSV importer") {
  CHECK(error_of("[" + record("72O8") + "]") ==
        "in.json:1:12: HS code '72O8' has a character that is not a digit or '.'");
  CHECK(error_of("[" + record("7208.5") + "]") ==
        "in.json:1:12: HS code '7208.5' has an odd number of digits");
  CHECK(error_of("[" + record("720") + "]").starts_with("in.json:1:12: "));
  CHECK(error_of("[" + record("7208.51.00.30.12") + "]").starts_with("in.json:1:12: "));
  CHECK(error_of("[\n" + record("7208") + ",\n" + record("7208.00") + ",\n" + record("7208") +
                 "\n]") == "in.json:4:11: duplicate code 7208 (first at line 2)");
  CHECK(error_of(R"([{"htsno": "7208", "indent": "zero", "description": "", "units": [],)"
                 R"( "general": "", "special": "", "other": ""}])") ==
        "in.json:1:30: indent 'zero' is not a whole number");
  CHECK(error_of(R"([{"htsno": "7208", "indent": 2.5, "description": "", "units": [],)"
                 R"( "general": "", "special": "", "other": ""}])") ==
        "in.json:1:30: indent '2.5' is not a whole number");
  CHECK(error_of(R"([{"htsno": "7208", "indent": "-1", "description": "", "units": ["a;b"],)"
                 R"( "general": "", "special": "", "other": ""}])") ==
        "in.json:1:30: indent '-1' is not a whole number");
  CHECK(error_of(R"([{"htsno": "7208", "indent": "1", "description": "", "units": ["a;b"],)"
                 R"( "general": "", "special": "", "other": ""}])") ==
        "in.json:1:63: unit 'a;b' holds a ';'");
}
