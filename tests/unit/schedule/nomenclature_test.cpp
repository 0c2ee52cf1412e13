#include <dutycalc/error.hpp>
#include <dutycalc/schedule/nomenclature.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>

using dutycalc::HsCode;
using dutycalc::schedule::Nomenclature;

namespace {

// Real lines of the HTS 2024 Basic Edition (shortened), plus made-up ten-digit rated lines.
constexpr std::string_view k_table = R"(# dutycalc lines format 1
hs_code,indent,description,units,general,special,column2,footnotes
7208,0,Flat-rolled products of iron or nonalloy steel,,,,,
,1,"Other, not in coils:",,,,,
7208.51.00,2,Of a thickness exceeding 10 mm,,Free,,20%,
7208.51.00.30,3,Universal mill plate,kg,,,,
7208.51.00.60,3,Other,kg,,,,
7208.52.00.00,2,Of a thickness of 4.75 mm or more,kg,Free,,20%,
0804.50,1,"Guavas, mangoes and mangosteens:",,,,,
0804.50.40,2,If entered from September 1 to May 31,,6.6¢/kg,,33.1¢/kg,
0804.50.60,2,If entered at any other time,,6.6¢/kg,,33.1¢/kg,
0804.50.80,2,Dried,,1.5¢/kg,,33.1¢/kg,
0804.50.80.10,3,Mangoes,kg,,,,
2710.19.05,1,Made-up own-rate line,,,,,
2710.19.05.10,2,Rated at ten digits,bbl,5.25¢/bbl,,,
2710.19.05.20,2,Also rated at ten digits,bbl,10.5¢/bbl,,,
)";

Nomenclature table() {
  Nomenclature nomenclature;
  nomenclature.set_edition("Test Edition");
  dutycalc::schedule::parse_lines_table(k_table, "t.csv", nomenclature);
  return nomenclature;
}

HsCode code(const char* text) { return HsCode::parse(text, 4).value(); }

} // namespace

TEST_CASE("Nomenclature::resolve") {
  const Nomenclature nomenclature = table();
  const auto rated_code = [&](const char* text) {
    const auto r = nomenclature.resolve(code(text));
    REQUIRE(r.problem.empty());
    REQUIRE(r.rated != nullptr);
    REQUIRE(r.line != nullptr);
    return r.rated->code.formatted() + " " + r.rated->general.text();
  };
  const auto problem = [&](const char* text) {
    const auto r = nomenclature.resolve(code(text));
    CHECK(r.rated == nullptr);
    return r.problem;
  };

  SECTION("an exact line with its own rate") {
    CHECK(rated_code("7208.52.00.00") == "7208.52.00.00 Free");
    CHECK(rated_code("0804.50.80") == "0804.50.80 1.5¢/kg");
  }
  SECTION("a ten-digit line inherits its eight-digit line's rate") {
    const auto r = nomenclature.resolve(code("7208510030"));
    REQUIRE(r.line != nullptr);
    CHECK(r.line->description == "Universal mill plate");
    CHECK(r.line->units == "kg");
    CHECK(rated_code("7208.51.00.30") == "7208.51.00 Free");
    CHECK(rated_code("0804.50.80.10") == "0804.50.80 1.5¢/kg");
  }
  SECTION("a ten-digit line with a rate of its own") {
    CHECK(rated_code("2710.19.05.10") == "2710.19.05.10 5.25¢/bbl");
    CHECK(rated_code("2710.19.05.20") == "2710.19.05.20 10.5¢/bbl");
  }
  SECTION("a short code whose subheadings share one rate") {
    CHECK(rated_code("7208.51") == "7208.51.00 Free"); // not itself a line
    CHECK(rated_code("7208") == "7208.51.00 Free");    // a heading: every line below is Free
    CHECK(nomenclature.resolve(code("7208")).line->description ==
          "Flat-rolled products of iron or nonalloy steel");
  }
  SECTION("a short code whose subheadings differ") {
    CHECK(problem("0804.50") ==
          "0804.50 covers subheadings with different rates in Test Edition; give 8 or 10 digits");
    CHECK(problem("2710.19.05") ==
          "2710.19.05 covers subheadings with different rates in Test Edition; give 10 digits");
  }
  SECTION("an unknown code names the nearest known ancestor") {
    CHECK(problem("7208.51.00.99") == "7208.51.00.99 is not in Test Edition (nearest: 7208.51.00)");
    CHECK(problem("7208.99") == "7208.99 is not in Test Edition (nearest: 7208)");
    CHECK(problem("9999.99.99") == "9999.99.99 is not in Test Edition");
  }
}

TEST_CASE("Nomenclature::find") {
  const Nomenclature nomenclature = table();
  CHECK(nomenclature.find(code("7208.51.00.60"))->description == "Other");
  CHECK(nomenclature.find(code("7208.51")) == nullptr);
  CHECK(nomenclature.lines().size() == 14);
  CHECK(nomenclature.coded_count() == 13);
  CHECK(nomenclature.lines()[1].code.length() == 0); // heading text kept, in file order
  CHECK(nomenclature.lines()[1].description == "Other, not in coils:");
}

TEST_CASE("Nomenclature::finish") {
  Nomenclature nomenclature;
  const std::string text = "# dutycalc lines format 1\n"
                           "hs_code,indent,description,units,general,special,column2,footnotes\n"
                           "7208.51.00,2,Thick,,Free,,20%,\n"
                           "7208.51.00.30,3,Plate,kg,,,,\n"
                           "7208.51.0030,3,Plate again,kg,,,,\n";
  try {
    dutycalc::schedule::parse_lines_table(text, "t.csv", nomenclature);
    FAIL("no error");
  } catch (const dutycalc::Error& e) {
    CHECK(std::string(e.what()) == "t.csv:5:1: duplicate code 7208.51.00.30 (first at line 4)");
  }
}

TEST_CASE("Nomenclature::finish with a sink") {
  Nomenclature nomenclature;
  dutycalc::schedule::Diagnostics sink;
  dutycalc::schedule::parse_lines_table(
      "# dutycalc lines format 1\n"
      "hs_code,indent,description,units,general,special,column2,footnotes\n"
      "7208.51.00,2,Thick,,Free,,20%,\n"
      "7208.51.00.30,3,Plate,kg,,,,\n"
      "7208.51.0030,3,Plate again,kg,,,,\n"
      "7208.51.00,2,Thick again,,5%,,,\n",
      "t.csv", nomenclature, &sink);
  REQUIRE(sink.all().size() == 2);
  CHECK(sink.all()[0].message == "duplicate code 7208.51.00.30 (first at line 4)");
  CHECK(sink.all()[1].message == "duplicate code 7208.51.00 (first at line 3)");
  // The first line with the code is the one looked up.
  const auto r = nomenclature.resolve(*dutycalc::HsCode::parse("7208.51.00.30"));
  REQUIRE(r.rated);
  CHECK(r.line->description == "Plate");
  CHECK(r.rated->general.text() == "Free");
}
