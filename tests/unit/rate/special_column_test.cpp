#include <dutycalc/rate/special_column.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace dutycalc::rate;

namespace {
// "rate [programmes]" per entry, "; " between entries; references marked "see:".
std::string summary(std::string_view text) {
  std::string out;
  for (const SpecialRate& r : parse_special_column(text)) {
    if (!out.empty()) out += "; ";
    if (r.is_reference) out += "see:";
    out += r.rate.is_prose() || r.rate.is_empty() ? r.rate.text() : to_string(r.rate, r.rate.root());
    out += " [";
    for (std::size_t i = 0; i < r.programmes.size(); ++i) out += (i ? "," : "") + r.programmes[i];
    out += "]";
  }
  return out;
}
} // namespace

TEST_CASE("parse_special_column", "[rate]") {
  CHECK(summary("Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA, OM,P,PA,PE,S,SG)") ==
        "Free [A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG]");
  CHECK(summary("Free (A+,AU,BH) 3.2% (JP)") == "Free [A+,AU,BH]; 3.2% [JP]");
  CHECK(summary("Free (BH,CL,CO,JO,MA,OM,P,PE,S,SG) 3.5% (KR) See 9822.04.01-9822.04.03 (AU) "
                "See 9915.02.05-9915.02.10 (P+)") ==
        "Free [BH,CL,CO,JO,MA,OM,P,PE,S,SG]; 3.5% [KR]; see:See 9822.04.01-9822.04.03 [AU]; "
        "see:See 9915.02.05-9915.02.10 [P+]");
  CHECK(summary("") == "");
}

TEST_CASE("parse_special_column hazards of the 2024 HTS", "[rate]") {
  CHECK(summary("Free(A, AU, BH)") == "Free [A,AU,BH]");
  CHECK(summary("Free \n(A+, AU)") == "Free [A+,AU]");
  CHECK(summary("Free (A*,AU,SG)2.7% (JP)") == "Free [A*,AU,SG]; 2.7% [JP]");
  CHECK(summary("Free (B,C,)") == "Free [B,C]");
  CHECK(summary("Free (AU,.OM,S+)") == "Free [AU,OM,S+]");
  CHECK(summary("Free (AU)1.3¢/liter(CL)") == "Free [AU]; 1.3¢/l [CL]");
  CHECK(summary("Free (AU) A duty upon the value of the repairs (see U.S. note 3 of this "
                "subchapter) (B,C,)") ==
        "Free [AU]; A duty upon the value of the repairs (see U.S. note 3 of this subchapter) [B,C]");
  CHECK(summary("Free, under the terms of U.S. note 1(b) to this subchapter") ==
        "Free, under the terms of U.S. note 1(b) to this subchapter []");
  CHECK(summary("Free (SG) See 9919.04.50, 9919.04.67 (PA (PA)") ==
        "Free [SG]; see:See 9919.04.50, 9919.04.67 (PA [PA]");
  CHECK(summary("The duty provided in the applicable subheading + 10% (CA, MX, S)") ==
        "the duty provided in the applicable subheading + 10% [CA,MX,S]");
  CHECK(summary("The duty provided in the applicable subheading + 25%") ==
        "the duty provided in the applicable subheading + 25% []");
  CHECK(summary("No change (A,E) Free (CA,IL, MX) See U.S. note 3(e) (CO,PE)") ==
        "the duty provided in the applicable subheading [A,E]; Free [CA,IL,MX]; "
        "see:See U.S. note 3(e) [CO,PE]");
  // Unbalanced or odd parentheses never crash.
  CHECK(summary("Free (A") == "Free (A []");
  CHECK(summary(")))(((") == ")))((( []");
  CHECK(parse_special_column("Free (ABC)").size() == 1);
  const auto offsets = parse_special_column("Free (A) 3.2% (JP)");
  REQUIRE(offsets.size() == 2);
  CHECK(offsets[1].offset == 9);
}

TEST_CASE("find_programme", "[rate]") {
  const auto rates = parse_special_column("Free (A*,AU,E*,S,S+) 3.2% (JP) 1% (A+)");
  CHECK(find_programme(rates, "JP").rate == &rates[1]);
  CHECK(find_programme(rates, "AU").symbol == "AU");
  CHECK(find_programme(rates, "A").symbol == "A*");
  CHECK(find_programme(rates, "E").symbol == "E*");
  CHECK(find_programme(rates, "S").symbol == "S");
  CHECK(find_programme(rates, "S+").symbol == "S+");
  CHECK(find_programme(rates, "A+").rate == &rates[2]);
  CHECK(find_programme(rates, "KR").rate == nullptr);
  CHECK(find_programme(rates, "").rate == nullptr);
  const auto gsp_ldc = parse_special_column("Free (A+,AU)");
  CHECK(find_programme(gsp_ldc, "A").symbol == "A+");
}
