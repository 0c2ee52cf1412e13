#include <dutycalc/rate/expression.hpp>

#include <catch2/catch.hpp>

using dutycalc::rate::added_to_base;
using dutycalc::rate::parse_expression;

TEST_CASE("added_to_base") {
  CHECK(added_to_base(parse_expression("The duty provided in the applicable subheading + 25%")) ==
        "25%");
  CHECK(added_to_base(parse_expression("The duty provided in the applicable subheading")) == "0");
  CHECK(added_to_base(parse_expression("25%")) == "25%");
  CHECK(added_to_base(parse_expression("2.2¢/kg + 10%")) == "2.2¢/kg + 10%");
  CHECK(added_to_base(parse_expression("See additional U.S. note 1")) ==
        "See additional U.S. note 1");
}
