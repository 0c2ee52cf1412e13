#include <dutycalc/importers/hts_csv.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/importers/usitc_text.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <unordered_map>

namespace dutycalc::importers {

namespace {

constexpr std::size_t k_column_count = std::size(k_hts_csv_columns);
enum Field : std::size_t { number, indent, description, units, general, special, column2 };

using FieldIndex = std::array<std::size_t, k_column_count>;

FieldIndex read_header(const manifest::CsvRecord& header, const std::string& file) {
  FieldIndex index;
  for (std::size_t c = 0; c < k_column_count; ++c) {
    const std::string_view wanted = k_hts_csv_columns[c];
    std::size_t found = header.fields.size();
    for (std::size_t f = 0; f < header.fields.size(); ++f) {
      if (header.fields[f] == wanted) {
        found = f;
        break;
      }
    }
    if (found == header.fields.size())
      throw Error({file, header.line, 1},
                  fmt::format("missing column '{}' in the header: is this a USITC HTS CSV export?",
                              wanted));
    index[c] = found;
  }
  return index;
}

} // namespace

std::vector<schedule::LineRow> read_hts_csv(std::istream& input, const std::string& display_name) {
  manifest::CsvReader reader(input, display_name);
  manifest::CsvRecord record;
  if (!reader.next(record))
    throw Error(SourceLocation{display_name}, "empty file: expected a USITC HTS CSV export");
  if (!record.problem.empty())
    throw Error({display_name, record.problem_line, record.problem_column}, record.problem);
  const FieldIndex index = read_header(record, display_name);
  std::size_t needed = 0;
  for (const std::size_t i : index) needed = std::max(needed, i + 1);

  std::vector<schedule::LineRow> rows;
  std::unordered_map<std::uint64_t, int> seen; // code key -> line
  while (reader.next(record)) {
    const int line = record.line;
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
    schedule::LineRow row;
    row.source_line = line;
    if (!field(number).empty()) {
      std::string why;
      const auto code = HsCode::parse(field(number), 4, &why);
      if (!code) throw Error(place(number), why);
      const auto [it, inserted] = seen.emplace(code->key(), line);
      if (!inserted)
        throw Error(place(number), fmt::format("duplicate code {} (first at line {})",
                                               code->formatted(), it->second));
      row.hs_code = code->formatted();
    }
    const std::string_view indent_text = field(indent);
    const auto [ptr, ec] =
        std::from_chars(indent_text.data(), indent_text.data() + indent_text.size(), row.indent);
    if (indent_text.empty() || ec != std::errc() || ptr != indent_text.data() + indent_text.size() ||
        row.indent < 0)
      throw Error(place(indent), fmt::format("indent '{}' is not a whole number", indent_text));
    row.description = plain_text(field(description));
    std::string why;
    const auto unit_list = parse_units(field(units), why);
    if (!unit_list) throw Error(place(units), why);
    for (const std::string& unit : *unit_list) {
      if (unit.find(';') != std::string::npos)
        throw Error(place(units), fmt::format("unit '{}' holds a ';'", unit));
      if (!row.units.empty()) row.units.push_back(';');
      row.units.append(unit);
    }
    row.general = plain_text(field(general));
    row.special = plain_text(field(special));
    row.column2 = plain_text(field(column2));
    rows.push_back(std::move(row));
  }
  return rows;
}

} // namespace dutycalc::importers
