#include <dutycalc/importers/hts_csv.hpp>

#include <dutycalc/importers/csv_import_reader.hpp>
#include <dutycalc/importers/usitc_record.hpp>
#include <dutycalc/importers/usitc_text.hpp>

namespace dutycalc::importers {

namespace {

enum Field : std::size_t { number, indent, description, units, general, special, column2 };

FieldPlace place(const SourceLocation& where) { return {where.line, where.column}; }

} // namespace

std::vector<schedule::LineRow> read_hts_csv(std::istream& input, const std::string& display_name) {
  CsvImportReader reader(input, display_name, k_hts_csv_columns, "a USITC HTS CSV export");
  UsitcRows maker(display_name);
  std::vector<schedule::LineRow> rows;
  UsitcRecord record;
  while (reader.next()) {
    record.line = reader.line();
    record.number = reader.field(number);
    record.number_at = place(reader.where(number));
    record.indent = reader.field(indent);
    record.indent_at = place(reader.where(indent));
    record.description = reader.field(description);
    record.units_problem.clear();
    auto unit_list = parse_units(reader.field(units), record.units_problem);
    record.units = unit_list ? std::move(*unit_list) : std::vector<std::string>();
    record.units_at = place(reader.where(units));
    record.general = reader.field(general);
    record.special = reader.field(special);
    record.column2 = reader.field(column2);
    rows.push_back(maker.make(record));
  }
  return rows;
}

} // namespace dutycalc::importers
