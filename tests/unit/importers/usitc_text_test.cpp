#include <dutycalc/importers/usitc_text.hpp>

#include <catch2/catch.hpp>

using dutycalc::importers::add_unit;
using dutycalc::importers::parse_units;
using dutycalc::importers::plain_text;

TEST_CASE("plain_text") {
  CHECK(plain_text("Of a thickness of <il>4.75 mm</il> or more") ==
        "Of a thickness of 4.75 mm or more");
  CHECK(plain_text("feathers,<br /> feathers and<nl/>down") == "feathers, feathers and down");
  CHECK(plain_text("acid; <newline></newline>Methyl") == "acid; Methyl");
  CHECK(plain_text("5 x 10<sup>-6</sup> per Kelvin") == "5 x 10⁻⁶ per Kelvin");
  CHECK(plain_text("$1.13/m<sup>3</sup>") == "$1.13/m³");
  CHECK(plain_text("m<sup style=\"font-size: 9.75px;\">2<\\/sup>") == "m²");
  CHECK(plain_text("CO<sub>2</sub>, <u>kg</u>, <b>bold</b>, <i>tert</i>") ==
        "CO2, kg, bold, tert");
  CHECK(plain_text("20%<il></il>") == "20%");
  CHECK(plain_text("Free \n(A, AU,\tBH)  ") == "Free (A, AU, BH)");
  CHECK(plain_text("FD&C red 40 &amp; D&amp;C &#233; &lt;5 mm") == "FD&C red 40 & D&C é <5 mm");
  CHECK(plain_text("less than < 5 mm") == "less than < 5 mm");
  CHECK(plain_text("") == "");
  CHECK(plain_text(std::string("a\0b\x01" "c\x7F", 6)) == "a b c");
  CHECK(plain_text("x&#10;y &#1;z &#xD800;") == "x y z &#xD800;");
}

TEST_CASE("parse_units") {
  std::string why;
  using Units = std::vector<std::string>;
  CHECK(parse_units("", why) == Units{});
  CHECK(parse_units("[\"No.\",\"kg\"]", why) == Units{"No.", "kg"});
  CHECK(parse_units("[\"\"]", why) == Units{});
  CHECK(parse_units("[\"m<sup>2<\\/sup>\",\"<u>kg<\\/u>\"]", why) == Units{"m²", "kg"});
  CHECK(parse_units("[\"m<sup style=\\\"font-size: 9.75px;\\\">3<\\/sup>\"]", why) ==
        Units{"m³"});
  CHECK(parse_units("[\"\\u00b2\"]", why) == Units{"²"});
  CHECK_FALSE(parse_units("kg", why));
  CHECK(why == "units are not a JSON array of strings");
  CHECK_FALSE(parse_units("[\"kg\", 3]", why));
  CHECK(why == "units are not a JSON array of strings");
  CHECK_FALSE(parse_units("[\"kg\"", why));
  CHECK(why == "units are not valid JSON: expected ',' or ']' after an array element, found the "
               "end of the input (at byte 6 of the field)");
  CHECK_FALSE(parse_units("[\"kg", why));
  CHECK(why == "units are not valid JSON: the input ends inside a string (at byte 5 of the field)");
  CHECK_FALSE(parse_units("[\"kg\"] x", why));
  CHECK(why == "units are not valid JSON: expected the end of the input, found 'x' (at byte 8 of "
               "the field)");
  CHECK_FALSE(parse_units("[\"\\uD800\"]", why));
  CHECK(why == "units are not valid JSON: lone surrogate \\uD800: expected a low surrogate "
               "(\\uDC00 to \\uDFFF) after it, found '\"' (at byte 9 of the field)");
  CHECK(parse_units("[\"\\uD83D\\uDE00\", \"a\\nb\"]", why) == Units{"😀", "a b"});
}

TEST_CASE("add_unit") {
  std::vector<std::string> units;
  add_unit("<u>kg</u>", units);
  add_unit(" <il></il> ", units);
  add_unit("m<sup>2</sup>", units);
  CHECK(units == std::vector<std::string>{"kg", "m²"});
}
