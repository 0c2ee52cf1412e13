#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/manifest/manifest_line.hpp>

#include <catch2/catch.hpp>

#include <sstream>
#include <string>

using dutycalc::Currency;
using dutycalc::Date;
using dutycalc::Decimal;
using dutycalc::manifest::ColumnMap;
using dutycalc::manifest::CsvReader;
using dutycalc::manifest::CsvRecord;
using dutycalc::manifest::ManifestLine;
using dutycalc::manifest::TransportMode;
using dutycalc::rate::Unit;

namespace {
// A manifest in memory: the header is read on construction, lines one by one.
class Manifest {
public:
  explicit Manifest(const std::string& text) : m_input(text), m_reader(m_input, "m.csv") {
    REQUIRE(m_reader.next(m_header));
    m_columns = ColumnMap::from_header(m_header, "m.csv");
  }

  const ManifestLine& next() {
    REQUIRE(m_reader.next(m_record));
    read_line(m_record, m_columns, m_line);
    return m_line;
  }

  // The next line's problem as "line:column: message", or "" when it has none.
  std::string problem() {
    const ManifestLine& line = next();
    if (!line.problem) return "";
    return std::to_string(line.problem->line) + ":" + std::to_string(line.problem->column) + ": " +
           line.problem->message;
  }

private:
  std::istringstream m_input;
  CsvReader m_reader;
  CsvRecord m_header;
  CsvRecord m_record;
  ColumnMap m_columns;
  ManifestLine m_line;
};

std::string problem_of(const std::string& header, const std::string& line) {
  Manifest manifest(header + "\n" + line + "\n");
  return manifest.problem();
}

const std::string k_basic = "hs_code,origin,value";
Decimal dec(const char* text) { return Decimal::parse(text).value(); }
} // namespace

TEST_CASE("read_line reads every column", "[manifest]") {
  Manifest manifest(
      "entry,line,hs_code,origin,value,date,currency,quantity,unit,mode,program,freight,"
      "insurance,melt_country,destination,export_date,quantity_no,note\n"
      "E1, 7 ,7208.51.0030, jp ,100000.50,2022-05-02,eur,80000,kg,Ocean, KR ,1200,30.5,kr,de,"
      "2022-04-01,12,anything\n");
  const ManifestLine& line = manifest.next();
  REQUIRE_FALSE(line.problem);
  CHECK(line.line == 2);
  CHECK(line.entry == "E1");
  CHECK(line.line_id == "7");
  CHECK(line.code.digits() == "7208510030");
  CHECK(line.origin == std::array<char, 2>{'J', 'P'});
  CHECK(line.value == dec("100000.5"));
  CHECK(line.date == Date::parse("2022-05-02"));
  CHECK(line.currency == Currency::eur());
  CHECK(line.quantities.in(Unit::kg) == dec("80000"));
  CHECK(line.quantities.in(Unit::each) == dec("12"));
  CHECK(line.mode == TransportMode::vessel);
  CHECK(line.program == "KR");
  CHECK(line.freight == dec("1200"));
  CHECK(line.insurance == dec("30.5"));
  CHECK(line.melt_country == std::array<char, 2>{'K', 'R'});
  CHECK(line.destination == std::array<char, 2>{'D', 'E'});
  CHECK(line.export_date == Date::parse("2022-04-01"));
}

TEST_CASE("read_line leaves optional fields unset when empty", "[manifest]") {
  Manifest manifest("hs_code,origin,value,date,currency,quantity,unit,mode,melt_country\n"
                    "720851,US,0,,,,kg,,\n");
  const ManifestLine& line = manifest.next();
  REQUIRE_FALSE(line.problem);
  CHECK_FALSE(line.date);
  CHECK_FALSE(line.currency);
  CHECK(line.quantities.empty());
  CHECK(line.mode == TransportMode::unknown);
  CHECK(line.melt_country == std::array<char, 2>{0, 0});
  CHECK(line.value.is_zero());
}

TEST_CASE("read_line reads transport modes", "[manifest]") {
  Manifest manifest("hs_code,origin,value,mode\n"
                    "720851,US,1,vessel\n720851,US,1,SEA\n720851,US,1,air\n720851,US,1,Road\n"
                    "720851,US,1,truck\n720851,US,1,rail\n720851,US,1,postal\n720851,US,1,mail\n");
  for (TransportMode mode : {TransportMode::vessel, TransportMode::vessel, TransportMode::air,
                             TransportMode::truck, TransportMode::truck, TransportMode::rail,
                             TransportMode::mail, TransportMode::mail})
    CHECK(manifest.next().mode == mode);
}

TEST_CASE("read_line reports a bad HS code", "[manifest]") {
  CHECK(problem_of(k_basic, "72085,JP,1") == "2:1: HS code '72085' has fewer than 6 digits");
  CHECK(problem_of(k_basic, "7208x1,JP,1") ==
        "2:1: HS code '7208x1' has a character that is not a digit or '.'");
  CHECK(problem_of(k_basic, "72085100301,JP,1") ==
        "2:1: HS code '72085100301' has more than 10 digits");
  CHECK(problem_of(k_basic, " ,JP,1") == "2:1: missing hs_code");
  CHECK(problem_of(k_basic, std::string(50, '7') + ",JP,1") ==
        "2:1: HS code '7777777777777777777777777777777777777777...' is too long (6 to 10 digits "
        "expected)");
}

TEST_CASE("read_line reports a bad origin", "[manifest]") {
  CHECK(problem_of(k_basic, "720851,XX,1") ==
        "2:8: unknown origin country 'XX' (ISO 3166-1 alpha-2 expected)");
  CHECK(problem_of(k_basic, "720851,Japan,1") ==
        "2:8: unknown origin country 'Japan' (ISO 3166-1 alpha-2 expected)");
  CHECK(problem_of(k_basic, "720851,,1") == "2:8: missing origin");
  CHECK(problem_of(k_basic, "720851,xk,1").empty()); // Kosovo
}

TEST_CASE("read_line reports a bad value", "[manifest]") {
  CHECK(problem_of(k_basic, "720851,JP,-1") == "2:11: negative value '-1'");
  CHECK(problem_of(k_basic, "720851,JP,\"12,5O\"") ==
        "2:11: value '12,5O' is not a plain decimal number (digits with an optional '.'; no "
        "thousands separators or exponents)");
  CHECK(problem_of(k_basic, "720851,JP,1e5") ==
        "2:11: value '1e5' is not a plain decimal number (digits with an optional '.'; no "
        "thousands separators or exponents)");
  CHECK(problem_of(k_basic, "720851,JP,1234567890123456789012345678901234567890") ==
        "2:11: value '1234567890123456789012345678901234567890' is too large");
  CHECK(problem_of(k_basic, "720851,JP,0.0000000000001") ==
        "2:11: value '0.0000000000001' has more than 12 decimal places");
  CHECK(problem_of(k_basic, "720851,JP,") == "2:11: missing value");
  CHECK(problem_of(k_basic, "720851,JP,-0").empty());
  // Long fields are shortened in messages, at a character boundary.
  CHECK(problem_of(k_basic, "720851,JP,\xC3\xA9" + std::string(50, 'x')) ==
        "2:11: value '\xC3\xA9" + std::string(38, 'x') +
            "...' is not a plain decimal number (digits with an optional '.'; no thousands "
            "separators or exponents)");
}

TEST_CASE("read_line reports bad freight, insurance and quantities", "[manifest]") {
  const std::string header = "hs_code,origin,value,freight,insurance,quantity,unit,quantity_kg";
  CHECK(problem_of(header, "720851,JP,1,-5,,,,") == "2:13: negative freight '-5'");
  CHECK(problem_of(header, "720851,JP,1,,x,,,") ==
        "2:14: insurance 'x' is not a plain decimal number (digits with an optional '.'; no "
        "thousands separators or exponents)");
  CHECK(problem_of(header, "720851,JP,1,,,-2,kg,") == "2:15: negative quantity '-2'");
  CHECK(problem_of(header, "720851,JP,1,,,50,,") ==
        "2:15: quantity '50' has no unit (give it in a 'unit' column, or use a column such as "
        "'quantity_kg')");
  CHECK(problem_of(header, "720851,JP,1,,,50,furlongs,") == "2:18: unknown unit 'furlongs'");
  CHECK(problem_of(header, "720851,JP,1,,,,,1.5.0") ==
        "2:17: quantity_kg '1.5.0' is not a plain decimal number (digits with an optional '.'; "
        "no thousands separators or exponents)");
  CHECK(problem_of("hs_code,origin,value,quantity", "720851,JP,1,50") ==
        "2:13: quantity '50' has no unit (give it in a 'unit' column, or use a column such as "
        "'quantity_kg')");
}

TEST_CASE("read_line reports bad dates, currency, mode and countries", "[manifest]") {
  const std::string header = "hs_code,origin,value,x";
  CHECK(problem_of("hs_code,origin,value,date", "720851,JP,1,2021-02-30") ==
        "2:13: date '2021-02-30' is not a valid YYYY-MM-DD date");
  CHECK(problem_of("hs_code,origin,value,export_date", "720851,JP,1,21/11/15") ==
        "2:13: export_date '21/11/15' is not a valid YYYY-MM-DD date");
  CHECK(problem_of("hs_code,origin,value,currency", "720851,JP,1,XYZ") ==
        "2:13: unknown currency 'XYZ' (ISO 4217 code expected)");
  CHECK(problem_of("hs_code,origin,value,currency", "720851,JP,1,dollars") ==
        "2:13: unknown currency 'dollars' (ISO 4217 code expected)");
  CHECK(problem_of("hs_code,origin,value,mode", "720851,JP,1,boat") ==
        "2:13: unknown transport mode 'boat' (vessel, air, truck, rail or mail expected)");
  CHECK(problem_of("hs_code,origin,value,melt_country", "720851,JP,1,XX") ==
        "2:13: unknown melt country 'XX' (ISO 3166-1 alpha-2 expected)");
  CHECK(problem_of("hs_code,origin,value,destination", "720851,JP,1,EU") ==
        "2:13: unknown destination country 'EU' (ISO 3166-1 alpha-2 expected)");
}

TEST_CASE("read_line checks the field count", "[manifest]") {
  CHECK(problem_of(k_basic, "720851,JP,1,234.56") ==
        "2:13: record has 4 fields but the header has 3");
  CHECK(problem_of(k_basic, "720851,JP") == "2:10: missing value");
  CHECK(problem_of(k_basic, "720851") == "2:7: missing origin");
}

TEST_CASE("read_line turns a CSV problem into the line's problem", "[manifest]") {
  CHECK(problem_of(k_basic, "720851,JP,1\"00") == "2:12: quote inside an unquoted field");
  Manifest manifest("entry,hs_code,origin,value\nE9,720851,JP,\"100\n");
  const ManifestLine& line = manifest.next();
  REQUIRE(line.problem);
  CHECK(line.problem->message == "unterminated quoted field");
  CHECK(line.entry == "E9"); // still known, for grouping the error record
}

TEST_CASE("read_line keeps the first problem in field order", "[manifest]") {
  CHECK(problem_of("value,origin,hs_code", "-1,XX,1") == "2:1: negative value '-1'");
  CHECK(problem_of(k_basic, "1,XX,-1") == "2:1: HS code '1' has fewer than 6 digits");
}

TEST_CASE("read_line places problems on the field's own line", "[manifest]") {
  Manifest manifest("note,hs_code,origin,value\n\"two\nlines\",720851,JP,x\n");
  CHECK(manifest.problem() ==
        "3:18: value 'x' is not a plain decimal number (digits with an optional '.'; no "
        "thousands separators or exponents)");
}

TEST_CASE("read_line resets the previous line", "[manifest]") {
  Manifest manifest("hs_code,origin,value,quantity_kg\n720851,JP,x,1\n720851,JP,2,\n");
  CHECK(manifest.next().problem);
  const ManifestLine& second = manifest.next();
  CHECK_FALSE(second.problem);
  CHECK(second.quantities.empty());
  CHECK(second.value == dec("2"));
}
