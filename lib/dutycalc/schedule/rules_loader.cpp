// parse_rules_file() and the values rules are made of: strings, countries, windows, origin and
// product scopes, rates, amounts, sources.
#include <dutycalc/schedule/rules_loader.hpp>

#include <dutycalc/country.hpp>
#include <dutycalc/schedule/rules_parser.hpp>

#include <algorithm>
#include <map>
#include <utility>

namespace dutycalc::schedule {

namespace {
constexpr std::string_view k_all = "all";
// How many unknown codes a warning lists before "...".
constexpr std::size_t k_listed_codes = 5;
} // namespace

RulesParser::RulesParser(const TomlFile& file, Schedule& schedule, const CodeLists* lists)
    : m_file(file), m_schedule(schedule), m_lists(lists) {}

template <class F>
void RulesParser::for_each_table(const toml::table& root, std::string_view key, F&& f) {
  const toml::node* node = root.get(key);
  if (!node)
    return;
  const auto* array = node->as_array();
  if (!array || !array->is_array_of_tables()) {
    const Error problem(at(*node), fmt::format("'{}' must be [[{}]] tables", key, key));
    if (!sink())
      throw problem;
    sink()->add(problem);
    sink()->mark_incomplete(); // which rules it meant to define is unknown
    return;
  }
  for (const toml::node& element : *array) {
    const toml::table& table = *element.as_table();
    if (attempt(sink(), [&] { f(table); }))
      continue;
    if (const auto* id = table.get_as<std::string>("id"))
      sink()->skipped(key, id->get());
  }
}

void RulesParser::parse(const toml::table& root) {
  m_file.check_keys(root,
                    {"format", "group", "programme", "measure", "exemption", "notice", "quota",
                     "fee", "tax", "de_minimis"},
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

std::optional<std::string> RulesParser::optional_string(const toml::table& t,
                                                        std::string_view key) const {
  if (!t.get(key))
    return std::nullopt;
  return m_file.string(t, key);
}

std::vector<std::string> RulesParser::strings(const toml::table& t, std::string_view key) const {
  std::vector<std::string> out;
  const toml::node* node = t.get(key);
  if (!node)
    return out;
  const auto* array = node->as_array();
  if (!array)
    throw Error(at(*node), fmt::format("'{}' must be a list of strings", key));
  for (const toml::node& element : *array) {
    const auto* value = element.as_string();
    if (!value)
      throw Error(at(element), fmt::format("'{}' must be a list of strings", key));
    out.push_back(value->get());
  }
  return out;
}

std::vector<ListedString> RulesParser::listed_strings(const toml::table& t,
                                                      std::string_view key) const {
  std::vector<ListedString> out;
  const toml::node* node = t.get(key);
  if (!node)
    return out;
  const auto* array = node->as_array();
  if (!array)
    throw Error(at(*node), fmt::format("'{}' must be a list of strings", key));
  if (m_lists && array->empty()) {
    // A list take_code_lists() read, left empty for toml++: found by the place of its '['.
    const auto& begin = node->source().begin;
    const auto found =
        m_lists->find({static_cast<int>(begin.line), static_cast<int>(begin.column)});
    if (found != m_lists->end())
      return found->second;
  }
  out.reserve(array->size());
  for (const toml::node& element : *array) {
    const auto* value = element.as_string();
    if (!value)
      throw Error(at(element), fmt::format("'{}' must be a list of strings", key));
    const SourceLocation where = at(element);
    out.push_back({value->get(), where.line, where.column});
  }
  return out;
}

CountryCode RulesParser::country(std::string_view code, const toml::node& node) const {
  if (!is_country_code(code))
    throw Error(at(node), fmt::format("'{}' is not an ISO 3166-1 alpha-2 country code", code));
  return {code[0], code[1]};
}

std::vector<CountryCode> RulesParser::countries(const toml::table& t, std::string_view key) const {
  std::vector<CountryCode> out;
  const std::vector<std::string> codes = strings(t, key);
  for (std::size_t i = 0; i < codes.size(); ++i)
    out.push_back(country(codes[i], *t.get(key)->as_array()->get(i)));
  return out;
}

// Every rule names its legal source; an unconfirmed fact says so.
RuleOrigin RulesParser::rule_origin(const toml::table& t, std::string_view what) const {
  RuleOrigin origin;
  origin.where = at(t);
  if (!t.get("source"))
    throw Error(origin.where,
                fmt::format("{} has no 'source' (every rule cites its legal text)", what));
  origin.source = m_file.string(t, "source");
  if (origin.source.empty())
    throw Error(at(*t.get("source")), "'source' is empty");
  origin.unconfirmed = optional_string(t, "unconfirmed").value_or("");
  return origin;
}

DateRange RulesParser::window(const toml::table& t, bool& open_start, bool from_required) const {
  DateRange range;
  open_start = !t.get("from");
  if (open_start && from_required)
    throw Error(at(t), "missing key 'from' (the date the rule takes effect)");
  if (!open_start)
    range.from = m_file.date(t, "from");
  if (t.get("to")) {
    range.to = m_file.date(t, "to");
    if (!open_start && *range.to <= range.from)
      throw Error(at(*t.get("to")), fmt::format("the window ends ({}) before it starts ({})",
                                                range.to->to_string(), range.from.to_string()));
  }
  return range;
}

// "all", country codes and group ids.
void RulesParser::origin_list(const toml::table& t, std::string_view key, bool& all,
                              std::vector<CountryCode>& countries,
                              std::vector<const CountryGroup*>& groups) const {
  const toml::node* node = t.get(key);
  if (!node)
    return;
  const std::vector<std::string> names = strings(t, key);
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& name = names[i];
    if (name == k_all)
      all = true;
    else if (const CountryGroup* group = m_schedule.find_group(name))
      groups.push_back(group);
    else if (name.size() == 2 && is_country_code(name))
      countries.push_back({name[0], name[1]});
    else if (!excused("group", name))
      throw Error(at(*node->as_array()->get(i)),
                  fmt::format("'{}' in '{}' is neither a country code nor a group defined so far",
                              name, key));
  }
}

OriginScope RulesParser::origin_scope(const toml::table& t, bool required) const {
  OriginScope scope;
  if (required && !t.get("origins"))
    throw Error(at(t), "missing key 'origins' (\"all\", country codes or group ids)");
  origin_list(t, "origins", scope.all, scope.countries, scope.groups);
  bool unused = false;
  origin_list(t, "except_origins", unused, scope.except_countries, scope.except_groups);
  if (unused)
    throw Error(at(*t.get("except_origins")), "'except_origins' cannot be \"all\"");
  return scope;
}

ProductScope RulesParser::product_scope(const toml::table& t, std::string_view rule) const {
  ProductScope scope;
  const auto read = [&](std::string_view key, std::vector<CodeRange>& out) {
    const std::vector<ListedString> items = listed_strings(t, key);
    if (items.empty())
      return;
    const auto place = [&](std::size_t i) {
      return SourceLocation{m_file.name(), items[i].line, items[i].column};
    };
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string why;
      const auto range = parse_code_range(items[i].text, why);
      if (!range)
        throw Error(place(i), fmt::format("'{}' in '{}': {}", items[i].text, key, why));
      out.push_back(*range);
    }
    if (!sink() || rule.empty())
      return;
    // A code listed twice does no harm, but is usually a slip for another code.
    std::map<std::pair<std::uint64_t, std::uint64_t>, std::size_t> seen;
    std::vector<bool> repeated(out.size(), false);
    for (std::size_t i = 0; i < out.size(); ++i) {
      const auto [first, inserted] = seen.try_emplace({out[i].low.key(), out[i].high.key()}, i);
      if (inserted)
        continue;
      repeated[i] = true;
      const SourceLocation before = place(first->second);
      sink()->warning(
          place(i), fmt::format("'{}' is listed twice in '{}' of {} (first at line {}, column {})",
                                items[i].text, key, rule, before.line, before.column));
    }
    if (key != "products" || m_schedule.editions.empty())
      return;
    std::vector<std::size_t> unknown;
    for (std::size_t i = 0; i < out.size(); ++i)
      if (!repeated[i] && out[i].low == out[i].high && !edition_codes().known(out[i].low))
        unknown.push_back(i);
    if (unknown.empty())
      return;
    std::string listed;
    for (std::size_t j = 0; j < unknown.size() && j < k_listed_codes; ++j)
      listed.append(j ? ", " : "").append(items[unknown[j]].text);
    if (unknown.size() > k_listed_codes)
      listed += ", ...";
    sink()->warning(place(unknown.front()),
                    fmt::format("{} of the {} entries in 'products' of {} {} no edition's lines "
                                "table has ({}): no priced line can carry {}",
                                unknown.size(), seen.size(), rule,
                                unknown.size() == 1 ? "is a code" : "are codes", listed,
                                unknown.size() == 1 ? "it" : "them"));
  };
  read("products", scope.include);
  read("exclude_products", scope.exclude);
  scope.index();
  return scope;
}

rate::Expression RulesParser::rate(const toml::table& t, std::string_view key) const {
  const std::string text = m_file.string(t, key);
  rate::Expression rate = rate::parse_expression(text);
  if (rate.is_prose() || rate.is_empty()) {
    SourceLocation where = at(*t.get(key));
    // Point at the unreadable character: the string's text starts one column after its quote.
    where.column += rate::display_column(text, rate.problem().offset);
    throw Error(where, fmt::format("rate \"{}\" cannot be read: {}", text, rate.problem().message));
  }
  return rate;
}

std::optional<rate::Expression> RulesParser::optional_rate(const toml::table& t,
                                                           std::string_view key) const {
  if (!t.get(key))
    return std::nullopt;
  return rate(t, key);
}

std::optional<Decimal> RulesParser::optional_amount(const toml::table& t,
                                                    std::string_view key) const {
  const toml::node* node = t.get(key);
  if (!node)
    return std::nullopt;
  std::optional<Decimal> parsed;
  if (const auto* text = node->as_string())
    parsed = Decimal::parse(text->get());
  else if (const auto* integer = node->as_integer())
    parsed = Decimal::from_integer(integer->get());
  if (!parsed || parsed->sign() < 0)
    throw Error(at(*node),
                fmt::format("'{}' must be an amount (a decimal in quotes, e.g. \"26.22\")", key));
  return parsed;
}

void RulesParser::unique_id(std::string_view kind, const std::string& id, const toml::table& t,
                            bool exists) const {
  if (id.empty())
    throw Error(at(t), fmt::format("{} id is empty", kind));
  if (exists)
    throw Error(at(*t.get("id")), fmt::format("{} '{}' is defined twice", kind, id));
}

const EditionCodes& RulesParser::edition_codes() const {
  if (!m_edition_codes)
    m_edition_codes.emplace(m_schedule.editions);
  return *m_edition_codes;
}

ParsedRulesFile parse_rules_toml(std::string_view text, const std::string& display_name) {
  ParsedRulesFile parsed;
  try {
    parsed.text = std::make_unique<const std::string>(text);
    parsed.root = parse_toml(take_code_lists(*parsed.text, parsed.lists), display_name);
  } catch (...) {
    parsed.error = std::current_exception();
  }
  return parsed;
}

void load_parsed_rules(ParsedRulesFile parsed, const std::string& display_name, Schedule& schedule,
                       Diagnostics* sink) {
  const TomlFile file(display_name, sink);
  const bool read = attempt(sink, [&] {
    if (parsed.error)
      std::rethrow_exception(parsed.error);
    check_format(file, parsed.root);
  });
  if (!read) {
    sink->mark_incomplete(); // what the file defines is unknown: references to it are excused
    return;
  }
  RulesParser(file, schedule, &parsed.lists).parse(parsed.root);
}

void parse_rules_file(std::string_view text, const std::string& display_name, Schedule& schedule,
                      Diagnostics* sink) {
  load_parsed_rules(parse_rules_toml(text, display_name), display_name, schedule, sink);
}

} // namespace dutycalc::schedule
