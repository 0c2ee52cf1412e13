// Reading the typed fields of a manifest record. This runs once per line, so the happy path
// allocates nothing: values are views or fixed-size types, and messages are only built on failure.
#include <dutycalc/country.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/rate/unit.hpp>
#include <dutycalc/util/trim.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace dutycalc::manifest {

namespace {
constexpr std::size_t k_shown_bytes = 40;
// Longer than any HS code spelling; longer fields get a short message instead of HsCode's, which
// would repeat the whole field.
constexpr std::size_t k_longest_hs_code = 32;

char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }
bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool equals_ignoring_case(std::string_view text, std::string_view lower_word) {
  if (text.size() != lower_word.size()) return false;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (upper(text[i]) != upper(lower_word[i])) return false;
  return true;
}

// Control bytes shown as '?', so that a message never carries a NUL or a line break.
std::string printable(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  return out;
}

// A field as messages quote it: printable, at most 40 bytes (cut at a UTF-8 character boundary,
// then "...").
std::string shown(std::string_view text) {
  if (text.size() <= k_shown_bytes) return printable(text);
  std::size_t size = k_shown_bytes;
  while (size > 0 && (static_cast<unsigned char>(text[size]) & 0xC0) == 0x80) --size;
  return printable(text.substr(0, size)) + "...";
}

struct TransportModeName {
  std::string_view name; // lower case
  TransportMode mode;
};
constexpr TransportModeName k_transport_modes[] = {
    {"vessel", TransportMode::vessel}, {"ocean", TransportMode::vessel},
    {"sea", TransportMode::vessel},    {"ship", TransportMode::vessel},
    {"air", TransportMode::air},       {"truck", TransportMode::truck},
    {"road", TransportMode::truck},    {"rail", TransportMode::rail},
    {"mail", TransportMode::mail},     {"postal", TransportMode::mail},
    {"post", TransportMode::mail},
};

// rate::parse_unit tries every spelling it knows, several times the cost of the rest of a line,
// while a manifest's unit column repeats a handful of spellings. So the last few answers are kept,
// per thread since lines may be read on several.
class UnitCache {
public:
  std::optional<rate::Unit> parse(std::string_view text) {
    if (text.size() > k_longest) return rate::parse_unit(text);
    for (const Entry& entry : m_entries)
      if (entry.size == text.size() && std::string_view(entry.text.data(), entry.size) == text)
        return entry.unit;
    const auto unit = rate::parse_unit(text);
    Entry& entry = m_entries[m_next++ % m_entries.size()];
    std::copy(text.begin(), text.end(), entry.text.begin());
    entry.size = text.size();
    entry.unit = unit;
    return unit;
  }

private:
  static constexpr std::size_t k_longest = 16;
  struct Entry {
    std::array<char, k_longest> text{};
    std::size_t size = k_longest + 1; // matches nothing until filled
    std::optional<rate::Unit> unit;
  };
  std::array<Entry, 16> m_entries{};
  std::size_t m_next = 0;
};

std::optional<rate::Unit> cached_unit(std::string_view text) {
  thread_local UnitCache cache;
  return cache.parse(text);
}

// Reads the fields of one record, keeping the first problem.
class LineReader {
public:
  LineReader(const CsvRecord& record, ManifestLine& out) : m_record(record), m_out(out) {}

  bool failed() const { return m_out.problem.has_value(); }

  std::string_view raw(int index) const {
    return index >= 0 && static_cast<std::size_t>(index) < m_record.fields.size()
               ? m_record.fields[static_cast<std::size_t>(index)]
               : std::string_view();
  }
  std::string_view text(int index) const { return trim_blanks(raw(index)); }

  // Where field `index` starts; for a field the record does not have, just after its last field.
  void fail(int index, std::string message) {
    if (failed()) return;
    const auto i = static_cast<std::size_t>(index);
    const bool present = index >= 0 && i < m_record.fields.size();
    int line = m_record.end_line > 0 ? m_record.end_line : m_record.line;
    int column = m_record.end_column;
    if (present) {
      line = i < m_record.lines.size() ? m_record.lines[i] : m_record.line;
      column = i < m_record.columns.size() ? m_record.columns[i] : 0;
    }
    m_out.problem = FieldProblem{line, column, std::move(message)};
  }

  // A non-negative plain decimal; `name` is only used in messages.
  bool amount(int index, std::string_view name, Decimal& out) {
    const std::string_view value = text(index);
    switch (Decimal::parse(value, out)) {
    case Decimal::ParseStatus::ok:
      if (out.sign() >= 0) return true;
      fail(index, fmt::format("negative {} '{}'", name, shown(value)));
      return false;
    case Decimal::ParseStatus::syntax:
      fail(index, fmt::format("{} '{}' is not a plain decimal number (digits with an optional '.'; "
                              "no thousands separators or exponents)",
                              name, shown(value)));
      return false;
    case Decimal::ParseStatus::too_many_places:
      fail(index, fmt::format("{} '{}' has more than {} decimal places", name, shown(value),
                              Decimal::k_places));
      return false;
    case Decimal::ParseStatus::overflow:
      fail(index, fmt::format("{} '{}' is too large", name, shown(value)));
      return false;
    }
    return false;
  }

  // An optional country code: {0,0} when empty; upper-cased.
  void country(int index, std::string_view what, std::array<char, 2>& out) {
    const std::string_view code = text(index);
    if (code.empty()) return;
    if (code.size() == 2 && is_letter(code[0]) && is_letter(code[1])) {
      const char folded[2] = {upper(code[0]), upper(code[1])};
      if (is_country_code(std::string_view(folded, 2))) {
        out = {folded[0], folded[1]};
        return;
      }
    }
    fail(index, fmt::format("unknown {} country '{}' (ISO 3166-1 alpha-2 expected)", what,
                            shown(code)));
  }

  void date(int index, std::string_view name, std::optional<Date>& out) {
    const std::string_view value = text(index);
    if (value.empty()) return;
    out = Date::parse(value);
    if (!out)
      fail(index, fmt::format("{} '{}' is not a valid YYYY-MM-DD date", name, shown(value)));
  }

  void hs_code(int index) {
    const std::string_view value = text(index);
    if (value.empty()) return fail(index, "missing hs_code");
    if (value.size() > k_longest_hs_code)
      return fail(index, fmt::format("HS code '{}' is too long (6 to 10 digits expected)",
                                     shown(value)));
    std::string why;
    if (auto code = HsCode::parse(value, 6, &why)) m_out.code = *code;
    else fail(index, printable(why)); // HsCode quotes the field, control bytes and all
  }

  void currency(int index) {
    const std::string_view code = text(index);
    if (code.empty()) return;
    if (code.size() == 3) {
      const char folded[3] = {upper(code[0]), upper(code[1]), upper(code[2])};
      m_out.currency = Currency::from_code(std::string_view(folded, 3));
      if (m_out.currency) return;
    }
    fail(index, fmt::format("unknown currency '{}' (ISO 4217 code expected)", shown(code)));
  }

  void mode(int index) {
    const std::string_view value = text(index);
    if (value.empty()) return;
    for (const auto& mode : k_transport_modes) {
      if (equals_ignoring_case(value, mode.name)) {
        m_out.mode = mode.mode;
        return;
      }
    }
    fail(index, fmt::format("unknown transport mode '{}' (vessel, air, truck, rail or mail "
                            "expected)",
                            shown(value)));
  }

  // The 'quantity' column with its 'unit' column.
  void quantity(int index, int unit_index) {
    const std::string_view value = text(index);
    if (value.empty()) return; // a unit without a quantity says nothing
    Decimal amount;
    if (!this->amount(index, "quantity", amount)) return;
    const std::string_view unit_text = text(unit_index);
    if (unit_text.empty())
      return fail(index, fmt::format("quantity '{}' has no unit (give it in a 'unit' column, or "
                                     "use a column such as 'quantity_kg')",
                                     shown(value)));
    const auto unit = cached_unit(unit_text);
    if (!unit) return fail(unit_index, fmt::format("unknown unit '{}'", shown(unit_text)));
    m_out.quantities.add({amount, *unit});
  }

  // A 'quantity_<unit>' column.
  void fixed_unit_quantity(int index, std::string_view name, rate::Unit unit) {
    if (text(index).empty()) return;
    Decimal amount;
    if (this->amount(index, name, amount)) m_out.quantities.add({amount, unit});
  }

private:
  const CsvRecord& m_record;
  ManifestLine& m_out;
};
} // namespace

void ManifestLine::clear() {
  // Field by field: the quantities hold room for several, and only their count needs resetting.
  line = 0;
  entry = line_id = program = {};
  code = HsCode();
  origin = melt_country = destination = {};
  value = freight = insurance = Decimal();
  currency.reset();
  date.reset();
  export_date.reset();
  quantities.clear();
  mode = TransportMode::unknown;
  problem.reset();
}

void read_line(const CsvRecord& record, const ColumnMap& columns, ManifestLine& out) {
  out.clear();
  out.line = record.line;
  LineReader reader(record, out);
  // Free text first: whatever else is wrong, the line can still be grouped and named.
  out.entry = reader.text(columns.index_of(Column::entry));
  out.line_id = reader.text(columns.index_of(Column::line));
  out.program = reader.text(columns.index_of(Column::program));

  if (!record.problem.empty()) {
    out.problem = FieldProblem{record.problem_line, record.problem_column, record.problem};
    return;
  }
  // A wrong field count comes before field checks: an unquoted "1,234.56" shifts every later field,
  // and the count says so where a field message would mislead.
  const std::size_t expected = columns.names().size();
  if (record.fields.size() > expected) {
    return reader.fail(static_cast<int>(expected),
                       fmt::format("record has {} fields but the header has {}",
                                   record.fields.size(), expected));
  }

  for (const ColumnMap::Slot& slot : columns.m_slots) {
    const int i = slot.index;
    switch (slot.column) {
    case Column::hs_code: reader.hs_code(i); break;
    case Column::origin:
      if (reader.text(i).empty()) reader.fail(i, "missing origin");
      else reader.country(i, "origin", out.origin);
      break;
    case Column::value:
      if (reader.text(i).empty()) reader.fail(i, "missing value");
      else reader.amount(i, "value", out.value);
      break;
    case Column::date: reader.date(i, "date", out.date); break;
    case Column::export_date: reader.date(i, "export_date", out.export_date); break;
    case Column::currency: reader.currency(i); break;
    case Column::quantity:
      if (slot.fixed_unit) {
        reader.fixed_unit_quantity(i, columns.names()[static_cast<std::size_t>(i)], slot.unit);
      } else {
        reader.quantity(i, columns.index_of(Column::unit));
      }
      break;
    case Column::mode: reader.mode(i); break;
    case Column::freight:
      if (!reader.text(i).empty()) reader.amount(i, "freight", out.freight);
      break;
    case Column::insurance:
      if (!reader.text(i).empty()) reader.amount(i, "insurance", out.insurance);
      break;
    case Column::melt_country: reader.country(i, "melt", out.melt_country); break;
    case Column::destination: reader.country(i, "destination", out.destination); break;
    case Column::entry:
    case Column::line:
    case Column::program:
    case Column::unit: // read with 'quantity'
    case Column::count_: break;
    }
    if (reader.failed()) return;
  }
}

} // namespace dutycalc::manifest
