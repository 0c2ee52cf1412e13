// The typed view of one manifest record: which header column means what, and the values read
// from a record. Problems with a field are data on the line, never exceptions.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/quantities.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::manifest {

// The columns dutycalc understands; anything else is passed through.
enum class Column : std::uint8_t {
  hs_code, origin, value, entry, line, date, currency, quantity, unit, mode, program, freight,
  insurance, melt_country, destination, export_date,
  count_ // number of named columns
};

struct ManifestLine;
class ColumnMap;
void read_line(const CsvRecord& record, const ColumnMap& columns, ManifestLine& out);

// Maps header names to columns. Names match without regard to case, spaces, '-' and '_'
// ("HS Code", "hs_code", "HS-CODE"), and a few common aliases ("hts", "country_of_origin",
// "entry_date", "programme"...; see manifest_line.cpp). "quantity_kg", "quantity_l", "quantity_no",
// "Quantity (kg)"... are quantity columns in a fixed unit.
class ColumnMap {
public:
  // Throws Error naming file, line and column when a required column (hs_code, origin, value) is
  // missing, a known column appears twice, or the header record itself is malformed.
  static ColumnMap from_header(const CsvRecord& header, const std::string& file);

  // Field index of a column, or -1 when the manifest has none.
  int index_of(Column column) const { return m_index[static_cast<std::size_t>(column)]; }
  struct UnitColumn {
    int index;
    rate::Unit unit;
  };
  const std::vector<UnitColumn>& quantity_columns() const { return m_quantity_columns; }
  // The header's names as written, in order (output repeats them).
  const std::vector<std::string>& names() const { return m_names; }

private:
  friend void read_line(const CsvRecord& record, const ColumnMap& columns, ManifestLine& out);
  // A known column in field order, so that a line's first problem is its leftmost one.
  struct Slot {
    int index;
    Column column;
    bool fixed_unit; // a quantity_<unit> column
    rate::Unit unit;
  };
  static constexpr std::array<int, static_cast<std::size_t>(Column::count_)> no_columns() {
    std::array<int, static_cast<std::size_t>(Column::count_)> index{};
    for (int& i : index) i = -1;
    return index;
  }

  std::array<int, static_cast<std::size_t>(Column::count_)> m_index = no_columns();
  std::vector<UnitColumn> m_quantity_columns;
  std::vector<std::string> m_names;
  std::vector<Slot> m_slots;
};

enum class TransportMode : std::uint8_t { unknown, vessel, air, truck, rail, mail };

// A problem with one field: the 1-based column where the field starts, and why.
struct FieldProblem {
  int line = 0;
  int column = 0;
  std::string message;
};

// The values of one record. Views point into the CsvRecord and live as long as it does.
struct ManifestLine {
  int line = 0;
  std::string_view entry;
  std::string_view line_id;
  HsCode code;
  std::array<char, 2> origin{};
  Decimal value;
  std::optional<Currency> currency;
  std::optional<Date> date;
  std::optional<Date> export_date;
  rate::Quantities quantities;
  TransportMode mode = TransportMode::unknown;
  std::string_view program;
  Decimal freight;
  Decimal insurance;
  std::array<char, 2> melt_country{};  // {0,0} when not given
  std::array<char, 2> destination{};   // {0,0} when not given
  std::optional<FieldProblem> problem; // the first problem found; then other fields may be unset

  // Back to a line with nothing read, keeping the memory it holds (a batch reuses its lines).
  void clear();
};

// Reads the typed fields of `record` into `out` (reset first). Never throws for bad field content:
// the first problem, in field order, goes to `out.problem`, with the line and column where the
// offending field starts (where a missing field would start). Text fields are trimmed of spaces
// and tabs; country and currency codes may be lower case. No allocation unless there is a problem.
void read_line(const CsvRecord& record, const ColumnMap& columns, ManifestLine& out);

} // namespace dutycalc::manifest
