#include <dutycalc/importers/eu_cn.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <fmt/format.h>

#include <array>
#include <unordered_map>
#include <unordered_set>

namespace dutycalc::importers {

namespace {

constexpr std::size_t k_column_count = std::size(k_eu_cn_columns);
enum Field : std::size_t { commodity, description, cet_rate };

using FieldIndex = std::array<std::size_t, k_column_count>;

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

FieldIndex read_header(const manifest::CsvRecord& header, const std::string& file) {
  FieldIndex index;
  for (std::size_t c = 0; c < k_column_count; ++c) {
    const std::string_view wanted = k_eu_cn_columns[c];
    std::size_t found = header.fields.size();
    for (std::size_t f = 0; f < header.fields.size(); ++f) {
      if (header.fields[f] == wanted) {
        found = f;
        break;
      }
    }
    if (found == header.fields.size())
      throw Error({file, header.line, 1},
                  fmt::format("missing column '{}' in the header: is this the UK-published CSV "
                              "of the EU CET 2020 (global-uk-tariff.csv)?",
                              wanted));
    index[c] = found;
  }
  return index;
}

// A TOML basic string (descriptions of editions hold only printable text).
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

} // namespace

std::string normalise_cet_rate(std::string_view text) {
  return percent_for_bare_leading_number(drop_thousands_separators(collapse_spaces(text)));
}

std::vector<schedule::LineRow> read_eu_cn_csv(std::istream& input,
                                              const std::string& display_name) {
  manifest::CsvReader reader(input, display_name);
  manifest::CsvRecord record;
  if (!reader.next(record))
    throw Error(SourceLocation{display_name},
                "empty file: expected the CSV of the EU CET 2020 (global-uk-tariff.csv)");
  if (!record.problem.empty())
    throw Error({display_name, record.problem_line, record.problem_column}, record.problem);
  const FieldIndex index = read_header(record, display_name);
  std::size_t needed = 0;
  for (const std::size_t i : index) needed = std::max(needed, i + 1);

  std::vector<schedule::LineRow> rows;
  std::unordered_map<std::uint64_t, int> seen; // code key -> line
  std::unordered_set<std::uint64_t> cn_lines;   // digits of the 8-digit codes
  std::vector<HsCode> codes;                    // per row
  while (reader.next(record)) {
    if (!record.problem.empty())
      throw Error({display_name, record.problem_line, record.problem_column}, record.problem);
    if (record.fields.size() < needed)
      throw Error({display_name, record.end_line, record.end_column},
                  fmt::format("expected at least {} fields, found {}", needed,
                              record.fields.size()));
    const auto field = [&](Field f) { return record.fields[index[f]]; };
    const auto place = [&](Field f) {
      return SourceLocation{display_name, record.lines[index[f]], record.columns[index[f]]};
    };
    std::string why;
    const auto code = HsCode::parse(field(commodity), 4, &why);
    if (!code) throw Error(place(commodity), why);
    if (code->length() != 8 && code->length() != 10)
      throw Error(place(commodity),
                  fmt::format("code '{}' has {} digits: CN codes have 8, TARIC codes 10",
                              field(commodity), code->length()));
    const auto [it, inserted] = seen.emplace(code->key(), record.line);
    if (!inserted)
      throw Error(place(commodity), fmt::format("duplicate code {} (first at line {})",
                                                code->formatted(), it->second));
    if (code->length() == 8) cn_lines.insert(code->digits_value());
    codes.push_back(*code);
    const std::string rate = normalise_cet_rate(field(cet_rate));
    if (rate.empty()) throw Error(place(cet_rate), "empty cet_duty_rate");
    schedule::LineRow row;
    row.source_line = record.line;
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

std::string eu_cn_starter_schedule_toml(std::string_view name, const EditionInfo& edition) {
  return fmt::format(
      "format = {}\n"
      "name = {}\n"
      "title = {}\n"
      "currency = \"EUR\"\n"
      "# Union Customs Code (Reg. (EU) No 952/2013) Art. 70-71: transaction value plus transport\n"
      "# and insurance to the Union border.\n"
      "valuation = \"cif\"\n"
      "coverage = {}\n"
      "\n"
      "[rounding]\n"
      "places = 2\n"
      "mode = \"half-up\"\n"
      "point = \"each duty amount per line\"\n"
      "\n{}",
      schedule::k_current_format, quoted(name), quoted(edition.id),
      quoted(fmt::format("third-country (erga omnes) duties of {}; not yet modelled: preferences, "
                         "additional duties, quotas, fees, taxes",
                         edition.id)),
      edition_toml(edition));
}

} // namespace dutycalc::importers
