#include <dutycalc/quota/quota_status.hpp>

#include <dutycalc/report/text_escaping.hpp>
#include <dutycalc/report/text_table.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <fmt/format.h>

#include <array>

namespace dutycalc::quota {

namespace {

constexpr std::array<std::string_view, 10> k_fields = {
    "quota", "title", "period", "first_day", "last_day", // which quota, which period
    "volume", "unit", "drawn", "left", "status"};

std::array<std::string, k_fields.size()> plain_fields(const QuotaStatus& row) {
  return {row.id, row.title, row.period, row.first_day.to_string(), row.last_day.to_string(),
          row.volume.to_string(row.places), row.unit, row.drawn.to_string(row.places),
          row.left.to_string(row.places), std::string(to_string(row.state))};
}

// "92.5%": the share drawn, truncated so that a quota shown at 90.0% is indeed critical.
std::string used_percent(const QuotaStatus& row) {
  if (row.volume.is_zero()) return "";
  const Decimal share = row.drawn.scaled(Decimal::from_integer(100), row.volume);
  return round(share, 1, RoundingMode::down).to_string(1) + "%";
}

std::string table(const std::vector<QuotaStatus>& rows) {
  using Align = report::TextTable::Align;
  report::TextTable t({{"Quota"}, {"Title"}, {"Period"}, {"From"}, {"To"},
                       {"Volume", Align::right}, {"Unit"}, {"Drawn", Align::right},
                       {"Left", Align::right}, {"Used", Align::right}, {"Status"}});
  for (const auto& row : rows)
    t.add_row({row.id, row.title, row.period, row.first_day.to_string(), row.last_day.to_string(),
               row.volume.to_grouped_string(row.places), row.unit,
               row.drawn.to_grouped_string(row.places), row.left.to_grouped_string(row.places),
               used_percent(row), std::string(to_string(row.state))});
  return t.render();
}

} // namespace

std::string_view to_string(QuotaState state) {
  switch (state) {
  case QuotaState::open: return "open";
  case QuotaState::critical: return "critical";
  case QuotaState::exhausted: return "exhausted";
  }
  return "open";
}

QuotaState quota_state(Decimal drawn, Decimal volume) {
  if (drawn >= volume) return QuotaState::exhausted;
  // drawn >= 90% of volume, compared exactly as 10 * drawn >= 9 * volume.
  if (drawn * Decimal::from_integer(10) >= volume * Decimal::from_integer(9))
    return QuotaState::critical;
  return QuotaState::open;
}

std::vector<QuotaStatus> quota_status(const schedule::Schedule& schedule, Ledger& ledger,
                                      Date date) {
  std::vector<QuotaStatus> rows;
  for (const Quota& quota : schedule.quotas) {
    if (!quota.window.contains(date)) continue;
    const Period period = quota.period_of(date);
    QuotaStatus row;
    row.id = quota.id;
    row.title = quota.title;
    row.period = period.label;
    row.first_day = period.start;
    row.last_day = Date::from_days(period.end.days() - 1);
    row.volume = quota.volume;
    if (quota.unit.is_value) {
      row.unit = schedule.currency.code();
      row.places = schedule.currency.minor_units();
    } else {
      row.unit = rate::name(quota.unit.unit);
    }
    row.drawn = ledger.drawn(quota.id, period.label);
    const Decimal left = quota.volume - row.drawn;
    row.left = left.sign() < 0 ? Decimal{} : left;
    row.state = quota_state(row.drawn, quota.volume);
    rows.push_back(std::move(row));
  }
  return rows;
}

void print_quota_status(const std::vector<QuotaStatus>& rows, OutputFormat format, Output& out) {
  std::string line;
  switch (format) {
  case OutputFormat::table: out.write(table(rows)); break;
  case OutputFormat::csv:
    for (std::size_t i = 0; i < k_fields.size(); ++i) {
      if (i > 0) line.push_back(',');
      line.append(k_fields[i]);
    }
    line.push_back('\n');
    for (const auto& row : rows) {
      const auto fields = plain_fields(row);
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line.push_back(',');
        report::append_csv_field(line, fields[i]);
      }
      line.push_back('\n');
    }
    out.write(line);
    break;
  case OutputFormat::jsonl:
    for (const auto& row : rows) {
      const auto fields = plain_fields(row);
      line.push_back('{');
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0) line.push_back(',');
        report::append_json_string(line, k_fields[i]);
        line.push_back(':');
        report::append_json_string(line, fields[i]);
      }
      line.append("}\n");
    }
    out.write(line);
    break;
  }
  out.flush();
}

} // namespace dutycalc::quota
