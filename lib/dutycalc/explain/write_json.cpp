// The JSON form of an explanation: one object on one line, keys in a fixed order.
#include <dutycalc/explain/description_path.hpp>
#include <dutycalc/explain/write_explanation.hpp>
#include <dutycalc/report/text_escaping.hpp>

#include <fmt/format.h>

namespace dutycalc::explain {

namespace {

using report::append_json_string;

// Appends `"name":` after a comma unless it opens an object.
void key(std::string& out, std::string_view name) {
  if (out.back() != '{') out += ',';
  append_json_string(out, name);
  out += ':';
}
void field(std::string& out, std::string_view name, std::string_view text) {
  key(out, name);
  append_json_string(out, text);
}
// An optional text: null when empty.
void field_or_null(std::string& out, std::string_view name, std::string_view text) {
  key(out, name);
  if (text.empty()) out += "null";
  else append_json_string(out, text);
}
void amount_field(std::string& out, std::string_view name, const std::optional<Decimal>& amount,
                  int places) {
  key(out, name);
  if (amount) append_json_string(out, amount->to_string(places));
  else out += "null";
}
void strings_field(std::string& out, std::string_view name, const std::vector<std::string>& items) {
  key(out, name);
  out += '[';
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) out += ',';
    append_json_string(out, items[i]);
  }
  out += ']';
}
std::string country(const schedule::CountryCode& code) {
  return code[0] ? std::string(schedule::view(code)) : std::string();
}

std::string_view status_name(pricing::MeasureOutcome::Status status) {
  using Status = pricing::MeasureOutcome::Status;
  switch (status) {
  case Status::applies: return "applies";
  case Status::not_in_force: return "not_in_force";
  case Status::origin_not_covered: return "origin_not_covered";
  case Status::melt_condition: return "melt_condition";
  case Status::exempted: return "exempted";
  case Status::replaced: return "replaced";
  }
  return "";
}

void write_request(const Explanation& e, std::string& out) {
  const ExplainRequest& r = e.request;
  const int places = e.currency.minor_units();
  field(out, "code", r.code_text);
  field(out, "origin", schedule::view(r.origin));
  field(out, "date", r.date.to_string());
  amount_field(out, "value", r.value, places);
  field(out, "currency", e.currency.code());
  std::vector<std::string> quantities;
  for (const rate::Quantity& q : r.quantities) quantities.push_back(quantity_text(q, false));
  strings_field(out, "quantities", quantities);
  field_or_null(out, "program", r.programme);
  field_or_null(out, "melt_country", country(r.melt_country));
}

void write_line(const Explanation& e, std::string& out) {
  field(out, "line", e.line->code.formatted());
  field(out, "rated_line", e.rated->code.formatted());
  std::vector<std::string> path;
  for (const schedule::TariffLine* step : e.path) path.push_back(path_step(*step));
  strings_field(out, "description", path);
  field(out, "units", e.line->units);
  field(out, "edition", e.edition->id);
  field(out, "edition_effective", e.edition->effective.to_string());
  key(out, "before_oldest_edition");
  out += e.before_oldest ? "true" : "false";
  field(out, "schedule_version", e.version);
}

void write_options(const Explanation& e, std::string& out) {
  key(out, "options");
  out += '[';
  for (const DutyOption& option : e.options) {
    if (out.back() != '[') out += ',';
    out += '{';
    field(out, "option", to_string(option.kind));
    field_or_null(out, "program", option.symbol);
    field(out, "name", option.name);
    field(out, "rate", option.rate);
    amount_field(out, "duty", option.duty, e.currency.minor_units());
    field_or_null(out, "duty_problem", option.duty_problem);
    field(out, "status", to_string(option.status));
    field(out, "why", option.why);
    strings_field(out, "sources", option.sources);
    field_or_null(out, "unconfirmed", option.unconfirmed);
    out += '}';
  }
  out += ']';
}

void write_measures(const Explanation& e, std::string& out) {
  key(out, "additional_duties");
  out += '[';
  for (const MeasureItem& item : e.measures) {
    const schedule::Measure& m = *item.measure;
    if (out.back() != '[') out += ',';
    out += '{';
    field(out, "id", m.id);
    field(out, "kind", m.kind);
    field(out, "heading", m.heading);
    field(out, "title", m.title);
    field(out, "rate", m.rate.text());
    field(out, "status", status_name(item.outcome.status));
    field(out, "why", item.why);
    amount_field(out, "duty", item.duty, e.currency.minor_units());
    field_or_null(out, "exemption", item.outcome.exemption ? item.outcome.exemption->id : "");
    field_or_null(out, "replaced_by", item.outcome.replaced_by ? item.outcome.replaced_by->id : "");
    field_or_null(out, "quota_note", item.quota_note);
    field(out, "source", m.origin.source);
    field_or_null(out, "unconfirmed", m.origin.unconfirmed);
    out += '}';
  }
  out += ']';
  key(out, "quota");
  if (e.quota) {
    const quota::Quota& q = *e.quota->quota;
    out += '{';
    field(out, "id", q.id);
    field(out, "title", q.title);
    field(out, "period", e.quota->draw.period);
    amount_field(out, "in", e.quota->draw.missing_quantity ? std::nullopt
                                                           : std::optional(e.quota->draw.in), 0);
    amount_field(out, "over", e.quota->draw.missing_quantity ? std::nullopt
                                                             : std::optional(e.quota->draw.over), 0);
    field(out, "why", e.quota->why);
    field(out, "source", q.origin.source);
    field_or_null(out, "unconfirmed", q.origin.unconfirmed);
    out += '}';
  } else {
    out += "null";
  }
  key(out, "notices");
  out += '[';
  for (const schedule::Notice* notice : e.notices) {
    if (out.back() != '[') out += ',';
    out += '{';
    field(out, "id", notice->id);
    field(out, "message", notice->message);
    field(out, "source", notice->origin.source);
    out += '}';
  }
  out += ']';
}

void write_result(const Explanation& e, std::string& out) {
  const pricing::LineResult& r = e.result;
  const bool ok = r.status == pricing::LineStatus::ok;
  const bool amounts = e.request.value && ok;
  const int places = e.currency.minor_units();
  const auto money = [&](const Money& m) { return amounts ? std::optional(m.amount) : std::nullopt; };
  key(out, "result");
  out += '{';
  field(out, "rate", r.rate);
  field_or_null(out, "quota", r.quota);
  amount_field(out, "base_duty", money(r.base_duty), places);
  amount_field(out, "additional_duty", money(r.additional_duty), places);
  amount_field(out, "fees", money(r.fees), places);
  amount_field(out, "taxes", money(r.taxes), places);
  amount_field(out, "landed_cost", money(r.landed_cost), places);
  // Entry fees are shared among an entry's lines by `price`; one code alone does not carry them.
  key(out, "entry_fees_included");
  out += "false";
  field(out, "status", ok ? "ok" : "error");
  field(out, "message", r.message);
  out += '}';
}

} // namespace

std::string explanation_json(const Explanation& e) {
  std::string out = "{";
  write_request(e, out);
  write_line(e, out);
  write_options(e, out);
  write_measures(e, out);
  write_result(e, out);
  out += "}\n";
  return out;
}

} // namespace dutycalc::explain
