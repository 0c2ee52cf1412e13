// Rules that turn duties into a landed cost: tariff-rate and absolute quotas, fees per entry,
// taxes per line, de minimis thresholds.
#include <dutycalc/schedule/rules_parser.hpp>

namespace dutycalc::schedule {

void RulesParser::parse_quota(const toml::table& t) {
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
  else
    throw Error(at(*t.get("kind")),
                fmt::format("quota kind '{}' is not 'tariff-rate' or 'absolute'", kind));
  q.products = product_scope(t, fmt::format("quota '{}'", q.id));
  if (q.products.empty()) throw Error(at(t), fmt::format("quota '{}' has no 'products'", q.id));
  q.origins = origin_scope(t, true);
  if (t.get("melt_origins")) {
    OriginScope melt;
    origin_list(t, "melt_origins", melt.all, melt.countries, melt.groups);
    q.melt_origins = melt;
  }
  bool open_start = false;
  q.window = window(t, open_start, true);
  if (!t.get("period"))
    throw Error(at(t), fmt::format("quota '{}' has no 'period' (year, half-year, quarter or month)",
                                   q.id));
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
    throw Error(at(volume),
                "'volume' must be a positive number (an integer, or a decimal in quotes)");
  q.volume = *parsed;
  const std::string unit = m_file.string(t, "unit", ctx);
  if (unit == "value") q.unit.is_value = true;
  else if (const auto u = rate::parse_unit(unit)) q.unit.unit = *u;
  else
    throw Error(at(*t.get("unit")),
                fmt::format("unit '{}' is not a unit of quantity or 'value'", unit));
  const std::vector<std::string> exempts = strings(t, "in_quota_exempts");
  for (std::size_t i = 0; i < exempts.size(); ++i) {
    const Measure* m = m_schedule.find_measure(exempts[i]);
    if (!m && excused("measure", exempts[i])) continue;
    if (!m)
      throw Error(at(*t.get("in_quota_exempts")->as_array()->get(i)),
                  fmt::format("quota '{}' names measure '{}', which is not defined", q.id,
                              exempts[i]));
    q.in_quota_exempts.push_back(m);
  }
  q.in_quota_rate = optional_rate(t, "in_quota_rate");
  q.over_quota_rate = optional_rate(t, "over_quota_rate");
  q.origin = rule_origin(t, fmt::format("quota '{}'", q.id));
  m_schedule.quotas.push_back(std::move(q));
}

void RulesParser::parse_fee(const toml::table& t) {
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
  const std::vector<std::string> modes = strings(t, "modes");
  for (std::size_t i = 0; i < modes.size(); ++i) {
    const std::string& mode = modes[i];
    if (mode == "vessel") f.modes.push_back(manifest::TransportMode::vessel);
    else if (mode == "air") f.modes.push_back(manifest::TransportMode::air);
    else if (mode == "truck") f.modes.push_back(manifest::TransportMode::truck);
    else if (mode == "rail") f.modes.push_back(manifest::TransportMode::rail);
    else if (mode == "mail") f.modes.push_back(manifest::TransportMode::mail);
    else
      throw Error(at(*t.get("modes")->as_array()->get(i)),
                  fmt::format("unknown transport mode '{}'", mode));
  }
  bool open_start = false;
  f.window = window(t, open_start, true);
  f.origin = rule_origin(t, fmt::format("fee '{}'", f.id));
  m_schedule.fees.push_back(std::move(f));
}

void RulesParser::parse_tax(const toml::table& t) {
  constexpr std::string_view ctx = " in [[tax]]";
  m_file.check_keys(
      t, {"id", "title", "destinations", "rate", "base", "from", "to", "source", "unconfirmed"},
      ctx);
  Tax x;
  x.id = m_file.string(t, "id", ctx);
  x.title = m_file.string(t, "title", ctx);
  x.destinations = countries(t, "destinations");
  if (x.destinations.empty())
    throw Error(at(t), fmt::format("tax '{}' has no 'destinations'", x.id));
  m_file.require(t, "rate", ctx);
  x.rate = rate(t, "rate");
  const std::string base = m_file.string(t, "base", ctx);
  if (base == "customs-value") x.base = TaxBase::customs_value;
  else if (base == "customs-value-plus-duties") x.base = TaxBase::customs_value_plus_duties;
  else
    throw Error(at(*t.get("base")),
                fmt::format("base '{}' is not 'customs-value' or 'customs-value-plus-duties'",
                            base));
  x.window = window(t, x.open_start, false);
  x.origin = rule_origin(t, fmt::format("tax '{}'", x.id));
  m_schedule.taxes.push_back(std::move(x));
}

void RulesParser::parse_de_minimis(const toml::table& t) {
  constexpr std::string_view ctx = " in [[de_minimis]]";
  m_file.check_keys(t,
                    {"id", "threshold", "origins", "except_origins", "from", "to", "source",
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

} // namespace dutycalc::schedule
