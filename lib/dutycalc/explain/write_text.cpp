// The text form of an explanation. Sources are long (proclamations with URLs), so tables carry
// numbered references and the sources follow at the end, each once.
#include <dutycalc/explain/description_path.hpp>
#include <dutycalc/explain/write_explanation.hpp>
#include <dutycalc/report/text_table.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace dutycalc::explain {

namespace {

using Status = pricing::MeasureOutcome::Status;

class Footnotes {
public:
  // "[n]" for `source`, numbering sources in order of first use.
  std::string ref(const std::string& source) {
    auto it = std::find(m_sources.begin(), m_sources.end(), source);
    if (it == m_sources.end()) it = m_sources.insert(m_sources.end(), source);
    return fmt::format("[{}]", it - m_sources.begin() + 1);
  }
  std::string refs(const std::vector<std::string>& sources) {
    std::string text;
    for (const auto& source : sources) text += ref(source);
    return text;
  }
  void render(std::string& out) const {
    out += "\nSources\n";
    for (std::size_t i = 0; i < m_sources.size(); ++i)
      out += fmt::format("  [{}] {}\n", i + 1, m_sources[i]);
  }

private:
  std::vector<std::string> m_sources;
};

std::string amount(const Explanation& e, Decimal value) {
  return value.to_grouped_string(e.currency.minor_units());
}

void write_heading(const Explanation& e, std::string& out) {
  const ExplainRequest& r = e.request;
  out += fmt::format("{} from {}, entered {}", r.code_text, schedule::view(r.origin),
                     r.date.to_string());
  if (r.value) out += fmt::format(", value {} {}", amount(e, *r.value), e.currency.code());
  for (const rate::Quantity& q : r.quantities) out += ", " + quantity_text(q, true);
  if (!r.programme.empty()) out += fmt::format(", claiming {}", r.programme);
  if (r.melt_country[0]) out += fmt::format(", melted in {}", schedule::view(r.melt_country));
  out += "\n\n";
}

void write_line(const Explanation& e, std::string& out) {
  constexpr std::string_view k_indent = "             ";
  out += fmt::format("Tariff line  {}", e.line->code.formatted());
  if (e.rated != e.line) out += fmt::format(" (rate of {})", e.rated->code.formatted());
  out += '\n';
  for (std::size_t i = 0; i < e.path.size(); ++i)
    out += fmt::format("{}{}{}\n", k_indent, i == 0 ? "" : "> ", path_step(*e.path[i]));
  std::string units = e.line->units;
  std::replace(units.begin(), units.end(), ';', ',');
  out += fmt::format("Units        {}\n", units.empty() ? "(none stated)" : units);
  out += fmt::format("Edition      {}, effective {}{}\n", e.edition->id,
                     e.edition->effective.to_string(),
                     e.before_oldest ? " (the oldest edition; the entry date is earlier)" : "");
  out += fmt::format("Version      {}\n", e.version);
}

void write_options(const Explanation& e, Footnotes& notes, std::string& out) {
  out += "\nBase rate options\n";
  report::TextTable table({{"  option"}, {"rate"}, {"duty", report::TextTable::Align::right},
                           {"status"}});
  std::vector<std::vector<std::string>> rows;
  for (const DutyOption& option : e.options) {
    const std::string name = option.kind == DutyOption::Kind::programme ? option.symbol : option.name;
    std::string duty = "-";
    if (option.duty) duty = amount(e, *option.duty);
    else if (!option.duty_problem.empty()) duty = "n/a";
    std::string status = fmt::format("{}: {}", to_string(option.status), option.why);
    if (!option.duty_problem.empty()) status += fmt::format("; no amount: {}", option.duty_problem);
    // Programmes the origin cannot use cite the special column only: citing each programme's
    // definition would bury the sources that matter.
    const bool usable = option.status == DutyOption::Status::applies ||
                        option.status == DutyOption::Status::eligible ||
                        option.kind != DutyOption::Kind::programme;
    status += "  " + (usable ? notes.refs(option.sources) : notes.ref(option.sources.front()));
    std::vector<std::string> row{name, option.rate.empty() ? "(none)" : option.rate, duty, status};
    // Neighbours that differ only in the symbol share a row ("A, AU, BH  Free  -  not available").
    if (!rows.empty() && option.kind == DutyOption::Kind::programme &&
        std::equal(row.begin() + 1, row.end(), rows.back().begin() + 1) &&
        rows.back().front() != "general")
      rows.back().front() += ", " + name;
    else
      rows.push_back(std::move(row));
  }
  for (auto& row : rows) {
    row.front().insert(0, "  ");
    table.add_row(std::move(row));
  }
  out += table.render();
  for (const DutyOption& option : e.options)
    if (!option.unconfirmed.empty() && (option.status == DutyOption::Status::applies ||
                                        option.status == DutyOption::Status::eligible))
      out += fmt::format("  {}: unconfirmed: {}\n",
                         option.kind == DutyOption::Kind::programme ? option.symbol : option.name,
                         option.unconfirmed);
}

void write_measures(const Explanation& e, Footnotes& notes, std::string& out) {
  out += "\nAdditional duties considered\n";
  if (e.measures.empty()) {
    out += "  none reach this code\n";
    return;
  }
  std::size_t rate_width = 0;
  for (const MeasureItem& item : e.measures) rate_width = std::max(rate_width, item.added_rate.size());
  for (const MeasureItem& item : e.measures) {
    const schedule::Measure& m = *item.measure;
    const bool applies = item.outcome.status == Status::applies;
    out += fmt::format("  {} {}  +{:<{}}  {}  {}\n", applies ? '+' : '-', m.heading,
                       item.added_rate, rate_width, m.title, notes.ref(m.origin.source));
    std::string outcome = item.why;
    if (item.outcome.status == Status::exempted) {
      const schedule::Exemption& x = *item.outcome.exemption;
      outcome = fmt::format("exempt: {} ({})  {}", x.reason, x.id, notes.ref(x.origin.source));
    } else if (applies && !item.quota_note.empty() && item.quota_note.starts_with("not charged")) {
      outcome = "in force, but " + item.quota_note;
    } else if (applies && item.duty) {
      outcome = fmt::format("applies: {}", amount(e, *item.duty));
    }
    if (!item.quota_note.empty() && !outcome.starts_with("in force")) outcome += "; " + item.quota_note;
    out += fmt::format("      {}\n", outcome);
    if (!m.origin.unconfirmed.empty())
      out += fmt::format("      unconfirmed: {}\n", m.origin.unconfirmed);
  }
}

void write_quota(const Explanation& e, Footnotes& notes, std::string& out) {
  if (!e.quota) return;
  const quota::Quota& q = *e.quota->quota;
  out += "\nQuota (drawn from a full quota, as dutycalc price without --ledger)\n";
  out += fmt::format("  {}  {}  {}\n      {}\n", q.id, q.title, notes.ref(q.origin.source),
                     e.quota->why);
  if (!q.origin.unconfirmed.empty())
    out += fmt::format("      unconfirmed: {}\n", q.origin.unconfirmed);
}

void write_notices(const Explanation& e, Footnotes& notes, std::string& out) {
  if (e.notices.empty()) return;
  out += "\nNotices\n";
  for (const schedule::Notice* notice : e.notices)
    out += fmt::format("  {}  {}\n", notice->message, notes.ref(notice->origin.source));
}

void write_bottom_line(const Explanation& e, std::string& out) {
  const pricing::LineResult& r = e.result;
  out += "\nBottom line (the duties as dutycalc price prices them)\n";
  report::TextTable table({{""}, {""}});
  table.add_row({"  rate", r.rate});
  if (!r.quota.empty()) table.add_row({"  quota", r.quota});
  const bool amounts = e.request.value && r.status == pricing::LineStatus::ok;
  if (amounts) {
    table.add_row({"  base duty", amount(e, r.base_duty.amount)});
    table.add_row({"  additional duty", amount(e, r.additional_duty.amount)});
    if (!r.fees.amount.is_zero()) table.add_row({"  fees", amount(e, r.fees.amount)});
    if (!r.taxes.amount.is_zero()) table.add_row({"  taxes", amount(e, r.taxes.amount)});
    table.add_row({"  landed cost", amount(e, r.landed_cost.amount)});
  }
  table.add_row({"  status", r.status == pricing::LineStatus::ok ? "ok" : "error"});
  if (!r.message.empty()) table.add_row({"  message", r.message});
  // The table's first row is its (empty) title row: drop it.
  const std::string rendered = table.render();
  out += rendered.substr(rendered.find('\n') + 1);
  if (!e.request.value) out += "  (give --value for amounts)\n";
  // Entry fees (the MPF, the HMF) are shared among a customs entry's lines by `price`; one code
  // alone is not an entry, so they are left out here rather than guessed.
  if (amounts && !e.schedule_fees.empty())
    out += "  (entry fees are not included: dutycalc price shares them among an entry's lines)\n";
}

} // namespace

std::string explanation_text(const Explanation& e) {
  std::string out;
  Footnotes notes;
  write_heading(e, out);
  write_line(e, out);
  write_options(e, notes, out);
  write_measures(e, notes, out);
  write_quota(e, notes, out);
  write_notices(e, notes, out);
  write_bottom_line(e, out);
  notes.render(out);
  return out;
}

} // namespace dutycalc::explain
