// Every rate text of the 2024 US HTS basic edition either parses or is a known piece of legal
// prose: a new unreadable form in the data fails here. Data: tests/data/rate/README.md.
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/rate/special_column.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace dutycalc::rate;

namespace {

// The data files escape newline, carriage return, tab and backslash as \n, \r, \t and \\.
std::string unescape(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 == text.size()) {
      out += text[i];
      continue;
    }
    const char c = text[++i];
    out += c == 'n' ? '\n' : c == 'r' ? '\r' : c == 't' ? '\t' : c;
  }
  return out;
}

std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c == '\\') out += "\\\\";
    else out += c;
  }
  return out;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE(file.good());
  std::vector<std::string> lines;
  for (std::string line; std::getline(file, line);)
    if (!line.empty() && line[0] != '#') lines.push_back(line);
  return lines;
}

const std::string k_data = DUTYCALC_TEST_DATA "/rate/";

} // namespace

TEST_CASE("parse_expression and parse_special_column: 2024 HTS coverage", "[rate]") {
  std::set<std::string> prose;
  for (const auto& line : read_lines(k_data + "prose_texts.txt")) prose.insert(unescape(line));
  std::set<std::string> prose_seen;
  std::vector<std::string> unreadable;

  const auto texts = read_lines(k_data + "hts_2024_rate_texts.txt");
  CHECK(texts.size() > 2000);
  std::size_t parsed = 0;
  for (const auto& line : texts) {
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string column = line.substr(0, tab);
    const std::string text = unescape(line.substr(tab + 1));
    std::vector<std::string> parts;
    if (column == "special") {
      for (const SpecialRate& rate : parse_special_column(text)) {
        if (rate.is_reference) continue; // "See 9822.04.01 (AU)": points elsewhere, by design
        if (!rate.rate.is_prose() && !rate.rate.is_empty()) {
          ++parsed;
          continue;
        }
        parts.push_back(rate.rate.text());
      }
    } else {
      const Expression expression = parse_expression(text);
      if (!expression.is_prose()) {
        ++parsed;
        continue;
      }
      parts.push_back(expression.text());
    }
    for (const auto& part : parts) {
      if (prose.count(part) != 0) prose_seen.insert(part);
      else unreadable.push_back(column + ": " + part);
    }
  }
  std::string report;
  for (const auto& u : unreadable) report += u + "\n";
  // DUTYCALC_WRITE_PROSE=FILE writes every unreadable text, escaped, to FILE: review it before
  // replacing prose_texts.txt with it (tests/data/rate/README.md).
  if (const char* path = std::getenv("DUTYCALC_WRITE_PROSE")) {
    std::ofstream out(path, std::ios::binary);
    std::set<std::string> all(prose_seen);
    for (const auto& u : unreadable) all.insert(u.substr(u.find(": ") + 2));
    for (const auto& text : all) out << escape(text) << '\n';
  }
  INFO("unreadable texts not listed in tests/data/rate/prose_texts.txt:\n" << report);
  CHECK(unreadable.empty());
  std::string stale;
  for (const auto& p : prose)
    if (prose_seen.count(p) == 0) stale += p + "\n";
  INFO("prose_texts.txt lists texts that now parse or no longer occur:\n" << stale);
  CHECK(stale.empty());
  CHECK(parsed > 2000);
}
