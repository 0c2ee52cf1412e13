// CSV: one shape of record per run, so that a spreadsheet or a script reads it without guessing.
#include <dutycalc/diff/write_diff.hpp>
#include <dutycalc/report/text_escaping.hpp>

#include <fmt/format.h>

namespace dutycalc::diff {

namespace {

void record(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0)
      out += ',';
    report::append_csv_field(out, fields[i]);
  }
  out += '\n';
}

// A rule's properties in one field: "heading: 9903.80.01; rate: +25%; products: 7601, 7604".
std::string what(const RuleView& rule) {
  std::string text;
  for (const RuleField& f : rule.fields) {
    if (!text.empty())
      text += "; ";
    text += fmt::format("{}: {}", f.name, f.text());
  }
  return text;
}

std::vector<std::string> rule_fields(const RuleView* rule) {
  if (!rule)
    return {"", "", "", "", "", "", ""};
  return {rule->id,
          rule->title,
          what(*rule),
          describe_window(rule->window, rule->open_start),
          rule->source,
          rule->unconfirmed,
          rule->where.file.empty() ? "" : to_string(rule->where)};
}

std::vector<std::string> line_fields(const ScheduleDiff& diff, const schedule::Edition& edition,
                                     const schedule::TariffLine* line) {
  if (!line)
    return {"", "", "", "", "", "", ""};
  return {line->code.formatted(),
          line->description,
          fmt::format("general: {}; special: {}; column2: {}", line->general.text(),
                      line->special.text(), line->column2.text()),
          fmt::format("edition {}, effective {}", edition.id, edition.effective.to_string()),
          edition.source,
          "",
          fmt::format("{}/{}:{}", diff.schedule->directory, edition.file, line->source_line)};
}

void append(std::vector<std::string>& to, std::vector<std::string> more) {
  for (auto& m : more)
    to.push_back(std::move(m));
}

std::string schedule_csv(const ScheduleDiff& diff) {
  std::string out;
  record(out, {"change", "date", "table", "id", "title", "what", "window", "source", "unconfirmed",
               "place", "was_id", "was_title", "was_what", "was_window", "was_source",
               "was_unconfirmed", "was_place"});
  for (const RuleChange& c : diff.rules) {
    std::vector<std::string> fields{std::string(to_string(c.kind)), c.date.to_string(),
                                    std::string(c.rule->table)};
    append(fields, rule_fields(c.rule));
    append(fields, rule_fields(c.was));
    record(out, fields);
  }
  const EditionChange& e = diff.editions;
  for (const LineChange& c : e.lines) {
    const std::string_view kind = c.kind == ChangeKind::starts ? "added"
                                  : c.kind == ChangeKind::ends ? "removed"
                                                               : "changed";
    std::vector<std::string> fields{std::string(kind), e.after->effective.to_string(),
                                    "tariff_line"};
    if (c.after) {
      append(fields, line_fields(diff, *e.after, c.after));
      append(fields, line_fields(diff, *e.before, c.before));
    } else {
      append(fields, line_fields(diff, *e.before, c.before));
      append(fields, line_fields(diff, *e.after, nullptr));
    }
    record(out, fields);
  }
  return out;
}

std::string manifest_csv(const ManifestComparison& m) {
  const int places = m.currency.minor_units();
  std::string out;
  record(out, {"line",
               "hs_code",
               "origin",
               "value",
               "status_from",
               "status_to",
               "rate_from",
               "rate_to",
               "quota_from",
               "quota_to",
               "base_duty_from",
               "base_duty_to",
               "additional_duty_from",
               "additional_duty_to",
               "fees_from",
               "fees_to",
               "taxes_from",
               "taxes_to",
               "landed_cost_from",
               "landed_cost_to",
               "change",
               "message_from",
               "message_to"});
  for (const LineComparison& line : m.lines) {
    const PricedAt& a = line.from;
    const PricedAt& b = line.to;
    const auto amount = [places](const PricedAt& p, Decimal d) {
      return p.ok ? d.to_string(places) : std::string();
    };
    const auto change = line.change();
    record(out, {std::to_string(line.line),
                 line.hs_code,
                 line.origin,
                 line.value,
                 a.ok ? "ok" : "error",
                 b.ok ? "ok" : "error",
                 a.rate,
                 b.rate,
                 a.quota,
                 b.quota,
                 amount(a, a.base_duty),
                 amount(b, b.base_duty),
                 amount(a, a.additional_duty),
                 amount(b, b.additional_duty),
                 amount(a, a.fees),
                 amount(b, b.fees),
                 amount(a, a.taxes),
                 amount(b, b.taxes),
                 amount(a, a.landed_cost),
                 amount(b, b.landed_cost),
                 change ? change->to_string(places) : "",
                 a.message,
                 b.message});
  }
  return out;
}

} // namespace

std::string diff_csv(const ScheduleDiff& diff, const ManifestComparison* manifest) {
  return manifest ? manifest_csv(*manifest) : schedule_csv(diff);
}

} // namespace dutycalc::diff
