// The table format, for people: one aligned row per line, then totals per entry and overall, a
// summary by origin and by measure, and the messages of lines that need attention.
#include <dutycalc/report/report_writer.hpp>

#include <dutycalc/money/money.hpp>
#include <dutycalc/report/text_table.hpp>

#include <fmt/format.h>

#include <map>

namespace dutycalc::report {

namespace {

struct Totals {
  std::size_t lines = 0;
  std::size_t failed = 0;
  Decimal value, base_duty, additional_duty, fees, taxes, landed;

  void add(const manifest::ManifestLine& line, const pricing::LineResult& result) {
    ++lines;
    if (result.status != pricing::LineStatus::ok) {
      ++failed;
      return;
    }
    value += line.value;
    base_duty += result.base_duty.amount;
    additional_duty += result.additional_duty.amount;
    fees += result.fees.amount;
    taxes += result.taxes.amount;
    landed += result.landed_cost.amount;
  }
};

class TableWriter final : public ReportWriter {
public:
  explicit TableWriter(Output& output) : m_output(output) {}

  void begin(const std::vector<std::string>&) override {}

  void write(const manifest::CsvRecord&, const manifest::ManifestLine& line,
             const pricing::LineResult& result) override {
    const bool ok = result.status == pricing::LineStatus::ok;
    if (ok) m_places = result.landed_cost.currency.minor_units(), m_currency = result.landed_cost.currency;
    const std::string entry = entry_name(line);
    const std::string line_name = line.line_id.empty() ? std::to_string(line.line) : std::string(line.line_id);
    m_rows.push_back({line_name, entry, line.code.length() ? line.code.formatted() : "",
                      std::string(line.origin[0] ? std::string_view(line.origin.data(), 2) : ""),
                      ok ? money(line.value) : "", result.rate,
                      ok ? money(result.base_duty.amount) : "",
                      ok ? money(result.additional_duty.amount) : "", ok ? money(result.fees.amount) : "",
                      ok ? money(result.taxes.amount) : "", ok ? money(result.landed_cost.amount) : "",
                      ok ? "ok" : "error"});
    if (!result.message.empty())
      m_messages.push_back(fmt::format("line {}: {}{}", line.line, ok ? "" : "error: ", result.message));
    m_total.add(line, result);
    if (!entry.empty()) m_entries[entry].add(line, result);
    if (line.origin[0]) m_origins[std::string(line.origin.data(), 2)].add(line, result);
    if (ok)
      for (const auto& rule : result.rules) {
        auto& m = m_measures[std::string(rule.measure)];
        ++m.lines;
        m.duty += rule.amount;
      }
  }

  void finish() override {
    TextTable lines({{"Line"}, {"Entry"}, {"HS code"}, {"Origin"}, {"Value", TextTable::Align::right},
                     {"Rate"}, {"Base duty", TextTable::Align::right},
                     {"Additional", TextTable::Align::right}, {"Fees", TextTable::Align::right},
                     {"Taxes", TextTable::Align::right}, {"Landed cost", TextTable::Align::right},
                     {"Status"}});
    for (auto& row : m_rows) lines.add_row(std::move(row));
    lines.add_rule();
    lines.add_row({"Total", "", "", "", money(m_total.value), "", money(m_total.base_duty),
                   money(m_total.additional_duty),
                   money(m_total.fees), money(m_total.taxes), money(m_total.landed),
                   fmt::format("{} ok, {} failed", m_total.lines - m_total.failed, m_total.failed)});
    std::string out = lines.render();

    if (!m_entries.empty()) out += "\nBy entry\n" + summary(m_entries, "Entry");
    if (!m_origins.empty()) out += "\nBy origin\n" + summary(m_origins, "Origin");
    if (!m_measures.empty()) {
      TextTable measures({{"Measure"}, {"Lines", TextTable::Align::right},
                          {"Amount", TextTable::Align::right}});
      for (const auto& [name, m] : m_measures)
        measures.add_row({name, std::to_string(m.lines), money(m.duty)});
      out += "\nBy measure\n" + measures.render();
    }
    if (!m_messages.empty()) {
      out += "\nMessages\n";
      for (const auto& message : m_messages) out += "  " + message + "\n";
    }
    out += fmt::format("\nAmounts in {}.\n", m_currency.code());
    m_output.write(out);
    m_output.flush();
  }

private:
  struct Measure {
    std::size_t lines = 0;
    Decimal duty;
  };

  static std::string entry_name(const manifest::ManifestLine& line) { return std::string(line.entry); }

  std::string money(Decimal amount) const { return amount.to_grouped_string(m_places); }

  std::string summary(const std::map<std::string, Totals>& groups, const char* title) const {
    TextTable table({{title}, {"Lines", TextTable::Align::right}, {"Value", TextTable::Align::right},
                     {"Duty", TextTable::Align::right}, {"Fees", TextTable::Align::right},
                     {"Taxes", TextTable::Align::right}, {"Landed cost", TextTable::Align::right}});
    for (const auto& [name, t] : groups)
      table.add_row({name, t.failed ? fmt::format("{} ({} failed)", t.lines, t.failed) : std::to_string(t.lines),
                     money(t.value), money(t.base_duty + t.additional_duty), money(t.fees),
                     money(t.taxes), money(t.landed)});
    return table.render();
  }

  Output& m_output;
  int m_places = 2;
  Currency m_currency;
  std::vector<std::vector<std::string>> m_rows;
  std::vector<std::string> m_messages;
  Totals m_total;
  std::map<std::string, Totals> m_entries;
  std::map<std::string, Totals> m_origins;
  std::map<std::string, Measure> m_measures;
};

} // namespace

std::unique_ptr<ReportWriter> make_table_writer(Output& output) {
  return std::make_unique<TableWriter>(output);
}

} // namespace dutycalc::report
