#include <dutycalc/schedule/rules_loader.hpp>

#include <dutycalc/country.hpp>
#include <dutycalc/schedule/toml_file.hpp>

#include <algorithm>

namespace dutycalc::schedule {

namespace {

constexpr std::string_view k_all = "all";

class RulesParser {
public:
  RulesParser(const TomlFile& file, Schedule& schedule) : m_file(file), m_schedule(schedule) {}

  void parse(const toml::table& root) {
    m_file.check_keys(root,
                      {"format", "group", "programme", "measure", "exemption", "notice", "quota", "fee",
                       "tax", "de_minimis"},
                      {});
    for_each_table(root, "group", [&](const toml::table& t) { parse_group(t); });
    for_each_table(root, "programme", [&](const toml::table& t) { parse_programme(t); });
    for_each_table(root, "measure", [&](const toml::table& t) { parse_measure(t); });
    resolve_replacements();
    for_each_table(root, "exemption", [&](const toml::table& t) { parse_exemption(t); });
    for_each_table(root, "notice", [&](const toml::table& t) { parse_notice(t); });
    for_each_table(root, "quota", [&](const toml::table& t) { parse_quota(t); });
    for_each_table(root, "fee", [&](const toml::table& t) { parse_fee(t); });
    for_each_table(root, "tax", [&](const toml::table& t) { parse_tax(t); });
    for_each_table(root, "de_minimis", [&](const toml::table& t) { parse_de_minimis(t); });
  }

private:
  template <class F> void for_each_table(const toml::table& root, std::string_view key, F&& f) {
    const toml::node* node = root.get(key);
    if (!node) return;
    const auto* array = node->as_array();
    if (!array || !array->is_array_of_tables())
      throw Error(m_file.where(node->source()), fmt::format("'{}' must be [[{}]] tables", key, key));
    for (const toml::node& element : *array) f(*element.as_table());
  }

  SourceLocation at(const toml::node& node) const { return m_file.where(node.source()); }

  std::optional<std::string> optional_string(const toml::table& t, std::string_view key) const {
    if (!t.get(key)) return std::nullopt;
    return m_file.string(t, key);
  }

  std::vector<std::string> strings(const toml::table& t, std::string_view key) const {
    std::vector<std::string> out;
    const toml::node* node = t.get(key);
    if (!node) return out;
    const auto* array = node->as_array();
    if (!array) throw Error(at(*node), fmt::format("'{}' must be a list of strings", key));
    for (const toml::node& element : *array) {
      const auto* value = element.as_string();
      if (!value) throw Error(at(element), fmt::format("'{}' must be a list of strings", key));
      out.push_back(value->get());
    }
    return out;
  }

  CountryCode country(std::string_view code, const toml::node& node) const {
    if (!is_country_code(code))
      throw Error(at(node), fmt::format("'{}' is not an ISO 3166-1 alpha-2 country code", code));
    return {code[0], code[1]};
  }

  // Every rule names its legal source; an unconfirmed fact says so.
  RuleOrigin rule_origin(const toml::table& t, std::string_view what) const {
    RuleOrigin origin;
    origin.where = at(t);
    if (!t.get("source"))
      throw Error(origin.where, fmt::format("{} has no 'source' (every rule cites its legal text)", what));
    origin.source = m_file.string(t, "source");
    if (origin.source.empty()) throw Error(at(*t.get("source")), "'source' is empty");
    origin.unconfirmed = optional_string(t, "unconfirmed").value_or("");
    return origin;
  }

  DateRange window(const toml::table& t, bool& open_start, bool from_required) const {
    DateRange range;
    open_start = !t.get("from");
    if (open_start && from_required)
      throw Error(at(t), "missing key 'from' (the date the rule takes effect)");
    if (!open_start) range.from = m_file.date(t, "from");
    if (t.get("to")) {
      range.to = m_file.date(t, "to");
      if (!open_start && *range.to <= range.from)
        throw Error(at(*t.get("to")),
                    fmt::format("the window ends ({}) before it starts ({})", range.to->to_string(),
                                range.from.to_string()));
    }
    return range;
  }

  // "all", country codes and group ids.
  void origin_list(const toml::table& t, std::string_view key, bool& all,
                   std::vector<CountryCode>& countries,
                   std::vector<const CountryGroup*>& groups) const {
    const toml::node* node = t.get(key);
    if (!node) return;
    for (const std::string& name : strings(t, key)) {
      if (name == k_all) all = true;
      else if (const CountryGroup* group = m_schedule.find_group(name)) groups.push_back(group);
      else if (name.size() == 2 && is_country_code(name)) countries.push_back({name[0], name[1]});
      else
        throw Error(at(*node), fmt::format("'{}' in '{}' is neither a country code nor a group "
                                           "defined so far",
                                           name, key));
    }
  }

  OriginScope origin_scope(const toml::table& t, bool required) const {
    OriginScope scope;
    if (required && !t.get("origins"))
      throw Error(at(t), "missing key 'origins' (\"all\", country codes or group ids)");
    origin_list(t, "origins", scope.all, scope.countries, scope.groups);
    bool unused = false;
    origin_list(t, "except_origins", unused, scope.except_countries, scope.except_groups);
    if (unused) throw Error(at(*t.get("except_origins")), "'except_origins' cannot be \"all\"");
    return scope;
  }

  ProductScope product_scope(const toml::table& t) const {
    ProductScope scope;
    const auto read = [&](std::string_view key, std::vector<CodeRange>& out) {
      const toml::node* node = t.get(key);
      for (const std::string& text : strings(t, key)) {
        std::string why;
        const auto range = parse_code_range(text, why);
        if (!range) throw Error(at(*node), fmt::format("'{}' in '{}': {}", text, key, why));
        out.push_back(*range);
      }
    };
    read("products", scope.include);
    read("exclude_products", scope.exclude);
    scope.index();
    return scope;
  }

  std::vector<CountryCode> countries(const toml::table& t, std::string_view key) const {
    std::vector<CountryCode> out;
    for (const std::string& code : strings(t, key)) out.push_back(country(code, *t.get(key)));
    return out;
  }

  void unique_id(std::string_view kind, const std::string& id, const toml::table& t,
                 bool exists) const {
    if (id.empty()) throw Error(at(t), fmt::format("{} id is empty", kind));
    if (exists) throw Error(at(*t.get("id")), fmt::format("{} '{}' is defined twice", kind, id));
  }

  void parse_group(const toml::table& t) {
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
        throw Error(at(element), "a member is a country code or { country = .., from = .., to = .. }");
      }
      group.members.push_back(m);
    }
    m_schedule.groups.push_back(std::move(group));
  }

  void parse_programme(const toml::table& t) {
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

  void parse_measure(const toml::table& t) {
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
    const std::string rate_text = m_file.string(t, "rate", ctx);
    m.rate = rate::parse_expression(rate_text);
    if (m.rate.is_prose() || m.rate.is_empty()) {
      SourceLocation where = at(*t.get("rate"));
      // Point at the unreadable character: the string starts one column after its quote.
      where.column += static_cast<int>(m.rate.problem().offset) + 1;
      throw Error(where, fmt::format("rate \"{}\" cannot be read: {}", rate_text,
                                     m.rate.problem().message));
    }
    m.products = product_scope(t);
    if (m.products.empty()) throw Error(at(t), fmt::format("measure '{}' has no 'products'", m.id));
    m.origins = origin_scope(t, true);
    m.melt_countries = countries(t, "melt_countries");
    if (t.get("exported_before")) m.exported_before = m_file.date(t, "exported_before");
    bool open_start = false;
    m.window = window(t, open_start, true);
    m.origin = rule_origin(t, fmt::format("measure '{}'", m.id));
    m_replaces.push_back({strings(t, "replaces"), t.get("replaces") ? at(*t.get("replaces")) : at(t)});
    m_schedule.measures.push_back(std::move(m));
  }

  // `replaces` may name measures defined later in the file: resolved once all are read.
  void resolve_replacements() {
    const std::size_t first = m_schedule.measures.size() - m_replaces.size();
    for (std::size_t i = 0; i < m_replaces.size(); ++i) {
      Measure& m = m_schedule.measures[first + i];
      for (const std::string& id : m_replaces[i].ids) {
        const Measure* other = m_schedule.find_measure(id);
        if (!other)
          throw Error(m_replaces[i].where, fmt::format("measure '{}' replaces '{}', which is not "
                                                       "defined",
                                                       m.id, id));
        if (other == &m)
          throw Error(m_replaces[i].where, fmt::format("measure '{}' replaces itself", m.id));
        m.replaces.push_back(other);
      }
    }
    m_replaces.clear();
    for (const Measure& m : m_schedule.measures) check_no_cycle(m);
  }

  // A measure that (through others) replaces itself would make the outcome depend on order.
  void check_no_cycle(const Measure& start) const {
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

  void parse_exemption(const toml::table& t) {
    constexpr std::string_view ctx = " in [[exemption]]";
    m_file.check_keys(t,
                      {"id", "measures", "origins", "except_origins", "products",
                       "exclude_products", "melt_countries", "from", "to", "reason", "source",
                       "unconfirmed"},
                      ctx);
    Exemption e;
    e.id = m_file.string(t, "id", ctx);
    const bool exists = std::any_of(m_schedule.exemptions.begin(), m_schedule.exemptions.end(),
                                    [&](const Exemption& x) { return x.id == e.id; });
    unique_id("exemption", e.id, t, exists);
    const toml::node& measures = m_file.require(t, "measures", ctx);
    for (const std::string& id : strings(t, "measures")) {
      const Measure* m = m_schedule.find_measure(id);
      if (!m)
        throw Error(at(measures), fmt::format("exemption '{}' names measure '{}', which is not "
                                              "defined",
                                              e.id, id));
      e.measures.push_back(m);
    }
    e.origins = origin_scope(t, true);
    e.products = product_scope(t);
    e.melt_countries = countries(t, "melt_countries");
    bool open_start = false;
    e.window = window(t, open_start, true);
    e.reason = m_file.string(t, "reason", ctx);
    e.origin = rule_origin(t, fmt::format("exemption '{}'", e.id));
    m_schedule.exemptions.push_back(std::move(e));
  }

  void parse_notice(const toml::table& t) {
    constexpr std::string_view ctx = " in [[notice]]";
    m_file.check_keys(t,
                      {"id", "products", "exclude_products", "origins", "except_origins", "from",
                       "to", "message", "source", "unconfirmed"},
                      ctx);
    Notice n;
    n.id = m_file.string(t, "id", ctx);
    n.products = product_scope(t);
    if (n.products.empty()) throw Error(at(t), fmt::format("notice '{}' has no 'products'", n.id));
    n.origins = origin_scope(t, false);
    if (!t.get("origins")) n.origins.all = true;
    bool open_start = false;
    n.window = window(t, open_start, true);
    n.message = m_file.string(t, "message", ctx);
    n.origin = rule_origin(t, fmt::format("notice '{}'", n.id));
    m_schedule.notices.push_back(std::move(n));
  }

  std::optional<rate::Expression> optional_rate(const toml::table& t, std::string_view key) const {
    if (!t.get(key)) return std::nullopt;
    const std::string text = m_file.string(t, key);
    rate::Expression rate = rate::parse_expression(text);
    if (rate.is_prose() || rate.is_empty()) {
      SourceLocation where = at(*t.get(key));
      where.column += static_cast<int>(rate.problem().offset) + 1;
      throw Error(where, fmt::format("rate \"{}\" cannot be read: {}", text, rate.problem().message));
    }
    return rate;
  }

  void parse_quota(const toml::table& t) {
    constexpr std::string_view ctx = " in [[quota]]";
    m_file.check_keys(t,
                      {"id", "title", "kind", "products", "exclude_products", "origins",
                       "except_origins", "melt_origins", "from", "to", "period", "year_start",
                       "volume", "unit", "in_quota_exempts", "in_quota_rate", "over_quota_rate",
                       "source", "unconfirmed"},
                      ctx);
    quota::Quota q;
    q.id = m_file.string(t, "id", ctx);
    unique_id("quota", q.id, t, m_schedule.find_quota(q.id) != nullptr);
    q.title = m_file.string(t, "title", ctx);
    const std::string kind = m_file.string(t, "kind", ctx);
    if (kind == "tariff-rate") q.kind = quota::QuotaKind::tariff_rate;
    else if (kind == "absolute") q.kind = quota::QuotaKind::absolute;
    else throw Error(at(*t.get("kind")), fmt::format("quota kind '{}' is not 'tariff-rate' or 'absolute'", kind));
    q.products = product_scope(t);
    if (q.products.empty()) throw Error(at(t), fmt::format("quota '{}' has no 'products'", q.id));
    q.origins = origin_scope(t, true);
    if (t.get("melt_origins")) {
      schedule::OriginScope melt;
      origin_list(t, "melt_origins", melt.all, melt.countries, melt.groups);
      q.melt_origins = melt;
    }
    bool open_start = false;
    q.window = window(t, open_start, true);
    if (!t.get("period"))
      throw Error(at(t), fmt::format("quota '{}' has no 'period' (year, half-year, quarter or month)", q.id));
    const std::string period = m_file.string(t, "period", ctx);
    const auto kind_of_period = quota::parse_period_kind(period);
    if (!kind_of_period)
      throw Error(at(*t.get("period")),
                  fmt::format("period '{}' is not year, half-year, quarter or month", period));
    q.period = *kind_of_period;
    if (t.get("year_start")) {
      const std::string start = m_file.string(t, "year_start", ctx);
      const auto date = start.size() == 5 ? Date::parse("2001-" + start) : std::nullopt;
      if (!date)
        throw Error(at(*t.get("year_start")),
                    fmt::format("year_start '{}' is not a month and day written MM-DD", start));
      q.year_start_month = date->month();
      q.year_start_day = date->day();
    }
    if (!t.get("volume"))
      throw Error(at(t), fmt::format("quota '{}' has no 'volume' (per period, in 'unit')", q.id));
    const toml::node& volume = *t.get("volume");
    std::optional<Decimal> parsed;
    if (const auto* text = volume.as_string()) parsed = Decimal::parse(text->get());
    else if (const auto* integer = volume.as_integer()) parsed = Decimal::from_integer(integer->get());
    if (!parsed || parsed->sign() <= 0)
      throw Error(at(volume), "'volume' must be a positive number (an integer, or a decimal in quotes)");
    q.volume = *parsed;
    const std::string unit = m_file.string(t, "unit", ctx);
    if (unit == "value") q.unit.is_value = true;
    else if (const auto u = rate::parse_unit(unit)) q.unit.unit = *u;
    else throw Error(at(*t.get("unit")), fmt::format("unit '{}' is not a unit of quantity or 'value'", unit));
    for (const std::string& id : strings(t, "in_quota_exempts")) {
      const Measure* m = m_schedule.find_measure(id);
      if (!m)
        throw Error(at(*t.get("in_quota_exempts")),
                    fmt::format("quota '{}' names measure '{}', which is not defined", q.id, id));
      q.in_quota_exempts.push_back(m);
    }
    q.in_quota_rate = optional_rate(t, "in_quota_rate");
    q.over_quota_rate = optional_rate(t, "over_quota_rate");
    q.origin = rule_origin(t, fmt::format("quota '{}'", q.id));
    m_schedule.quotas.push_back(std::move(q));
  }

  std::optional<Decimal> optional_amount(const toml::table& t, std::string_view key) const {
    const toml::node* node = t.get(key);
    if (!node) return std::nullopt;
    std::optional<Decimal> parsed;
    if (const auto* text = node->as_string()) parsed = Decimal::parse(text->get());
    else if (const auto* integer = node->as_integer()) parsed = Decimal::from_integer(integer->get());
    if (!parsed || parsed->sign() < 0)
      throw Error(at(*node), fmt::format("'{}' must be an amount (a decimal in quotes, e.g. \"26.22\")", key));
    return parsed;
  }

  void parse_fee(const toml::table& t) {
    constexpr std::string_view ctx = " in [[fee]]";
    m_file.check_keys(t,
                      {"id", "title", "rate", "amount", "minimum", "maximum", "entry_value_above",
                       "entry_value_at_most", "modes", "from", "to", "source", "unconfirmed"},
                      ctx);
    Fee f;
    f.id = m_file.string(t, "id", ctx);
    f.title = m_file.string(t, "title", ctx);
    f.rate = optional_rate(t, "rate");
    f.amount = optional_amount(t, "amount");
    if (f.rate.has_value() == f.amount.has_value())
      throw Error(at(t), fmt::format("fee '{}' needs either 'rate' or 'amount'", f.id));
    f.minimum = optional_amount(t, "minimum");
    f.maximum = optional_amount(t, "maximum");
    if (f.minimum && f.maximum && *f.maximum < *f.minimum)
      throw Error(at(*t.get("maximum")), fmt::format("fee '{}': maximum is below minimum", f.id));
    f.entry_value_above = optional_amount(t, "entry_value_above");
    f.entry_value_at_most = optional_amount(t, "entry_value_at_most");
    for (const std::string& mode : strings(t, "modes")) {
      if (mode == "vessel") f.modes.push_back(manifest::TransportMode::vessel);
      else if (mode == "air") f.modes.push_back(manifest::TransportMode::air);
      else if (mode == "truck") f.modes.push_back(manifest::TransportMode::truck);
      else if (mode == "rail") f.modes.push_back(manifest::TransportMode::rail);
      else if (mode == "mail") f.modes.push_back(manifest::TransportMode::mail);
      else throw Error(at(*t.get("modes")), fmt::format("unknown transport mode '{}'", mode));
    }
    bool open_start = false;
    f.window = window(t, open_start, true);
    f.origin = rule_origin(t, fmt::format("fee '{}'", f.id));
    m_schedule.fees.push_back(std::move(f));
  }

  void parse_tax(const toml::table& t) {
    constexpr std::string_view ctx = " in [[tax]]";
    m_file.check_keys(t, {"id", "title", "destinations", "rate", "base", "from", "to", "source",
                          "unconfirmed"},
                      ctx);
    Tax x;
    x.id = m_file.string(t, "id", ctx);
    x.title = m_file.string(t, "title", ctx);
    x.destinations = countries(t, "destinations");
    if (x.destinations.empty()) throw Error(at(t), fmt::format("tax '{}' has no 'destinations'", x.id));
    x.rate = *optional_rate(t, "rate");
    const std::string base = m_file.string(t, "base", ctx);
    if (base == "customs-value") x.base = TaxBase::customs_value;
    else if (base == "customs-value-plus-duties") x.base = TaxBase::customs_value_plus_duties;
    else
      throw Error(at(*t.get("base")),
                  fmt::format("base '{}' is not 'customs-value' or 'customs-value-plus-duties'", base));
    x.window = window(t, x.open_start, false);
    x.origin = rule_origin(t, fmt::format("tax '{}'", x.id));
    m_schedule.taxes.push_back(std::move(x));
  }

  void parse_de_minimis(const toml::table& t) {
    constexpr std::string_view ctx = " in [[de_minimis]]";
    m_file.check_keys(t, {"id", "threshold", "origins", "except_origins", "from", "to", "source",
                          "unconfirmed"},
                      ctx);
    DeMinimis d;
    d.id = m_file.string(t, "id", ctx);
    const auto threshold = optional_amount(t, "threshold");
    if (!threshold) throw Error(at(t), fmt::format("de minimis '{}' has no 'threshold'", d.id));
    d.threshold = *threshold;
    d.origins = origin_scope(t, true);
    bool open_start = false;
    d.window = window(t, open_start, true);
    d.origin = rule_origin(t, fmt::format("de minimis '{}'", d.id));
    m_schedule.de_minimis.push_back(std::move(d));
  }

  struct PendingReplaces {
    std::vector<std::string> ids;
    SourceLocation where;
  };

  const TomlFile& m_file;
  Schedule& m_schedule;
  std::vector<PendingReplaces> m_replaces;
};

} // namespace

void parse_rules_file(std::string_view text, const std::string& display_name, Schedule& schedule) {
  const TomlFile file(display_name);
  const toml::table root = parse_toml(std::string(text), display_name);
  check_format(file, root);
  RulesParser(file, schedule).parse(root);
}

} // namespace dutycalc::schedule
