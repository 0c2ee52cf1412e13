// The lines table: writing it (importers) and reading it into a Nomenclature (the loader).
#include <dutycalc/schedule/lines_table.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/schedule/format_version.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <istream>
#include <streambuf>
#include <unordered_map>

namespace dutycalc::schedule {

namespace {

constexpr std::array<std::string_view, 8> k_columns = {
    "hs_code", "indent", "description", "units", "general", "special", "column2", "footnotes"};

bool needs_quotes(std::string_view field) {
  if (field.empty()) return false;
  if (field.front() == ' ' || field.back() == ' ') return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

// Lets CsvReader read text already in memory, without copying it into a stream first.
class ViewBuffer : public std::streambuf {
public:
  explicit ViewBuffer(std::string_view text) {
    char* begin = const_cast<char*>(text.data()); // read-only: the get area is never written
    setg(begin, begin, begin + text.size());
  }
};

// Parses each distinct rate text once: "Free" and "5%" appear thousands of times.
class RateInterner {
public:
  const rate::Expression& get(std::string_view text) {
    auto found = m_parsed.find(text);
    if (found != m_parsed.end()) return found->second;
    return m_parsed.emplace(std::string(text), rate::parse_expression(text)).first->second;
  }

private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, rate::Expression, Hash, std::equal_to<>> m_parsed;
};

// Reads the first line: "# dutycalc lines format N". Returns the offset where the CSV starts.
std::size_t read_format_line(std::string_view text, const std::string& display_name) {
  const SourceLocation start{display_name, 1, 1};
  std::size_t end = text.find('\n');
  if (end == std::string_view::npos) end = text.size();
  std::string_view line = text.substr(0, end);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  const auto missing = [&] {
    return Error(start, fmt::format("expected the format line '{}{}' first", k_lines_format_prefix,
                                    k_current_format));
  };
  if (!line.starts_with(k_lines_format_prefix)) throw missing();
  const std::string_view number = line.substr(k_lines_format_prefix.size());
  long long version = 0;
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), version);
  if (ec != std::errc() || ptr != number.data() + number.size() || number.empty()) throw missing();
  check_format_version(version, start);
  return end == text.size() ? end : end + 1;
}

int parse_indent(std::string_view text) {
  int indent = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), indent);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || indent < 0)
    return -1;
  return indent;
}

} // namespace

void write_lines_table(std::string& out, const std::vector<LineRow>& rows) {
  out.append(k_lines_format_prefix);
  out.append(std::to_string(k_current_format));
  out.push_back('\n');
  out.append(k_lines_header);
  out.push_back('\n');
  for (const LineRow& row : rows) {
    append_field(out, row.hs_code);
    out.push_back(',');
    out.append(std::to_string(row.indent));
    for (const std::string* field : {&row.description, &row.units, &row.general, &row.special,
                                     &row.column2, &row.footnotes}) {
      out.push_back(',');
      append_field(out, *field);
    }
    out.push_back('\n');
  }
}

void parse_lines_table(std::string_view text, const std::string& display_name, Nomenclature& out) {
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t csv_start = read_format_line(text, display_name);
  ViewBuffer buffer(text.substr(csv_start));
  std::istream stream(&buffer);
  manifest::CsvReader reader(stream, display_name);
  out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  manifest::CsvRecord record;
  RateInterner rates;
  bool header_seen = false;
  while (reader.next(record)) {
    const int line = record.line + 1; // the format line came before what the reader sees
    const auto column_of = [&](std::size_t i) {
      return i < record.columns.size() ? record.columns[i] : 1;
    };
    if (!record.problem.empty())
      throw Error({display_name, record.problem_line + 1, record.problem_column}, record.problem);
    if (!header_seen) {
      for (std::size_t i = 0; i < k_columns.size(); ++i) {
        if (i >= record.fields.size())
          throw Error({display_name, line, 1},
                      fmt::format("expected the header '{}'; column '{}' is missing",
                                  k_lines_header, k_columns[i]));
        if (record.fields[i] != k_columns[i])
          throw Error({display_name, line, column_of(i)},
                      fmt::format("expected column '{}' in the header, found '{}'", k_columns[i],
                                  record.fields[i]));
      }
      if (record.fields.size() > k_columns.size())
        throw Error({display_name, line, column_of(k_columns.size())},
                    fmt::format("unexpected column '{}' in the header",
                                record.fields[k_columns.size()]));
      header_seen = true;
      continue;
    }
    if (record.fields.size() != k_columns.size())
      throw Error({display_name, line, 1}, fmt::format("expected {} fields, found {}",
                                                       k_columns.size(), record.fields.size()));
    TariffLine tariff_line;
    tariff_line.source_line = line;
    if (!record.fields[0].empty()) {
      std::string why;
      const auto code = HsCode::parse(record.fields[0], 4, &why);
      if (!code) throw Error({display_name, line, column_of(0)}, why);
      tariff_line.code = *code;
    }
    tariff_line.indent = parse_indent(record.fields[1]);
    if (tariff_line.indent < 0)
      throw Error({display_name, line, column_of(1)},
                  fmt::format("indent '{}' is not a whole number", record.fields[1]));
    tariff_line.description = record.fields[2];
    tariff_line.units = record.fields[3];
    if (!record.fields[4].empty()) tariff_line.general = rates.get(record.fields[4]);
    if (!record.fields[5].empty()) tariff_line.special = rates.get(record.fields[5]);
    if (!record.fields[6].empty()) tariff_line.column2 = rates.get(record.fields[6]);
    tariff_line.footnotes = record.fields[7];
    out.add(std::move(tariff_line));
  }
  if (!header_seen)
    throw Error({display_name, 2, 1}, fmt::format("expected the header '{}'", k_lines_header));
  out.finish(display_name);
}

} // namespace dutycalc::schedule
