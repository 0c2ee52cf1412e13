#include <dutycalc/fx/fx_table.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <fmt/format.h>

#include <sstream>

namespace dutycalc::fx {

FxTable FxTable::parse(std::string_view text, const std::string& display_name) {
  FxTable table;
  table.m_name = display_name;
  std::istringstream input{std::string(text)};
  manifest::CsvReader reader(input, display_name);
  manifest::CsvRecord record;
  if (!reader.next(record)) throw Error({display_name, 1, 1}, "exchange rate file is empty");
  const auto where = [&](std::size_t field) {
    return SourceLocation{display_name, record.line,
                          field < record.columns.size() ? record.columns[field] : 1};
  };
  if (record.fields.size() != 3 || record.fields[0] != "date" || record.fields[1] != "currency" ||
      record.fields[2] != "rate")
    throw Error(where(0), "expected the header 'date,currency,rate'");
  while (reader.next(record)) {
    if (!record.problem.empty())
      throw Error({display_name, record.problem_line, record.problem_column}, record.problem);
    if (record.fields.size() != 3)
      throw Error(where(0), fmt::format("expected 3 fields, found {}", record.fields.size()));
    const auto date = Date::parse(record.fields[0]);
    if (!date) throw Error(where(0), fmt::format("'{}' is not a YYYY-MM-DD date", record.fields[0]));
    const auto currency = Currency::from_code(record.fields[1]);
    if (!currency)
      throw Error(where(1), fmt::format("unknown currency '{}' (ISO 4217 code expected)", record.fields[1]));
    const auto rate = Decimal::parse(record.fields[2]);
    if (!rate || rate->sign() <= 0)
      throw Error(where(2), fmt::format("rate '{}' is not a positive decimal", record.fields[2]));
    const auto key = std::make_pair(std::string(currency->code()), date->days());
    if (!table.m_rates.emplace(key, *rate).second)
      throw Error(where(0), fmt::format("a second rate for {} on {}", currency->code(), date->to_string()));
  }
  return table;
}

std::optional<Decimal> FxTable::rate(const Currency& currency, Date date) const {
  const auto it = m_rates.find({std::string(currency.code()), date.days()});
  if (it == m_rates.end()) return std::nullopt;
  return it->second;
}

} // namespace dutycalc::fx
