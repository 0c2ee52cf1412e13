#include <dutycalc/importers/eu_cn.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/importers/csv_import_reader.hpp>

#include <fmt/format.h>

#include <unordered_map>
#include <unordered_set>

namespace dutycalc::importers {

namespace {

enum Field : std::size_t { commodity, description, cet_rate };

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Runs of ASCII white space as one space, ends trimmed. No-break spaces are left alone: the
// duty grammar reads them as spaces, and descriptions keep them as published.
std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// "1,024.00" -> "1024.00": a comma between a digit and exactly three digits.
std::string drop_thousands_separators(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool separator = text[i] == ',' && i > 0 && is_digit(text[i - 1]) &&
                           i + 3 < text.size() && is_digit(text[i + 1]) && is_digit(text[i + 2]) &&
                           is_digit(text[i + 3]) &&
                           (i + 4 == text.size() || !is_digit(text[i + 4]));
    if (!separator) out.push_back(text[i]);
  }
  return out;
}

// "6.4 + 24.6 EUR/100 kg" -> "6.4% + 24.6 EUR/100 kg"; "7.2 MIN 0.36 EUR/100 kg" likewise.
std::string percent_for_bare_leading_number(std::string text) {
  std::size_t end = 0;
  while (end < text.size() && (is_digit(text[end]) || text[end] == '.')) ++end;
  if (end == 0 || end >= text.size() || text[end] != ' ') return text;
  const std::string_view rest = std::string_view(text).substr(end + 1);
  if (rest.starts_with("+ ") || rest.starts_with("MIN ") || rest.starts_with("MAX "))
    text.insert(end, "%");
  return text;
}


} // namespace

std::string normalise_cet_rate(std::string_view text) {
  return percent_for_bare_leading_number(drop_thousands_separators(collapse_spaces(text)));
}

std::vector<schedule::LineRow> read_eu_cn_csv(std::istream& input,
                                              const std::string& display_name) {
  CsvImportReader reader(input, display_name, k_eu_cn_columns,
                         "the UK-published CSV of the EU CET 2020 (global-uk-tariff.csv)");
  std::vector<schedule::LineRow> rows;
  std::unordered_map<std::uint64_t, int> seen; // code key -> line
  std::unordered_set<std::uint64_t> cn_lines;   // digits of the 8-digit codes
  std::vector<HsCode> codes;                    // per row
  while (reader.next()) {
    const auto field = [&](Field f) { return reader.field(f); };
    const auto place = [&](Field f) { return reader.where(f); };
    std::string why;
    const auto code = HsCode::parse(field(commodity), 4, &why);
    if (!code) throw Error(place(commodity), why);
    if (code->length() != 8 && code->length() != 10)
      throw Error(place(commodity),
                  fmt::format("code '{}' has {} digits: CN codes have 8, TARIC codes 10",
                              field(commodity), code->length()));
    const auto [it, inserted] = seen.emplace(code->key(), reader.line());
    if (!inserted)
      throw Error(place(commodity), fmt::format("duplicate code {} (first at line {})",
                                                code->formatted(), it->second));
    if (code->length() == 8) cn_lines.insert(code->digits_value());
    codes.push_back(*code);
    const std::string rate = normalise_cet_rate(field(cet_rate));
    if (rate.empty()) throw Error(place(cet_rate), "empty cet_duty_rate");
    schedule::LineRow row;
    row.source_line = reader.line();
    row.hs_code = code->formatted();
    row.description = collapse_spaces(field(description));
    row.general = rate;
    rows.push_back(std::move(row));
  }
  // A TARIC line sits one level below its CN line; the file has no other nesting to go by.
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (codes[i].length() == 10 && cn_lines.count(codes[i].prefix(8).digits_value()))
      rows[i].indent = 1;
  return rows;
}

StarterSettings eu_cn_starter_settings(const EditionInfo& edition) {
  return {"EUR", "cif",
          "# Union Customs Code (Reg. (EU) No 952/2013) Art. 70-71: transaction value plus "
          "transport\n# and insurance to the Union border.\n",
          fmt::format("third-country (erga omnes) duties of {}; not yet modelled: preferences, "
                      "additional duties, quotas, fees, taxes",
                      edition.id)};
}

} // namespace dutycalc::importers
