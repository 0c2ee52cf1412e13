// JSON Lines: one object per line, each with a "record" field saying what it is.
#include <dutycalc/diff/write_diff.hpp>
#include <dutycalc/report/text_escaping.hpp>

#include <fmt/format.h>

namespace dutycalc::diff {

namespace {

using report::append_json_string;

// A JSON object built member by member.
class Object {
public:
  Object& str(std::string_view name, std::string_view value) {
    key(name);
    append_json_string(m_out, value);
    return *this;
  }
  // A string, or null when absent (`present` false).
  Object& str_or_null(std::string_view name, std::string_view value, bool present) {
    if (present)
      return str(name, value);
    return raw(name, "null");
  }
  Object& raw(std::string_view name, std::string_view json) {
    key(name);
    m_out += json;
    return *this;
  }
  Object& number(std::string_view name, std::size_t n) { return raw(name, std::to_string(n)); }
  std::string done() {
    m_out += '}';
    return std::move(m_out);
  }

private:
  void key(std::string_view name) {
    m_out += m_out.size() > 1 ? "," : "";
    append_json_string(m_out, name);
    m_out += ':';
  }
  std::string m_out = "{";
};

std::string string_array(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0)
      out += ',';
    append_json_string(out, items[i]);
  }
  return out + "]";
}

std::string rule_json(const RuleView* rule) {
  if (!rule)
    return "null";
  Object fields;
  for (const RuleField& f : rule->fields) {
    if (f.list)
      fields.raw(f.name, string_array(f.items));
    else
      fields.str(f.name, f.text());
  }
  Object o;
  o.str("id", rule->id)
      .str_or_null("title", rule->title, !rule->title_name.empty())
      .raw("fields", fields.done())
      .str_or_null("from", rule->window.from.to_string(), !rule->open_start)
      .str_or_null("to", rule->window.to ? rule->window.to->to_string() : "",
                   rule->window.to.has_value())
      .str("source", rule->source)
      .str_or_null("unconfirmed", rule->unconfirmed, !rule->unconfirmed.empty())
      .str_or_null("place", rule->where.file.empty() ? "" : to_string(rule->where),
                   !rule->where.file.empty());
  return o.done();
}

std::string edition_json(const schedule::Edition& e) {
  return Object()
      .str("id", e.id)
      .str("effective", e.effective.to_string())
      .str("source", e.source)
      .done();
}

std::string tariff_line_json(const ScheduleDiff& diff, const schedule::Edition& edition,
                             const schedule::TariffLine* line) {
  if (!line)
    return "null";
  return Object()
      .str("edition", edition.id)
      .str("description", line->description)
      .str("units", line->units)
      .str("general", line->general.text())
      .str("special", line->special.text())
      .str("column2", line->column2.text())
      .str("place",
           fmt::format("{}/{}:{}", diff.schedule->directory, edition.file, line->source_line))
      .done();
}

std::string priced_json(const PricedAt& p, int places) {
  const auto amount = [&](Object& o, std::string_view name, Decimal d) {
    o.str_or_null(name, d.to_string(places), p.ok);
  };
  Object o;
  o.str("status", p.ok ? "ok" : "error").str("rate", p.rate).str("quota", p.quota);
  amount(o, "value", p.value);
  amount(o, "base_duty", p.base_duty);
  amount(o, "additional_duty", p.additional_duty);
  amount(o, "fees", p.fees);
  amount(o, "taxes", p.taxes);
  amount(o, "landed_cost", p.landed_cost);
  o.str("message", p.message);
  return o.done();
}

void write_manifest(const ManifestComparison& m, std::string& out) {
  const int places = m.currency.minor_units();
  for (const LineComparison& line : m.lines) {
    const auto change = line.change();
    out += Object()
               .str("record", "manifest_line")
               .number("line", static_cast<std::size_t>(line.line))
               .str("hs_code", line.hs_code)
               .str("origin", line.origin)
               .str("value", line.value)
               .raw("from", priced_json(line.from, places))
               .raw("to", priced_json(line.to, places))
               .str_or_null("change", change ? change->to_string(places) : "", change.has_value())
               .done();
    out += '\n';
  }
  out += Object()
             .str("record", "manifest_total")
             .str("manifest", m.display_name)
             .str("currency", m.currency.code())
             .number("lines", m.lines.size())
             .number("priced_at_both", m.priced_at_both)
             .number("failed_from", m.failed_from)
             .number("failed_to", m.failed_to)
             .str("value", m.value.to_string(places))
             .str("landed_cost_from", m.landed_from.to_string(places))
             .str("landed_cost_to", m.landed_to.to_string(places))
             .str("change", (m.landed_to - m.landed_from).to_string(places))
             .done();
  out += '\n';
}

} // namespace

std::string diff_jsonl(const ScheduleDiff& diff, const ManifestComparison* manifest) {
  const schedule::Schedule& s = *diff.schedule;
  const EditionChange& e = diff.editions;
  std::string out = Object()
                        .str("record", "diff")
                        .str("schedule", s.name)
                        .str("title", s.title)
                        .str("from", diff.dates.from.to_string())
                        .str("to", diff.dates.to.to_string())
                        .str("version_from", diff.version_from)
                        .str("version_to", diff.version_to)
                        .number("rules", diff.rules.size())
                        .number("tariff_lines", e.lines.size())
                        .done();
  out += '\n';
  for (const RuleChange& c : diff.rules) {
    out += Object()
               .str("record", "rule")
               .str("change", to_string(c.kind))
               .str("date", c.date.to_string())
               .str("table", c.rule->table)
               .raw("rule", rule_json(c.rule))
               .raw("was", rule_json(c.was))
               .done();
    out += '\n';
  }
  if (e.before != e.after) {
    std::vector<std::string> between;
    for (const schedule::Edition* b : e.between)
      between.push_back(b->id);
    out += Object()
               .str("record", "edition")
               .raw("from", edition_json(*e.before))
               .raw("to", edition_json(*e.after))
               .raw("between", string_array(between))
               .done();
    out += '\n';
    for (const LineChange& c : e.lines) {
      const schedule::TariffLine& line = c.after ? *c.after : *c.before;
      const std::string_view kind = c.kind == ChangeKind::starts ? "added"
                                    : c.kind == ChangeKind::ends ? "removed"
                                                                 : "changed";
      out += Object()
                 .str("record", "tariff_line")
                 .str("change", kind)
                 .str("code", line.code.formatted())
                 .raw("before", tariff_line_json(diff, *e.before, c.before))
                 .raw("after", tariff_line_json(diff, *e.after, c.after))
                 .done();
      out += '\n';
    }
  }
  if (manifest)
    write_manifest(*manifest, out);
  return out;
}

} // namespace dutycalc::diff
