// Header matching: which manifest column means what.
#include <dutycalc/error.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/rate/unit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::manifest {

namespace {
struct Alias {
  std::string_view name; // normalised: lower case, no ' ', '\t', '-', '_'
  Column column;
};

// The names each column answers to. Aliases are the names customs paperwork and broker exports
// use; deliberately not bare "code" or "country", which manifests use for other things (SKUs,
// seller's country) and would silently be misread.
constexpr Alias k_aliases[] = {
    {"hscode", Column::hs_code},         {"hs", Column::hs_code},
    {"hts", Column::hs_code},            {"htscode", Column::hs_code},
    {"htsnumber", Column::hs_code},      {"tariffcode", Column::hs_code},
    {"commoditycode", Column::hs_code},  {"origin", Column::origin},
    {"countryoforigin", Column::origin}, {"origincountry", Column::origin},
    {"value", Column::value},            {"customsvalue", Column::value},
    {"enteredvalue", Column::value},     {"entry", Column::entry},
    {"entryid", Column::entry},          {"entryno", Column::entry},
    {"entrynumber", Column::entry},      {"line", Column::line},
    {"lineid", Column::line},            {"lineno", Column::line},
    {"linenumber", Column::line},        {"date", Column::date},
    {"entrydate", Column::date},         {"currency", Column::currency},
    {"quantity", Column::quantity},      {"qty", Column::quantity},
    {"unit", Column::unit},              {"quantityunit", Column::unit},
    {"uom", Column::unit},               {"unitofmeasure", Column::unit},
    {"mode", Column::mode},              {"transportmode", Column::mode},
    {"modeoftransport", Column::mode},   {"program", Column::program},
    {"programme", Column::program},      {"spi", Column::program},
    {"freight", Column::freight},        {"insurance", Column::insurance},
    {"meltcountry", Column::melt_country}, {"countryofmelt", Column::melt_country},
    {"destination", Column::destination}, {"destinationcountry", Column::destination},
    {"memberstate", Column::destination}, {"exportdate", Column::export_date},
    {"dateofexport", Column::export_date},
};

// Canonical names, for messages; indexed by Column.
constexpr std::string_view k_canonical[] = {
    "hs_code", "origin", "value", "entry", "line", "date", "currency", "quantity", "unit", "mode",
    "program", "freight", "insurance", "melt_country", "destination", "export_date",
};
static_assert(std::size(k_canonical) == static_cast<std::size_t>(Column::count_));

constexpr Column k_required[] = {Column::hs_code, Column::origin, Column::value};

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '-' || c == '_'; }
char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string normalise(std::string_view name) {
  std::string out;
  for (char c : name)
    if (!is_separator(c)) out.push_back(lower(c));
  return out;
}

std::optional<Column> known_column(std::string_view normalised) {
  for (const Alias& alias : k_aliases)
    if (alias.name == normalised) return alias.column;
  return std::nullopt;
}

// For "quantity_kg", "Quantity (kg)", "qty-pf-l": the unit after the prefix, if rate::parse_unit
// reads it in one of the spellings column names force on it ('_' for '.', no '.' at all).
std::optional<rate::Unit> quantity_column_unit(std::string_view written) {
  const std::string normalised = normalise(written);
  std::size_t prefix_letters = 0;
  for (std::string_view prefix : {std::string_view("quantity"), std::string_view("qty")}) {
    if (normalised.size() > prefix.size() && normalised.compare(0, prefix.size(), prefix) == 0) {
      prefix_letters = prefix.size();
      break;
    }
  }
  if (prefix_letters == 0) return std::nullopt;
  // The suffix as written: skip the prefix's letters and the separators around them.
  std::size_t at = 0;
  for (std::size_t letters = 0; at < written.size() && letters < prefix_letters; ++at)
    if (!is_separator(written[at])) ++letters;
  while (at < written.size() && is_separator(written[at])) ++at;
  std::string suffix(written.substr(at));
  while (!suffix.empty() && is_separator(suffix.back())) suffix.pop_back();
  if (suffix.size() >= 2 && ((suffix.front() == '(' && suffix.back() == ')') ||
                             (suffix.front() == '[' && suffix.back() == ']')))
    suffix = suffix.substr(1, suffix.size() - 2);
  const std::string squeezed = normalise(suffix);
  std::string dotted = suffix;
  std::replace(dotted.begin(), dotted.end(), '_', '.');
  std::vector<std::string> candidates = {suffix, squeezed, dotted, squeezed + "."};
  if (squeezed.size() > 2 && squeezed.compare(0, 2, "pf") == 0 && squeezed[2] != '.')
    candidates.push_back("pf." + squeezed.substr(2));
  for (const std::string& candidate : candidates)
    if (auto unit = rate::parse_unit(candidate)) return unit;
  return std::nullopt;
}

std::string list_names(const std::vector<std::string_view>& names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += fmt::format("'{}'", names[i]);
  }
  return out;
}
} // namespace

ColumnMap ColumnMap::from_header(const CsvRecord& header, const std::string& file) {
  if (!header.problem.empty())
    throw Error(SourceLocation{file, header.problem_line, header.problem_column}, header.problem);
  ColumnMap map;
  // Records built by hand may lack lines or columns: fall back to the record's line.
  const auto place = [&](std::size_t i) {
    return SourceLocation{file, i < header.lines.size() ? header.lines[i] : header.line,
                          i < header.columns.size() ? header.columns[i] : 0};
  };
  std::vector<std::size_t> unit_column_field; // field index of each quantity_columns() entry
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string_view written = header.fields[i];
    map.m_names.emplace_back(written);
    const int index = static_cast<int>(i);
    const std::string normalised = normalise(written);
    if (const auto column = known_column(normalised)) {
      int& slot = map.m_index[static_cast<std::size_t>(*column)];
      if (slot >= 0) {
        const std::string_view first = header.fields[static_cast<std::size_t>(slot)];
        const std::string_view name = k_canonical[static_cast<std::size_t>(*column)];
        throw Error(place(i),
                    normalise(first) == normalised
                        ? fmt::format("duplicate column '{}' (columns {} and {})", written,
                                      slot + 1, i + 1)
                        : fmt::format("duplicate column '{}' (columns {} and {}, as '{}' and '{}')",
                                      name, slot + 1, i + 1, first, written));
      }
      slot = index;
      map.m_slots.push_back({index, *column, false, rate::Unit::kg});
    } else if (const auto unit = quantity_column_unit(written)) {
      for (std::size_t k = 0; k < map.m_quantity_columns.size(); ++k) {
        if (map.m_quantity_columns[k].unit != *unit) continue;
        const std::size_t first = unit_column_field[k];
        throw Error(place(i), fmt::format("duplicate column for quantities in {} (columns {} and "
                                          "{}, as '{}' and '{}')",
                                          rate::name(*unit), first + 1, i + 1,
                                          header.fields[first], written));
      }
      // Every quantity of a line must fit rate::Quantities; the 'quantity' column takes one more.
      if (map.m_quantity_columns.size() + 1 >= rate::Quantities::k_capacity)
        throw Error(place(i), fmt::format("too many quantity columns (at most {})",
                                          rate::Quantities::k_capacity - 1));
      map.m_quantity_columns.push_back({index, *unit});
      unit_column_field.push_back(i);
      map.m_slots.push_back({index, Column::quantity, true, *unit});
    }
  }

  std::vector<std::string_view> missing;
  for (Column column : k_required)
    if (map.index_of(column) < 0) missing.push_back(k_canonical[static_cast<std::size_t>(column)]);
  if (!missing.empty()) {
    std::string message = fmt::format("manifest has no {} column{}", list_names(missing),
                                      missing.size() > 1 ? "s" : "");
    // Nothing recognised at all: most likely a manifest without a header line.
    if (map.m_slots.empty()) message += " (the first line must name the columns)";
    throw Error(SourceLocation{file, header.line, 0}, std::move(message));
  }
  return map;
}

} // namespace dutycalc::manifest
