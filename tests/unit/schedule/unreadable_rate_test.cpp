#include <dutycalc/schedule/unreadable_rate.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <string>

using dutycalc::schedule::classify_unreadable_rate;
using dutycalc::schedule::UnreadableRate;

namespace {
UnreadableRate classify(const std::string& text) {
  const auto rate = dutycalc::rate::parse_expression(text);
  REQUIRE(rate.is_prose());
  return classify_unreadable_rate(text, rate.problem());
}
} // namespace

TEST_CASE("classify_unreadable_rate") {
  CHECK(classify("2,6%") == UnreadableRate::mistyped_number);
  CHECK(classify("12,5O%") == UnreadableRate::mistyped_number);
  CHECK(classify("12.5O%") == UnreadableRate::mistyped_number);
  CHECK(classify("3.O%") == UnreadableRate::mistyped_number);
  CHECK(classify("1O%") == UnreadableRate::mistyped_number);
  CHECK(classify("O5%") == UnreadableRate::mistyped_number);
  CHECK(classify("5kgg") == UnreadableRate::mistyped_number);
  CHECK(classify("Free + 2,5%") == UnreadableRate::mistyped_number);
  CHECK(classify("37% /") == UnreadableRate::no_words);
  CHECK(classify(":") == UnreadableRate::no_words);
  CHECK(classify("5%%") == UnreadableRate::no_words);
  CHECK(classify("1.5 percent of the fair retail value") == UnreadableRate::prose);
  CHECK(classify("10¢/pack + 20%") == UnreadableRate::prose);
  CHECK(classify("The rate applicable in the absence of this heading") == UnreadableRate::prose);
  CHECK(classify("15.00% (01 JAN-14 FEB, 16 JUN-31 DEC), 0.00% (15 FEB-15 JUN)") ==
        UnreadableRate::prose);
  CHECK(classify("9.00% + EA MAX 18.70% + ADSZ") == UnreadableRate::prose);
}

// The prose of the 2024 HTS is never taken for a typo: a lines table keeps it on purpose.
TEST_CASE("classify_unreadable_rate: the HTS 2024 prose") {
  std::ifstream in(std::string(DUTYCALC_TEST_DATA) + "/rate/prose_texts.txt");
  REQUIRE(in);
  std::string line;
  int texts = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::string text; // undo the list's escapes (\n, \r, \t, \\)
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line[i] != '\\' || i + 1 == line.size()) {
        text += line[i];
        continue;
      }
      const char c = line[++i];
      text += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
    }
    const auto rate = dutycalc::rate::parse_expression(text);
    if (!rate.is_prose()) continue; // special-column entries are read by parse_special_column
    ++texts;
    INFO(text);
    const UnreadableRate kind = classify_unreadable_rate(text, rate.problem());
    if (text == "37% /" || text == ":") CHECK(kind == UnreadableRate::no_words);
    else CHECK(kind == UnreadableRate::prose);
  }
  CHECK(texts > 60);
}
