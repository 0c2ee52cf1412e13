// The text report. Sources are long (proclamations with URLs), so entries carry numbered
// references and the sources follow at the end, each once, as in `dutycalc explain`.
#include <dutycalc/diff/write_diff.hpp>
#include <dutycalc/report/text_table.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>

namespace dutycalc::diff {

namespace {

using report::TextTable;

class Footnotes {
public:
  // "[n]" for `source`, numbering sources in order of first use.
  std::string ref(const std::string& source) {
    auto it = std::find(m_sources.begin(), m_sources.end(), source);
    if (it == m_sources.end())
      it = m_sources.insert(m_sources.end(), source);
    return fmt::format("[{}]", it - m_sources.begin() + 1);
  }
  void render(std::string& out) const {
    if (m_sources.empty())
      return;
    out += "\nSources\n";
    for (std::size_t i = 0; i < m_sources.size(); ++i)
      out += fmt::format("  [{}] {}\n", i + 1, m_sources[i]);
  }

private:
  std::vector<std::string> m_sources;
};

constexpr std::size_t k_name_width = 18;
// A list longer than k_list_cut (Section 301's thousands of codes) shows k_list_items and a count.
constexpr std::size_t k_list_cut = 12;
constexpr std::size_t k_list_items = 10;
// An old and a new value shorter than this together share one line: "Free -> Free + 25%".
constexpr std::size_t k_one_line = 60;

std::string or_none(const std::string& text) {
  return text.empty() ? "(none)" : text;
}

// A list as people read it: the first items and how many more.
std::string shown(const RuleField& field) {
  if (field.items.size() <= k_list_cut)
    return or_none(field.text());
  std::string text;
  for (std::size_t i = 0; i < k_list_items; ++i)
    text += field.items[i] + ", ";
  return fmt::format("{}... ({} in all)", text, field.items.size());
}

// One property: its value, or for a change whose value differs, the old and the new.
void row(std::string& out, std::string_view name, const std::string& now, const std::string* was) {
  if (!was || *was == now)
    out += fmt::format("    {:<{}}{}\n", name, k_name_width, now);
  else if (was->size() + now.size() < k_one_line)
    out += fmt::format("    {:<{}}{} -> {}\n", name, k_name_width, *was, now);
  else
    out += fmt::format("    {:<{}}{}\n    {:<{}}-> {}\n", name, k_name_width, *was, "",
                       k_name_width, now);
}

const RuleField* find_field(const RuleView& rule, const std::string& name) {
  for (const RuleField& f : rule.fields)
    if (f.name == name)
      return &f;
  return nullptr;
}

std::string place(const SourceLocation& where) {
  return where.file.empty() ? "" : to_string(where);
}

void write_rule(const RuleChange& change, Footnotes& notes, std::string& out) {
  const RuleView& rule = *change.rule;
  const RuleView* was = change.was;
  const std::string ids =
      was && was->id != rule.id ? fmt::format("{} -> {}", was->id, rule.id) : rule.id;
  out += fmt::format("\n{}  {} {}  {}\n", change.date.to_string(), rule.table,
                     to_string(change.kind), ids);
  const auto text = [](const RuleField* f) { return f ? shown(*f) : std::string("(none)"); };
  const auto pair_row = [&](std::string_view name, const std::string& now,
                            const std::string& before) {
    row(out, name, now, was ? &before : nullptr);
  };
  if (!rule.title_name.empty())
    pair_row(rule.title_name, rule.title, was ? was->title : "");
  for (const RuleField& field : rule.fields)
    pair_row(field.name, shown(field), was ? text(find_field(*was, field.name)) : "");
  if (was)
    for (const RuleField& field : was->fields)
      if (!find_field(rule, field.name))
        pair_row(field.name, "(none)", shown(field));
  pair_row("window", describe_window(rule.window, rule.open_start),
           was ? describe_window(was->window, was->open_start) : "");
  // The earlier rule's source is numbered first, whatever order the compiler evaluates arguments in.
  const std::string was_source = was ? notes.ref(was->source) : "";
  pair_row("source", notes.ref(rule.source), was_source);
  if (!rule.unconfirmed.empty() || (was && !was->unconfirmed.empty()))
    pair_row("unconfirmed", or_none(rule.unconfirmed), was ? or_none(was->unconfirmed) : "");
  if (!rule.where.file.empty())
    pair_row("at", place(rule.where), was ? place(was->where) : "");
}

void write_rules(const ScheduleDiff& diff, Footnotes& notes, std::string& out) {
  std::array<std::size_t, 4> counts{};
  for (const RuleChange& c : diff.rules)
    ++counts[static_cast<std::size_t>(c.kind)];
  if (diff.rules.empty()) {
    out += "\nRules: none start, end or change\n";
    return;
  }
  out += fmt::format("\nRules: {} end, {} start, {} change, {} come and go\n",
                     counts[static_cast<std::size_t>(ChangeKind::ends)],
                     counts[static_cast<std::size_t>(ChangeKind::starts)],
                     counts[static_cast<std::size_t>(ChangeKind::changes)],
                     counts[static_cast<std::size_t>(ChangeKind::comes_and_goes)]);
  for (const RuleChange& c : diff.rules)
    write_rule(c, notes, out);
}

std::string edition_place(const ScheduleDiff& diff, const schedule::Edition& edition, int line) {
  return fmt::format("{}/{}:{}", diff.schedule->directory, edition.file, line);
}

// A rate column of a line change: the value, or "old -> new" when it changed.
std::string rate_cell(const LineChange& c, const rate::Expression schedule::TariffLine::*column) {
  std::string before = c.before ? (c.before->*column).text() : "";
  std::string after = c.after ? (c.after->*column).text() : "";
  if (!c.before)
    return after;
  if (!c.after || before == after)
    return before;
  return fmt::format("{} -> {}", or_none(before), or_none(after));
}

void write_editions(const ScheduleDiff& diff, Footnotes& notes, std::string& out) {
  const EditionChange& e = diff.editions;
  out += "\nTariff lines\n";
  if (e.before == e.after) {
    out += fmt::format("  {} is in force on both dates: no line changes\n", e.before->id);
    return;
  }
  out += fmt::format("  {}: {}, effective {}  {}\n", diff.dates.from.to_string(), e.before->id,
                     e.before->effective.to_string(), notes.ref(e.before->source));
  out += fmt::format("  {}: {}, effective {}  {}\n", diff.dates.to.to_string(), e.after->id,
                     e.after->effective.to_string(), notes.ref(e.after->source));
  for (const schedule::Edition* between : e.between)
    out += fmt::format("  in between, not compared: {}, effective {}\n", between->id,
                       between->effective.to_string());
  std::array<std::size_t, 4> counts{};
  for (const LineChange& c : e.lines)
    ++counts[static_cast<std::size_t>(c.kind)];
  out += fmt::format("  {} added, {} removed, {} with other rates\n",
                     counts[static_cast<std::size_t>(ChangeKind::starts)],
                     counts[static_cast<std::size_t>(ChangeKind::ends)],
                     counts[static_cast<std::size_t>(ChangeKind::changes)]);
  if (e.lines.empty())
    return;
  TextTable table(
      {{"  change"}, {"HS code"}, {"general"}, {"special"}, {"column 2"}, {"at"}, {"description"}});
  for (const LineChange& c : e.lines) {
    const schedule::TariffLine& line = c.after ? *c.after : *c.before;
    const schedule::Edition& edition = c.after ? *e.after : *e.before;
    const std::string_view kind = c.kind == ChangeKind::starts ? "added"
                                  : c.kind == ChangeKind::ends ? "removed"
                                                               : "changed";
    table.add_row({fmt::format("  {}", kind), line.code.formatted(),
                   rate_cell(c, &schedule::TariffLine::general),
                   rate_cell(c, &schedule::TariffLine::special),
                   rate_cell(c, &schedule::TariffLine::column2),
                   edition_place(diff, edition, line.source_line), line.description});
  }
  out += '\n';
  out += table.render();
}

std::string money(Decimal amount, int places) {
  return amount.to_grouped_string(places);
}

std::string signed_money(Decimal amount, int places) {
  return (amount.sign() > 0 ? "+" : "") + money(amount, places);
}

// What differs between a line's two results, in the order of the price columns; for a line
// priced at neither date, why.
void write_line_differences(const LineComparison& line, const ScheduleDiff& diff, int places,
                            std::string& out) {
  const PricedAt& a = line.from;
  const PricedAt& b = line.to;
  std::string rows;
  const auto add = [&rows](std::string_view name, const std::string& before,
                           const std::string& after) {
    if (before == after)
      return;
    const std::string was = or_none(before);
    row(rows, name, or_none(after), &was);
  };
  const auto status = [](const PricedAt& p) { return std::string(p.ok ? "ok" : "error"); };
  add("status", status(a), status(b));
  add("rate", a.rate, b.rate);
  add("quota", a.quota, b.quota);
  if (a.ok && b.ok) {
    add("base duty", money(a.base_duty, places), money(b.base_duty, places));
    add("additional duty", money(a.additional_duty, places), money(b.additional_duty, places));
    add("fees", money(a.fees, places), money(b.fees, places));
    add("taxes", money(a.taxes, places), money(b.taxes, places));
  }
  add("message", a.message, b.message);
  // A line that fails alike at both dates differs in nothing, but the reader needs the reason.
  if (rows.empty() && !a.ok && !b.ok)
    row(rows, "message", a.message, nullptr);
  if (rows.empty())
    return;
  std::string outcome;
  if (const auto change = line.change())
    outcome = signed_money(*change, places);
  else if (!a.ok && !b.ok)
    outcome = "not priced at either date";
  else
    outcome = fmt::format("not priced at {}", (a.ok ? diff.dates.to : diff.dates.from).to_string());
  out += fmt::format("  line {}  {} from {}: {}\n{}", line.line, line.hs_code, line.origin, outcome,
                     rows);
}

void write_manifest(const ScheduleDiff& diff, const ManifestComparison& m, std::string& out) {
  const int places = m.currency.minor_units();
  const std::string from = diff.dates.from.to_string();
  const std::string to = diff.dates.to.to_string();
  out += fmt::format("\nManifest {}: landed cost at {} and at {} ({})\n", m.display_name, from, to,
                     m.currency.code());
  using Align = TextTable::Align;
  TextTable table({{"  line", Align::right},
                   {"HS code"},
                   {"origin"},
                   {"value", Align::right},
                   {from, Align::right},
                   {to, Align::right},
                   {"change", Align::right}});
  for (const LineComparison& line : m.lines) {
    const PricedAt& priced = line.from.ok ? line.from : line.to;
    const auto landed = [places](const PricedAt& p) {
      return p.ok ? money(p.landed_cost, places) : std::string("error");
    };
    const auto change = line.change();
    table.add_row({fmt::format("  {}", line.line), line.hs_code, line.origin,
                   priced.ok ? money(priced.value, places) : line.value, landed(line.from),
                   landed(line.to), change ? signed_money(*change, places) : "n/a"});
  }
  table.add_rule();
  table.add_row({"  total", "", "", money(m.value, places), money(m.landed_from, places),
                 money(m.landed_to, places), signed_money(m.landed_to - m.landed_from, places)});
  out += table.render();
  out += fmt::format("  {} lines, {} priced at both dates (the total is theirs)", m.lines.size(),
                     m.priced_at_both);
  if (m.failed_from > 0)
    out += fmt::format("; {} not priced at {}", m.failed_from, from);
  if (m.failed_to > 0)
    out += fmt::format("; {} not priced at {}", m.failed_to, to);
  out += "\n";

  std::string changed;
  for (const LineComparison& line : m.lines)
    write_line_differences(line, diff, places, changed);
  out += changed.empty()
             ? "\nNo line's result differs between the dates\n"
             : "\nLine by line: what differs, and why a line was not priced\n" + changed;
}

} // namespace

std::string diff_text(const ScheduleDiff& diff, const ManifestComparison* manifest) {
  const schedule::Schedule& s = *diff.schedule;
  std::string out = fmt::format("Schedule {} ({}): {} -> {}\n", s.name, s.title,
                                diff.dates.from.to_string(), diff.dates.to.to_string());
  out += fmt::format("  {}  {}\n  {}  {}\n", diff.dates.from.to_string(), diff.version_from,
                     diff.dates.to.to_string(), diff.version_to);
  out += "  (a window's `to` is the first day the rule no longer applies)\n";
  Footnotes notes;
  write_editions(diff, notes, out);
  write_rules(diff, notes, out);
  if (manifest)
    write_manifest(diff, *manifest, out);
  notes.render(out);
  return out;
}

} // namespace dutycalc::diff
