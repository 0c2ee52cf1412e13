#include <dutycalc/country.hpp>

#include <catch2/catch.hpp>

#include <string>

using dutycalc::is_country_code;

TEST_CASE("is_country_code", "[manifest]") {
  CHECK(is_country_code("JP"));
  CHECK(is_country_code("US"));
  CHECK(is_country_code("AD")); // first in the list
  CHECK(is_country_code("ZW")); // last
  CHECK(is_country_code("XK")); // Kosovo: user-assigned, used by customs
  CHECK_FALSE(is_country_code("XX"));
  CHECK_FALSE(is_country_code("EU")); // reserved, not a country
  CHECK_FALSE(is_country_code("UK")); // reserved; the United Kingdom is GB
  CHECK_FALSE(is_country_code("jp"));
  CHECK_FALSE(is_country_code("J"));
  CHECK_FALSE(is_country_code("JPN"));
  CHECK_FALSE(is_country_code(""));
  CHECK_FALSE(is_country_code("J@"));

  int assigned = 0;
  for (char a = 'A'; a <= 'Z'; ++a)
    for (char b = 'A'; b <= 'Z'; ++b)
      if (is_country_code(std::string{a, b})) ++assigned;
  CHECK(assigned == 250); // 249 ISO 3166-1 codes and XK
}
