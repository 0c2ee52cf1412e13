// Rules about who pays what: country groups, preference programmes, additional-duty measures,
// their exemptions, and notices of what the schedule does not model.
#include <dutycalc/country.hpp>
#include <dutycalc/schedule/rules_parser.hpp>

#include <algorithm>

namespace dutycalc::schedule {

namespace {
// Whether two dated memberships have a day in common.
bool overlap(const Membership& a, const Membership& b) {
  const bool a_before_b_ends = !b.window.to || a.open_start || a.window.from < *b.window.to;
  const bool b_before_a_ends = !a.window.to || b.open_start || b.window.from < *a.window.to;
  return a_before_b_ends && b_before_a_ends;
}
} // namespace

void RulesParser::parse_group(const toml::table& t) {
  m_file.check_keys(t, {"id", "name", "members", "source", "unconfirmed"}, " in [[group]]");
  CountryGroup group;
  group.id = m_file.string(t, "id", " in [[group]]");
  unique_id("group", group.id, t, m_schedule.find_group(group.id) != nullptr);
  if (group.id.size() == 2 && is_country_code(group.id))
    throw Error(at(*t.get("id")),
                fmt::format("group id '{}' is a country code; choose another", group.id));
  group.name = m_file.string(t, "name", " in [[group]]");
  group.source = rule_origin(t, fmt::format("group '{}'", group.id)).source;
  const toml::node& members = m_file.require(t, "members", " in [[group]]");
  const auto* array = members.as_array();
  if (!array) throw Error(at(members), "'members' must be a list");
  std::vector<SourceLocation> places;
  for (const toml::node& element : *array) {
    Membership m;
    if (const auto* code = element.as_string()) {
      m.country = country(code->get(), element);
      m.open_start = true;
    } else if (const auto* table = element.as_table()) {
      m_file.check_keys(*table, {"country", "from", "to", "unconfirmed"}, " in a group member");
      m.country = country(m_file.string(*table, "country"), element);
      m.window = window(*table, m.open_start, false);
      if (table->get("unconfirmed")) m.unconfirmed = m_file.string(*table, "unconfirmed");
    } else {
      throw Error(at(element),
                  "a member is a country code or { country = .., from = .., to = .. }");
    }
    group.members.push_back(m);
    places.push_back(at(element));
  }
  if (sink()) check_members(group, places);
  m_schedule.groups.push_back(std::move(group));
}

// A country listed twice with windows that meet is a slip: one of the two was meant otherwise.
void RulesParser::check_members(const CountryGroup& group,
                                const std::vector<SourceLocation>& places) const {
  for (std::size_t i = 0; i < group.members.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      const Membership& a = group.members[j];
      const Membership& b = group.members[i];
      if (a.country != b.country || !overlap(a, b)) continue;
      sink()->error(places[i], fmt::format("'{}' is a member of group '{}' twice at once (also "
                                           "at line {}, column {}); their windows overlap",
                                           view(b.country), group.id, places[j].line,
                                           places[j].column));
      break;
    }
  }
}

void RulesParser::parse_programme(const toml::table& t) {
  m_file.check_keys(t, {"id", "name", "origins", "from", "to", "source", "unconfirmed"},
                    " in [[programme]]");
  Programme p;
  p.id = m_file.string(t, "id", " in [[programme]]");
  unique_id("programme", p.id, t, m_schedule.find_programme(p.id) != nullptr);
  p.name = m_file.string(t, "name", " in [[programme]]");
  p.origins = origin_scope(t, true);
  p.window = window(t, p.open_start, false);
  p.origin = rule_origin(t, fmt::format("programme '{}'", p.id));
  m_schedule.programmes.push_back(std::move(p));
}

void RulesParser::parse_measure(const toml::table& t) {
  constexpr std::string_view ctx = " in [[measure]]";
  m_file.check_keys(t,
                    {"id", "title", "kind", "heading", "rate", "products", "exclude_products",
                     "origins", "except_origins", "melt_countries", "replaces", "exported_before",
                     "from", "to", "source", "unconfirmed"},
                    ctx);
  Measure m;
  m.id = m_file.string(t, "id", ctx);
  unique_id("measure", m.id, t, m_schedule.find_measure(m.id) != nullptr);
  m.title = m_file.string(t, "title", ctx);
  m.kind = m_file.string(t, "kind", ctx);
  m.heading = m_file.string(t, "heading", ctx);
  std::string why;
  if (!HsCode::parse(m.heading, 8, &why))
    throw Error(at(*t.get("heading")), fmt::format("heading '{}': {}", m.heading, why));
  m.rate = rate(t, "rate");
  const std::string name = fmt::format("measure '{}'", m.id);
  m.products = product_scope(t, name);
  if (m.products.empty()) throw Error(at(t), fmt::format("measure '{}' has no 'products'", m.id));
  m.origins = origin_scope(t, true);
  m.melt_countries = countries(t, "melt_countries");
  if (t.get("exported_before")) m.exported_before = m_file.date(t, "exported_before");
  bool open_start = false;
  m.window = window(t, open_start, true);
  m.origin = rule_origin(t, name);
  if (sink()) check_heading(m, *t.get("heading"));
  PendingReplaces pending{m_schedule.measures.size(), strings(t, "replaces"), {}};
  for (std::size_t i = 0; i < pending.ids.size(); ++i)
    pending.places.push_back(at(*t.get("replaces")->as_array()->get(i)));
  m_replaces.push_back(std::move(pending));
  m_schedule.measures.push_back(std::move(m));
}

// The chapter 99 heading (or, in a schedule without one, the line) a measure is declared under
// must be in each edition that took effect while the measure was in force.
void RulesParser::check_heading(const Measure& m, const toml::node& heading) const {
  if (m_schedule.editions.empty()) return;
  const HsCode code = *HsCode::parse(m.heading, 8);
  if (const Edition* edition = edition_codes().missing_heading(code, m.window, false))
    sink()->error(at(heading), fmt::format("heading {} of measure '{}' is not in {}, which took "
                                           "effect on {} while the measure was in force",
                                           code.formatted(), m.id, edition->id,
                                           edition->effective.to_string()));
}

// `replaces` may name measures defined later in the file: resolved once all are read.
void RulesParser::resolve_replacements() {
  if (m_replaces.empty()) return;
  const std::size_t first = m_replaces.front().measure; // this file's measures start there
  for (const PendingReplaces& pending : m_replaces) {
    Measure& m = m_schedule.measures[pending.measure];
    attempt(sink(), [&] {
      for (std::size_t i = 0; i < pending.ids.size(); ++i) {
        const std::string& id = pending.ids[i];
        const Measure* other = m_schedule.find_measure(id);
        if (!other && excused("measure", id)) continue;
        if (!other)
          throw Error(pending.places[i],
                      fmt::format("measure '{}' replaces '{}', which is not defined", m.id, id));
        if (other == &m)
          throw Error(pending.places[i], fmt::format("measure '{}' replaces itself", m.id));
        m.replaces.push_back(other);
      }
    });
  }
  m_replaces.clear();
  // A loop runs through a measure whose `replaces` was just resolved: one of this file's.
  for (std::size_t i = first; i < m_schedule.measures.size(); ++i)
    attempt(sink(), [&] { check_no_cycle(m_schedule.measures[i]); });
}

// A measure that (through others) replaces itself would make the outcome depend on order.
void RulesParser::check_no_cycle(const Measure& start) const {
  std::vector<const Measure*> stack(start.replaces.begin(), start.replaces.end());
  std::vector<const Measure*> seen;
  while (!stack.empty()) {
    const Measure* m = stack.back();
    stack.pop_back();
    if (m == &start)
      throw Error(start.origin.where,
                  fmt::format("measure '{}' replaces itself through a loop of 'replaces'",
                              start.id));
    if (std::find(seen.begin(), seen.end(), m) != seen.end()) continue;
    seen.push_back(m);
    stack.insert(stack.end(), m->replaces.begin(), m->replaces.end());
  }
}

void RulesParser::parse_exemption(const toml::table& t) {
  constexpr std::string_view ctx = " in [[exemption]]";
  m_file.check_keys(t,
                    {"id", "measures", "origins", "except_origins", "products", "exclude_products",
                     "melt_countries", "from", "to", "reason", "source", "unconfirmed"},
                    ctx);
  Exemption e;
  e.id = m_file.string(t, "id", ctx);
  const bool exists = std::any_of(m_schedule.exemptions.begin(), m_schedule.exemptions.end(),
                                  [&](const Exemption& x) { return x.id == e.id; });
  unique_id("exemption", e.id, t, exists);
  const toml::node& measures = m_file.require(t, "measures", ctx);
  const std::vector<std::string> ids = strings(t, "measures");
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const Measure* m = m_schedule.find_measure(ids[i]);
    if (!m && excused("measure", ids[i])) continue;
    if (!m)
      throw Error(at(*measures.as_array()->get(i)),
                  fmt::format("exemption '{}' names measure '{}', which is not defined", e.id,
                              ids[i]));
    e.measures.push_back(m);
  }
  e.origins = origin_scope(t, true);
  e.products = product_scope(t, fmt::format("exemption '{}'", e.id));
  e.melt_countries = countries(t, "melt_countries");
  bool open_start = false;
  e.window = window(t, open_start, true);
  e.reason = m_file.string(t, "reason", ctx);
  e.origin = rule_origin(t, fmt::format("exemption '{}'", e.id));
  m_schedule.exemptions.push_back(std::move(e));
}

void RulesParser::parse_notice(const toml::table& t) {
  constexpr std::string_view ctx = " in [[notice]]";
  m_file.check_keys(t,
                    {"id", "products", "exclude_products", "origins", "except_origins", "from",
                     "to", "message", "source", "unconfirmed"},
                    ctx);
  Notice n;
  n.id = m_file.string(t, "id", ctx);
  // A notice reaching a code no edition has only says nothing: its codes are not checked.
  n.products = product_scope(t, {});
  if (n.products.empty()) throw Error(at(t), fmt::format("notice '{}' has no 'products'", n.id));
  n.origins = origin_scope(t, false);
  if (!t.get("origins")) n.origins.all = true;
  bool open_start = false;
  n.window = window(t, open_start, true);
  n.message = m_file.string(t, "message", ctx);
  n.origin = rule_origin(t, fmt::format("notice '{}'", n.id));
  m_schedule.notices.push_back(std::move(n));
}

} // namespace dutycalc::schedule
