#include <dutycalc/importers/hts_json.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/importers/json_reader.hpp>
#include <dutycalc/importers/usitc_footnotes.hpp>
#include <dutycalc/importers/usitc_record.hpp>
#include <dutycalc/importers/usitc_text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace dutycalc::importers {

namespace {

enum Key : std::size_t { htsno, indent, description, units, general, special, other, footnotes };
constexpr std::array<std::string_view, 8> k_keys = {
    "htsno", "indent", "description", "units", "general", "special", "other", "footnotes"};
constexpr std::size_t k_required_keys = 7; // all but footnotes

// The index of `name` in `keys`, or keys.size() when it is not there.
template <std::size_t N>
std::size_t find_key(const std::array<std::string_view, N>& keys, std::string_view name) {
  return static_cast<std::size_t>(std::find(keys.begin(), keys.end(), name) - keys.begin());
}

// Reads the records of the array one at a time, reusing its buffers.
class RecordReader {
public:
  RecordReader(JsonReader& json, const std::string& display_name)
      : m_json(json), m_rows(display_name) {}

  schedule::LineRow read();

private:
  [[noreturn]] void wrong_type(std::string_view key, std::string_view expected);
  void read_text(std::string_view key, std::string& out);
  void read_indent();
  void read_units();
  void read_footnotes();
  void read_footnote();

  JsonReader& m_json;
  UsitcRows m_rows;
  UsitcRecord m_record;
  std::array<std::string, 7> m_text; // per key up to `other`: its string value
  std::vector<UsitcFootnote> m_footnotes;
  std::string m_key;
  std::string m_scratch;
};

void RecordReader::wrong_type(std::string_view key, std::string_view expected) {
  const JsonType found = m_json.peek();
  throw Error(m_json.where(),
              fmt::format("'{}' is {}: expected {}", key, describe(found), expected));
}

void RecordReader::read_text(std::string_view key, std::string& out) {
  switch (m_json.peek()) {
  case JsonType::string: m_json.read_string(out); return;
  case JsonType::null:
    m_json.read_null();
    out.clear();
    return;
  default: wrong_type(key, "a string or null");
  }
}

void RecordReader::read_indent() {
  switch (m_json.peek()) {
  case JsonType::string: m_json.read_string(m_text[indent]); return;
  case JsonType::number: m_text[indent] = m_json.read_number(); return;
  default: wrong_type("indent", "a string or a number");
  }
}

void RecordReader::read_units() {
  m_record.units.clear();
  if (m_json.peek() == JsonType::null) return m_json.read_null();
  if (m_json.peek() != JsonType::array) wrong_type("units", "an array of strings or null");
  m_json.begin_array();
  while (m_json.next_element()) {
    if (m_json.peek() != JsonType::string) {
      const JsonType found = m_json.peek();
      throw Error(m_json.where(),
                  fmt::format("'units' holds {}: expected strings only", describe(found)));
    }
    m_json.read_string(m_scratch);
    add_unit(m_scratch, m_record.units);
  }
}

void RecordReader::read_footnotes() {
  m_footnotes.clear();
  if (m_json.peek() == JsonType::null) return m_json.read_null();
  if (m_json.peek() != JsonType::array) wrong_type("footnotes", "an array of objects or null");
  m_json.begin_array();
  while (m_json.next_element()) read_footnote();
}

void RecordReader::read_footnote() {
  enum FootnoteKey : std::size_t { columns, value };
  static constexpr std::array<std::string_view, 2> k_footnote_keys = {"columns", "value"};
  if (m_json.peek() != JsonType::object) {
    const JsonType found = m_json.peek();
    throw Error(m_json.where(),
                fmt::format("'footnotes' holds {}: expected objects only", describe(found)));
  }
  m_json.begin_object();
  UsitcFootnote& footnote = m_footnotes.emplace_back();
  std::array<bool, 2> seen{};
  while (m_json.next_key(m_key)) {
    const std::size_t k = find_key(k_footnote_keys, m_key);
    if (k == k_footnote_keys.size()) {
      m_json.skip_value(); // "type" ("endnote") and whatever USITC adds
      continue;
    }
    if (seen[k])
      throw Error(m_json.key_where(), fmt::format("duplicate key '{}' in the footnote", m_key));
    seen[k] = true;
    if (k == value) {
      read_text("value", footnote.value);
      continue;
    }
    if (m_json.peek() == JsonType::null) {
      m_json.read_null();
      continue;
    }
    if (m_json.peek() != JsonType::array) wrong_type("columns", "an array of strings or null");
    m_json.begin_array();
    while (m_json.next_element()) {
      if (m_json.peek() != JsonType::string) {
        const JsonType found = m_json.peek();
        throw Error(m_json.where(),
                    fmt::format("'columns' holds {}: expected strings only", describe(found)));
      }
      m_json.read_string(footnote.columns.emplace_back());
    }
  }
}

schedule::LineRow RecordReader::read() {
  const SourceLocation start = m_json.where();
  if (m_json.peek() != JsonType::object) {
    const JsonType found = m_json.peek();
    throw Error(start,
                fmt::format("expected an HTS record (an object), found {}", describe(found)));
  }
  m_json.begin_object();
  std::array<bool, k_keys.size()> seen{};
  std::array<FieldPlace, k_keys.size()> at{};
  while (m_json.next_key(m_key)) {
    const std::size_t k = find_key(k_keys, m_key);
    if (k == k_keys.size()) {
      m_json.skip_value();
      continue;
    }
    if (seen[k])
      throw Error(m_json.key_where(), fmt::format("duplicate key '{}' in the record", m_key));
    seen[k] = true;
    const SourceLocation value_at = m_json.where();
    at[k] = {value_at.line, value_at.column};
    switch (k) {
    case indent: read_indent(); break;
    case units: read_units(); break;
    case footnotes: read_footnotes(); break;
    default: read_text(k_keys[k], m_text[k]); break;
    }
  }
  for (std::size_t k = 0; k < k_required_keys; ++k)
    if (!seen[k]) throw Error(start, fmt::format("missing key '{}' in the record", k_keys[k]));
  if (!seen[footnotes]) m_footnotes.clear();

  m_record.line = start.line;
  m_record.number = m_text[htsno];
  m_record.number_at = at[htsno];
  m_record.indent = m_text[indent];
  m_record.indent_at = at[indent];
  m_record.description = m_text[description];
  m_record.units_at = at[units];
  m_record.general = m_text[general];
  m_record.special = m_text[special];
  m_record.column2 = m_text[other];
  m_record.footnotes = render_footnotes(m_footnotes);
  return m_rows.make(m_record);
}

} // namespace

std::vector<schedule::LineRow> read_hts_json(std::string_view text,
                                             const std::string& display_name) {
  JsonReader json(text, display_name);
  if (json.at_end())
    throw Error(SourceLocation{display_name}, "empty file: expected a USITC HTS JSON export");
  if (json.peek() != JsonType::array) {
    const JsonType found = json.peek();
    throw Error(json.where(), fmt::format("expected an array of HTS records, found {}: is this a "
                                          "USITC HTS JSON export?",
                                          describe(found)));
  }
  json.begin_array();
  RecordReader records(json, display_name);
  std::vector<schedule::LineRow> rows;
  while (json.next_element()) rows.push_back(records.read());
  json.finish();
  return rows;
}

} // namespace dutycalc::importers
