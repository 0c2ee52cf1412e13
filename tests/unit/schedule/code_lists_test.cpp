#include <dutycalc/schedule/code_lists.hpp>

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using dutycalc::schedule::CodeLists;
using dutycalc::schedule::Diagnostics;
using dutycalc::schedule::Schedule;
using dutycalc::schedule::take_code_lists;

namespace {

// Each list taken as "line:column: text@line:column text@line:column ...".
std::vector<std::string> describe(const CodeLists& lists) {
  std::vector<std::string> out;
  for (const auto& [place, items] : lists) {
    std::string line = std::to_string(place.first) + ":" + std::to_string(place.second) + ":";
    for (const auto& item : items)
      line += " " + std::string(item.text) + "@" + std::to_string(item.line) + ":" +
              std::to_string(item.column);
    out.push_back(line);
  }
  return out;
}

Schedule with_edition() {
  Schedule schedule;
  dutycalc::schedule::Edition edition;
  edition.id = "E2024";
  edition.effective = *dutycalc::Date::parse("2024-01-01");
  edition.nomenclature.set_edition(edition.id);
  dutycalc::schedule::parse_lines_table(
      "# dutycalc lines format 1\n"
      "hs_code,indent,description,units,general,special,column2,footnotes\n"
      "7208.51.00,2,Thick,,Free,,20%,\n"
      "7601.10.30.00,2,Unwrought,kg,2.6%,,18.5%,\n"
      "9903.80.01,0,Steel,,The duty provided in the applicable subheading + 25%,,,\n",
      "t.csv", edition.nomenclature);
  schedule.editions.push_back(std::move(edition));
  return schedule;
}

// Every problem of a rule file, in the order found, and the error it throws without a sink.
std::vector<std::string> outcome(const std::string& text) {
  std::vector<std::string> out;
  Schedule collecting = with_edition();
  Diagnostics sink;
  parse_rules_file(text, "r.toml", collecting, &sink);
  for (const auto& d : sink.all())
    out.push_back(std::to_string(d.where.line) + ":" + std::to_string(d.where.column) + ": " +
                  d.message);
  Schedule throwing = with_edition();
  try {
    parse_rules_file(text, "r.toml", throwing);
    out.push_back("loaded " + std::to_string(throwing.measures.size()) + " measures");
  } catch (const dutycalc::Error& e) {
    out.push_back("threw " + std::to_string(e.where().line) + ":" +
                  std::to_string(e.where().column) + ": " + e.message());
  }
  return out;
}

} // namespace

TEST_CASE("take_code_lists takes plain lists out, keeping every place", "[schedule]") {
  const std::string text = "format = 1\n"
                           "[[measure]]\n"
                           "products = [\"7208\", # steel\n"
                           "  \"7601.10\",\n"
                           "  ] # end\n"
                           "exclude_products=[ \"7208.10-7208.20\" ]\n"
                           "origins = [\"all\"]\n";
  CodeLists lists;
  CHECK(take_code_lists(text, lists) == "format = 1\n"
                                        "[[measure]]\n"
                                        "products = [\n"
                                        "\n"
                                        "  ] # end\n"
                                        "exclude_products=[                   ]\n"
                                        "origins = [\"all\"]\n");
  CHECK(describe(lists) ==
        std::vector<std::string>{"3:12: 7208@3:13 7601.10@4:3", "6:18: 7208.10-7208.20@6:20"});
}

TEST_CASE("take_code_lists leaves lists that are not plain to toml++", "[schedule]") {
  for (const std::string& text : {
           std::string("products = [7208]\n"),                         // not a string
           std::string("products = [\"72\\u0030\"]\n"),                // an escape
           std::string("products = [\"7208\" \"7601\"]\n"),            // no comma
           std::string("products = [,]\n"),                            // a comma first
           std::string("products = [\"7208\"] x\n"),                   // text after the list
           std::string("products = [\"7208\"\n"),                      // unterminated
           std::string("products = [\"7208\"]\r\n"),                   // CRLF: left alone
           std::string("products = [\"\xC3\xA9\"]\n"),                 // not ASCII
           std::string("products = [ # \xC3\xA9\n\"7208\"]\n"),        // not ASCII in a comment
           std::string("  products = [\"7208\"]\n"),                   // not at the start of a line
           std::string("products.x = [\"7208\"]\n"),                   // a dotted key
           std::string("s = \"\"\"\nproducts = [\"7208\"]\n\"\"\"\n"), // in a multi-line string
       }) {
    INFO(text);
    CodeLists lists;
    CHECK(take_code_lists(text, lists) == text);
    CHECK(lists.empty());
  }
}

TEST_CASE("parse_rules_file reads taken lists as toml++ reads them", "[schedule]") {
  // A multi-line string anywhere (here in a comment) keeps every list in for toml++: each file
  // must load, and report, the same with and without it.
  const std::string steel = "format = 1\n[[measure]]\nid = \"steel\"\ntitle = \"Steel\"\n"
                            "kind = \"section-232\"\nheading = \"9903.80.01\"\n"
                            "rate = \"The duty provided in the applicable subheading + 25%\"\n"
                            "origins = [\"all\"]\nfrom = 2018-03-23\nsource = \"P 9705\"\n";
  for (const std::string& lists : {
           std::string("products = [\"7208\"]\n"),
           std::string("products = [\n  \"7208.51.00\", \"7208.99.00\", \"7601.10.30.00\",\n"
                       "  \"7208.51.00\", # again\n  \"9999.99\"]\n"
                       "exclude_products = [\"7208.51.00.60\"]\n"),
           std::string("products = [\"7208\", \"72x8\"]\n"),
           std::string("products = [\"7208\", 7]\n"),
           std::string("products = []\n"),
           std::string("products = [\"7208\"]\nproducts = [\"7601\"]\n"),
           std::string("products = [\"7208\", # c\n\"7601\"] # d\nkind = 1\n"),
           std::string("products = [\"7208\"]\nextra = [\"x\"]\n"),
       }) {
    INFO(lists);
    const std::string text = steel + lists;
    const std::vector<std::string> plain = outcome(text);
    CHECK(plain == outcome(text + "# \"\"\"\n"));
    CHECK_FALSE(plain.empty());
  }
}
