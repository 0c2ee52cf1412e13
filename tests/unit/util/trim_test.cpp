#include <dutycalc/util/trim.hpp>

#include <catch2/catch.hpp>

using dutycalc::trim_blanks;

TEST_CASE("trim_blanks drops spaces and tabs at both ends, nothing else") {
  CHECK(trim_blanks("") == "");
  CHECK(trim_blanks("KR") == "KR");
  CHECK(trim_blanks(" KR") == "KR");
  CHECK(trim_blanks("KR\t") == "KR");
  CHECK(trim_blanks(" \t 1234.56 \t ") == "1234.56");
  CHECK(trim_blanks("a b") == "a b");     // inside stays
  CHECK(trim_blanks(" \t ") == "");
  CHECK(trim_blanks("\nKR\r") == "\nKR\r"); // line ends are not blanks
}
