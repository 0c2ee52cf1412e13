#include <dutycalc/diff/rule_view.hpp>

#include <dutycalc/rate/unit.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace dutycalc::diff {

namespace {

using schedule::CountryCode;
using schedule::OriginScope;
using schedule::ProductScope;

RuleField value(std::string name, std::string text) {
  return {std::move(name), {std::move(text)}, false, ""};
}

RuleField list(std::string name, std::vector<std::string> items) {
  return {std::move(name), std::move(items), true, "(none)"};
}

std::vector<std::string> ranges(const std::vector<schedule::CodeRange>& ranges) {
  std::vector<std::string> out;
  out.reserve(ranges.size());
  for (const auto& r : ranges)
    out.push_back(r.describe());
  return out;
}

std::vector<std::string> countries(const std::vector<CountryCode>& codes) {
  std::vector<std::string> out;
  out.reserve(codes.size());
  for (const CountryCode& c : codes)
    out.emplace_back(schedule::view(c));
  return out;
}

// Products and, when there are any, the exclusions.
void add_products(std::vector<RuleField>& fields, const ProductScope& products) {
  fields.push_back(list("products", ranges(products.include)));
  if (!products.exclude.empty())
    fields.push_back(list("except products", ranges(products.exclude)));
}

std::string joined(const std::vector<std::string>& items) {
  return fmt::format("{}", fmt::join(items, ", "));
}

// What a chapter 99 rate adds ("+25%"), or the rate as written when it stands alone.
std::string measure_rate(const rate::Expression& rate) {
  if (rate.uses_applicable_subheading())
    return "+" + rate::added_to_base(rate);
  return rate.text();
}

template <class Rule> std::vector<std::string> ids(const std::vector<const Rule*>& rules) {
  std::vector<std::string> out;
  out.reserve(rules.size());
  for (const Rule* r : rules)
    out.push_back(r->id);
  return out;
}

std::string_view mode_name(manifest::TransportMode mode) {
  switch (mode) {
  case manifest::TransportMode::vessel:
    return "vessel";
  case manifest::TransportMode::air:
    return "air";
  case manifest::TransportMode::truck:
    return "truck";
  case manifest::TransportMode::rail:
    return "rail";
  case manifest::TransportMode::mail:
    return "mail";
  case manifest::TransportMode::unknown:
    break;
  }
  return "unknown";
}

std::string amount(const Decimal& d) {
  return d.to_string();
}

// Money in the schedule's currency, with its minor units ("651.50").
std::string money(const Decimal& d, int places) {
  return d.to_string(places);
}

void set_origin(RuleView& view, const schedule::RuleOrigin& origin) {
  view.source = origin.source;
  view.unconfirmed = origin.unconfirmed;
  view.where = origin.where;
}

RuleView measure_view(const schedule::Measure& m) {
  RuleView v{"measure", 0, m.id, m.title, "title", {}, m.window, false, {}, {}, {}, {}};
  v.fields.push_back(value("heading", m.heading));
  v.fields.push_back(value("kind", m.kind));
  v.fields.push_back(value("rate", measure_rate(m.rate)));
  add_products(v.fields, m.products);
  v.fields.push_back(value("origins", m.origins.describe()));
  if (!m.melt_countries.empty())
    v.fields.push_back(list("melt countries", countries(m.melt_countries)));
  if (m.exported_before)
    v.fields.push_back(value("exported before", m.exported_before->to_string()));
  if (!m.replaces.empty())
    v.fields.push_back(list("replaces", ids(m.replaces)));
  set_origin(v, m.origin);
  v.key = fmt::format("{}|{}", m.kind, m.heading.empty() ? m.id : m.heading);
  return v;
}

RuleView exemption_view(const schedule::Exemption& e) {
  RuleView v{"exemption", 1, e.id, e.reason, "reason", {}, e.window, false, {}, {}, {}, {}};
  v.fields.push_back(list("measures", ids(e.measures)));
  v.fields.push_back(value("origins", e.origins.describe()));
  if (!e.products.empty())
    add_products(v.fields, e.products);
  if (!e.melt_countries.empty())
    v.fields.push_back(list("melt countries", countries(e.melt_countries)));
  set_origin(v, e.origin);
  v.key = fmt::format("{}|{}|{}", e.origins.describe(), joined(ranges(e.products.include)),
                      joined(countries(e.melt_countries)));
  return v;
}

std::string period_text(const quota::Quota& q) {
  std::string text(quota::to_string(q.period));
  if (q.year_start_month != 1 || q.year_start_day != 1)
    text += fmt::format(", years from {:02}-{:02}", q.year_start_month, q.year_start_day);
  return text;
}

RuleView quota_view(const quota::Quota& q) {
  RuleView v{"quota", 2, q.id, q.title, "title", {}, q.window, false, {}, {}, {}, {}};
  v.fields.push_back(
      value("kind", q.kind == quota::QuotaKind::absolute ? "absolute" : "tariff-rate"));
  add_products(v.fields, q.products);
  v.fields.push_back(value("origins", q.origins.describe()));
  if (q.melt_origins)
    v.fields.push_back(value("melt origins", q.melt_origins->describe()));
  v.fields.push_back(value("period", period_text(q)));
  v.fields.push_back(value(
      "volume", q.unit.is_value ? fmt::format("{} (value)", amount(q.volume))
                                : fmt::format("{} {}", amount(q.volume), rate::name(q.unit.unit))));
  if (!q.in_quota_exempts.empty())
    v.fields.push_back(list("in-quota exempts", ids(q.in_quota_exempts)));
  if (q.in_quota_rate)
    v.fields.push_back(value("in-quota rate", q.in_quota_rate->text()));
  if (q.over_quota_rate)
    v.fields.push_back(value("over-quota rate", q.over_quota_rate->text()));
  set_origin(v, q.origin);
  v.key = fmt::format("{}|{}", joined(ranges(q.products.include)), q.origins.describe());
  return v;
}

RuleView programme_view(const schedule::Programme& p) {
  RuleView v{"programme", 3, p.id, p.name, "name", {}, p.window, p.open_start, {}, {}, {}, {}};
  v.fields.push_back(value("origins", p.origins.describe()));
  set_origin(v, p.origin);
  v.key = p.id;
  return v;
}

RuleView notice_view(const schedule::Notice& n) {
  RuleView v{"notice", 4, n.id, n.message, "message", {}, n.window, false, {}, {}, {}, {}};
  add_products(v.fields, n.products);
  v.fields.push_back(value("origins", n.origins.describe()));
  set_origin(v, n.origin);
  v.key =
      fmt::format("{}|{}", joined(ranges(n.products.include)), joined(ranges(n.products.exclude)));
  return v;
}

// "over 2500", "at most 2500", "over 0 and at most 2500", "any".
std::string entry_value_band(const schedule::Fee& f, int places) {
  std::string text;
  if (f.entry_value_above)
    text = "over " + money(*f.entry_value_above, places);
  if (f.entry_value_at_most) {
    if (!text.empty())
      text += " and ";
    text += "at most " + money(*f.entry_value_at_most, places);
  }
  return text.empty() ? "any" : text;
}

RuleView fee_view(const schedule::Fee& f, int places) {
  RuleView v{"fee", 5, f.id, f.title, "title", {}, f.window, false, {}, {}, {}, {}};
  if (f.rate)
    v.fields.push_back(value("rate", f.rate->text()));
  if (f.amount)
    v.fields.push_back(value("amount", money(*f.amount, places)));
  if (f.minimum)
    v.fields.push_back(value("minimum", money(*f.minimum, places)));
  if (f.maximum)
    v.fields.push_back(value("maximum", money(*f.maximum, places)));
  v.fields.push_back(value("entry value", entry_value_band(f, places)));
  std::vector<std::string> modes;
  for (const auto mode : f.modes)
    modes.emplace_back(mode_name(mode));
  v.fields.push_back(list("modes", modes));
  v.fields.back().if_empty = "all";
  set_origin(v, f.origin);
  v.key = fmt::format("{}|{}", joined(modes), entry_value_band(f, places));
  return v;
}

RuleView tax_view(const schedule::Tax& t) {
  RuleView v{"tax", 6, t.id, t.title, "title", {}, t.window, t.open_start, {}, {}, {}, {}};
  v.fields.push_back(list("destinations", countries(t.destinations)));
  v.fields.push_back(value("rate", t.rate.text()));
  const std::string base =
      t.base == schedule::TaxBase::customs_value ? "customs-value" : "customs-value-plus-duties";
  v.fields.push_back(value("base", base));
  set_origin(v, t.origin);
  v.key = fmt::format("{}|{}", joined(countries(t.destinations)), base);
  return v;
}

RuleView de_minimis_view(const schedule::DeMinimis& d, int places) {
  RuleView v{"de_minimis", 7, d.id, "", "", {}, d.window, false, {}, {}, {}, {}};
  v.fields.push_back(value("threshold", money(d.threshold, places)));
  v.fields.push_back(value("origins", d.origins.describe()));
  set_origin(v, d.origin);
  v.key = "all";
  return v;
}

RuleView membership_view(const schedule::CountryGroup& g, const schedule::Membership& m) {
  const std::string country(schedule::view(m.country));
  RuleView v{"membership",
             8,
             fmt::format("{} member {}", g.id, country),
             g.name,
             "group name",
             {},
             m.window,
             m.open_start,
             g.source,
             m.unconfirmed,
             {},
             {}};
  v.fields.push_back(value("group", g.id));
  v.fields.push_back(value("country", country));
  v.key = fmt::format("{}|{}", g.id, country);
  return v;
}

} // namespace

std::string RuleField::text() const {
  if (list && items.empty())
    return std::string(if_empty);
  return joined(items);
}

std::vector<RuleView> rule_views(const schedule::Schedule& schedule) {
  std::vector<RuleView> out;
  const int places = schedule.currency.minor_units();
  for (const auto& m : schedule.measures)
    out.push_back(measure_view(m));
  for (const auto& e : schedule.exemptions)
    out.push_back(exemption_view(e));
  for (const auto& q : schedule.quotas)
    out.push_back(quota_view(q));
  for (const auto& p : schedule.programmes)
    out.push_back(programme_view(p));
  for (const auto& n : schedule.notices)
    out.push_back(notice_view(n));
  for (const auto& f : schedule.fees)
    out.push_back(fee_view(f, places));
  for (const auto& t : schedule.taxes)
    out.push_back(tax_view(t));
  for (const auto& d : schedule.de_minimis)
    out.push_back(de_minimis_view(d, places));
  for (const auto& g : schedule.groups)
    for (const auto& m : g.members)
      out.push_back(membership_view(g, m));
  // Keys are per table: a measure never pairs with a notice.
  for (auto& v : out)
    v.key = fmt::format("{}|{}", v.table, v.key);
  return out;
}

std::string describe_window(const DateRange& window, bool open_start) {
  if (open_start)
    return window.to ? "to " + window.to->to_string() : "always";
  if (!window.to)
    return "from " + window.from.to_string();
  return fmt::format("from {} to {}", window.from.to_string(), window.to->to_string());
}

} // namespace dutycalc::diff
