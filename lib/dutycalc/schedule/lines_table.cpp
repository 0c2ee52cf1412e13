// The lines table: writing it (importers) and reading it into a Nomenclature (the loader).
#include <dutycalc/schedule/lines_table.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/rate/special_column.hpp>
#include <dutycalc/schedule/diagnostics.hpp>
#include <dutycalc/schedule/format_version.hpp>
#include <dutycalc/schedule/lines_scanner.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>
#include <dutycalc/schedule/unreadable_rate.hpp>

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
  if (field.empty())
    return false;
  if (field.front() == ' ' || field.back() == ' ')
    return true;
  return field.find_first_of(",\"\r\n") != std::string_view::npos;
}

void append_field(std::string& out, std::string_view field) {
  if (!needs_quotes(field)) {
    out.append(field);
    return;
  }
  out.push_back('"');
  for (const char c : field) {
    if (c == '"')
      out.push_back('"');
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
    if (found != m_parsed.end())
      return found->second;
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
  if (end == std::string_view::npos)
    end = text.size();
  std::string_view line = text.substr(0, end);
  if (!line.empty() && line.back() == '\r')
    line.remove_suffix(1);
  const auto missing = [&] {
    return Error(start, fmt::format("expected the format line '{}{}' first", k_lines_format_prefix,
                                    k_current_format));
  };
  if (!line.starts_with(k_lines_format_prefix))
    throw missing();
  const std::string_view number = line.substr(k_lines_format_prefix.size());
  long long version = 0;
  const auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), version);
  if (ec != std::errc() || ptr != number.data() + number.size() || number.empty())
    throw missing();
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

// Turns the CSV reader's places (physical line of the CSV part, byte column) into places in the
// file: one line further down (the format line) and columns counted in characters, as the TOML
// files' are. Problems are rare, so the line index is built on the first one.
class Places {
public:
  Places(std::string_view csv, const std::string& name) : m_csv(csv), m_name(name) {}

  SourceLocation at(int line, int byte_column) const {
    if (byte_column <= 0)
      return {m_name, line + 1, 0};
    return {m_name, line + 1,
            rate::display_column(line_text(line), static_cast<std::size_t>(byte_column - 1))};
  }

  // The place of byte `offset` of a field's decoded text, the field starting at `byte_column`
  // (its opening quote, when quoted: doubled quotes inside count as one byte of the text).
  SourceLocation in_field(int line, int byte_column, std::size_t offset) const {
    const std::string_view text = line_text(line);
    std::size_t at = byte_column > 0 ? static_cast<std::size_t>(byte_column - 1) : 0;
    if (at < text.size() && text[at] == '"') {
      ++at;
      for (std::size_t decoded = 0; decoded < offset && at < text.size(); ++decoded)
        at += text.compare(at, 2, "\"\"") == 0 ? 2 : 1;
    } else {
      at += offset;
    }
    return {m_name, line + 1, rate::display_column(text, at)};
  }

private:
  std::string_view line_text(int line) const {
    if (m_starts.empty()) {
      // Line ends as the reader counts them: LF, CRLF or a lone CR.
      m_starts.push_back(0);
      for (std::size_t i = 0; i < m_csv.size(); ++i) {
        if (m_csv[i] == '\r' && i + 1 < m_csv.size() && m_csv[i + 1] == '\n')
          ++i;
        if (m_csv[i] == '\n' || m_csv[i] == '\r')
          m_starts.push_back(i + 1);
      }
    }
    if (line < 1 || static_cast<std::size_t>(line) > m_starts.size())
      return {};
    const std::size_t begin = m_starts[static_cast<std::size_t>(line - 1)];
    std::size_t end = begin;
    while (end < m_csv.size() && m_csv[end] != '\n' && m_csv[end] != '\r')
      ++end;
    return m_csv.substr(begin, end - begin);
  }

  std::string_view m_csv;
  const std::string& m_name;
  mutable std::vector<std::size_t> m_starts;
};

// With a sink, rate texts the grammar cannot read are looked at more closely than pricing needs:
// see unreadable_rate.hpp for how prose is told from a typo.
void check_rate_text(std::string_view text, const rate::ParseProblem& problem,
                     std::string_view column, const SourceLocation& where, Diagnostics& sink) {
  switch (classify_unreadable_rate(text, problem)) {
  case UnreadableRate::prose:
    return;
  case UnreadableRate::mistyped_number:
    sink.error(where, fmt::format("{} rate \"{}\" cannot be read: {} (a number written in a way "
                                  "the grammar does not read)",
                                  column, text, problem.message));
    return;
  case UnreadableRate::no_words:
    sink.warning(where, fmt::format("{} rate \"{}\" is neither a rate the grammar reads nor "
                                    "legal prose: {}; lines that need it cannot be priced",
                                    column, text, problem.message));
    return;
  }
}

void check_rates(const manifest::CsvRecord& record, const Places& places, Diagnostics& sink) {
  const auto where = [&](std::size_t field, std::size_t offset) {
    return places.in_field(record.lines[field], record.columns[field], offset);
  };
  const auto check_column = [&](std::size_t field) {
    const std::string_view text = record.fields[field];
    if (text.empty())
      return;
    const rate::Expression rate = rate::parse_expression(text);
    if (rate.is_prose())
      check_rate_text(text, rate.problem(), k_columns[field], where(field, rate.problem().offset),
                      sink);
  };
  check_column(4);
  // The special column: rates between programme lists, each checked on its own.
  const std::string_view special = record.fields[5];
  for (const rate::SpecialRate& entry : rate::parse_special_column(special)) {
    if (entry.is_reference || !entry.rate.is_prose())
      continue;
    check_rate_text(entry.rate.text(), entry.rate.problem(), "special",
                    where(5, entry.offset + entry.rate.problem().offset), sink);
  }
  check_column(6);
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
    for (const std::string* field :
         {&row.description, &row.units, &row.general, &row.special, &row.column2, &row.footnotes}) {
      out.push_back(',');
      append_field(out, *field);
    }
    out.push_back('\n');
  }
}

void parse_lines_table(std::string_view text, const std::string& display_name, Nomenclature& out,
                       Diagnostics* sink) {
  if (text.starts_with("\xEF\xBB\xBF"))
    text.remove_prefix(3);
  std::size_t csv_start = 0;
  if (!attempt(sink, [&] { csv_start = read_format_line(text, display_name); })) {
    out.finish(display_name, sink);
    return;
  }
  const std::string_view csv = text.substr(csv_start);
  const Places places(csv, display_name);
  out.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
  manifest::CsvRecord record;
  RateInterner rates;
  bool header_seen = false;
  const auto read_header = [&] {
    const int line = record.line;
    const auto column_of = [&](std::size_t i) {
      return i < record.columns.size() ? record.columns[i] : 1;
    };
    for (std::size_t i = 0; i < k_columns.size(); ++i) {
      if (i >= record.fields.size())
        throw Error(places.at(line, 1),
                    fmt::format("expected the header '{}'; column '{}' is missing", k_lines_header,
                                k_columns[i]));
      if (record.fields[i] != k_columns[i])
        throw Error(places.at(line, column_of(i)),
                    fmt::format("expected column '{}' in the header, found '{}'", k_columns[i],
                                record.fields[i]));
    }
    if (record.fields.size() > k_columns.size())
      throw Error(
          places.at(line, column_of(k_columns.size())),
          fmt::format("unexpected column '{}' in the header", record.fields[k_columns.size()]));
  };
  const auto read_row = [&] {
    const int line = record.line;
    if (record.fields.size() != k_columns.size())
      throw Error(places.at(line, 1), fmt::format("expected {} fields, found {}", k_columns.size(),
                                                  record.fields.size()));
    TariffLine tariff_line;
    tariff_line.source_line = line + 1; // the format line came before what the reader sees
    if (!record.fields[0].empty()) {
      std::string why;
      const auto code = HsCode::parse(record.fields[0], 4, &why);
      if (!code)
        throw Error(places.at(record.lines[0], record.columns[0]), why);
      tariff_line.code = *code;
    }
    tariff_line.indent = parse_indent(record.fields[1]);
    if (tariff_line.indent < 0)
      throw Error(places.at(record.lines[1], record.columns[1]),
                  fmt::format("indent '{}' is not a whole number", record.fields[1]));
    if (sink)
      check_rates(record, places, *sink);
    tariff_line.description = record.fields[2];
    tariff_line.units = record.fields[3];
    if (!record.fields[4].empty())
      tariff_line.general = rates.get(record.fields[4]);
    if (!record.fields[5].empty())
      tariff_line.special = rates.get(record.fields[5]);
    if (!record.fields[6].empty())
      tariff_line.column2 = rates.get(record.fields[6]);
    tariff_line.footnotes = record.fields[7];
    out.add(std::move(tariff_line));
  };
  // One record; false when nothing below it can be read.
  const auto read_record = [&] {
    if (!record.problem.empty()) {
      // A CSV syntax problem: the fields hold what could be read, so the row is skipped.
      const Error problem(places.at(record.problem_line, record.problem_column), record.problem);
      if (!sink)
        throw problem;
      sink->add(problem);
      if (header_seen)
        return true;
      header_seen = true; // the header itself is broken: reported, and nothing below is read
      return false;
    }
    if (!header_seen) {
      // Without the right header no row can be read with confidence: stop at a wrong one.
      header_seen = true;
      return attempt(sink, read_header);
    }
    attempt(sink, read_row);
    return true;
  };
  // Tables as importers write them are read by the fast scanner; from the first record it does
  // not read, CsvReader takes over (it reports every kind of problem), skipping what was read.
  LinesScanner scanner(csv);
  std::size_t scanned = 0;
  bool stopped = false;
  while (!stopped && scanner.next(record)) {
    ++scanned;
    stopped = !read_record();
  }
  if (!stopped && scanner.irregular()) {
    ViewBuffer buffer(csv);
    std::istream stream(&buffer);
    manifest::CsvReader reader(stream, display_name);
    for (std::size_t skipped = 0; skipped < scanned && reader.next(record); ++skipped) {
    }
    while (reader.next(record))
      if (!read_record())
        break;
  }
  if (!header_seen)
    attempt(sink, [&] {
      throw Error({display_name, 2, 1}, fmt::format("expected the header '{}'", k_lines_header));
    });
  out.finish(display_name, sink);
}

} // namespace dutycalc::schedule
