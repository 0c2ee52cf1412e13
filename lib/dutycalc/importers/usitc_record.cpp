#include <dutycalc/importers/usitc_record.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/importers/usitc_text.hpp>

#include <fmt/format.h>

#include <charconv>

namespace dutycalc::importers {

schedule::LineRow UsitcRows::make(const UsitcRecord& record) {
  const auto place = [&](FieldPlace at) {
    return SourceLocation{m_display_name, at.line, at.column};
  };
  schedule::LineRow row;
  row.source_line = record.line;
  if (!record.number.empty()) {
    std::string why;
    const auto code = HsCode::parse(record.number, 4, &why);
    if (!code) throw Error(place(record.number_at), why);
    const auto [first, inserted] = m_first_line.emplace(code->key(), record.line);
    if (!inserted)
      throw Error(place(record.number_at), fmt::format("duplicate code {} (first at line {})",
                                                       code->formatted(), first->second));
    row.hs_code = code->formatted();
  }
  const std::string_view indent = record.indent;
  const auto [end, ec] = std::from_chars(indent.data(), indent.data() + indent.size(), row.indent);
  if (indent.empty() || ec != std::errc() || end != indent.data() + indent.size() || row.indent < 0)
    throw Error(place(record.indent_at), fmt::format("indent '{}' is not a whole number", indent));
  row.description = plain_text(record.description);
  if (!record.units_problem.empty()) throw Error(place(record.units_at), record.units_problem);
  for (const std::string& unit : record.units) {
    if (unit.find(';') != std::string::npos)
      throw Error(place(record.units_at), fmt::format("unit '{}' holds a ';'", unit));
    if (!row.units.empty()) row.units.push_back(';');
    row.units.append(unit);
  }
  row.general = plain_text(record.general);
  row.special = plain_text(record.special);
  row.column2 = plain_text(record.column2);
  row.footnotes = record.footnotes;
  return row;
}

} // namespace dutycalc::importers
