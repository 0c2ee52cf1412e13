// The parser behind parse_rules_file(), split over rules_loader*.cpp by kind of rule. Private to
// the loader: it speaks toml++, which stays out of the library's public headers.
#pragma once

#include <dutycalc/schedule/code_lists.hpp>
#include <dutycalc/schedule/code_references.hpp>
#include <dutycalc/schedule/diagnostics.hpp>
#include <dutycalc/schedule/schedule.hpp>
#include <dutycalc/schedule/toml_file.hpp>

#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::schedule {

// A rule file's TOML, parsed apart from the rules it holds, so that the parse (most of a rule
// file's cost) can run on another thread while the lines tables load.
struct ParsedRulesFile {
  std::unique_ptr<const std::string> text; // the file: `lists` point into it
  CodeLists lists;                         // the lists of codes read without toml++
  toml::table root;
  std::exception_ptr error; // what parsing threw (an Error at the bad byte), or null
};

// Parses the TOML of a rule file; never throws: a problem comes back in `error`.
ParsedRulesFile parse_rules_toml(std::string_view text, const std::string& display_name);

// parse_rules_file() on a file already parsed by parse_rules_toml(): same rules, same problems
// in the same order.
void load_parsed_rules(ParsedRulesFile parsed, const std::string& display_name, Schedule& schedule,
                       Diagnostics* sink);

class RulesParser {
public:
  // With a sink (file.sink()), a problem in one [[table]] entry is recorded and the entry
  // skipped; references to rules that were skipped are not reported again; and references the
  // loader alone would accept are checked too: headings and product codes against the
  // editions, codes listed twice, a country twice in a group at once.
  // `lists`: those take_code_lists() took out of the file (which toml++ then saw empty).
  RulesParser(const TomlFile& file, Schedule& schedule, const CodeLists* lists = nullptr);

  void parse(const toml::table& root);

private:
  // rules_loader.cpp: the values rules are made of.
  template <class F> void for_each_table(const toml::table& root, std::string_view key, F&& f);
  SourceLocation at(const toml::node& node) const { return m_file.where(node.source()); }
  Diagnostics* sink() const { return m_file.sink(); }
  // Whether an unresolved reference is excused: the rule it names could not be loaded.
  bool excused(std::string_view kind, std::string_view id) const {
    return sink() && sink()->excuses(kind, id);
  }
  std::optional<std::string> optional_string(const toml::table& t, std::string_view key) const;
  std::vector<std::string> strings(const toml::table& t, std::string_view key) const;
  // A list of strings with the place of each, from `m_lists` when it was read there.
  std::vector<ListedString> listed_strings(const toml::table& t, std::string_view key) const;
  CountryCode country(std::string_view code, const toml::node& node) const;
  std::vector<CountryCode> countries(const toml::table& t, std::string_view key) const;
  RuleOrigin rule_origin(const toml::table& t, std::string_view what) const;
  DateRange window(const toml::table& t, bool& open_start, bool from_required) const;
  void origin_list(const toml::table& t, std::string_view key, bool& all,
                   std::vector<CountryCode>& countries,
                   std::vector<const CountryGroup*>& groups) const;
  OriginScope origin_scope(const toml::table& t, bool required) const;
  // `rule` names the rule in reference warnings ("measure 's232-steel'"); empty: no such checks.
  ProductScope product_scope(const toml::table& t, std::string_view rule) const;
  rate::Expression rate(const toml::table& t, std::string_view key) const;
  std::optional<rate::Expression> optional_rate(const toml::table& t, std::string_view key) const;
  std::optional<Decimal> optional_amount(const toml::table& t, std::string_view key) const;
  void unique_id(std::string_view kind, const std::string& id, const toml::table& t,
                 bool exists) const;
  const EditionCodes& edition_codes() const;

  // rules_loader_origin.cpp: who pays what.
  void parse_group(const toml::table& t);
  void check_members(const CountryGroup& group, const std::vector<SourceLocation>& places) const;
  void parse_programme(const toml::table& t);
  void parse_measure(const toml::table& t);
  void check_heading(const Measure& m, const toml::node& heading) const;
  void resolve_replacements();
  void check_no_cycle(const Measure& start) const;
  void parse_exemption(const toml::table& t);
  void parse_notice(const toml::table& t);

  // rules_loader_landed.cpp: quotas and what turns duties into a landed cost.
  void parse_quota(const toml::table& t);
  void parse_fee(const toml::table& t);
  void parse_tax(const toml::table& t);
  void parse_de_minimis(const toml::table& t);

  struct PendingReplaces {
    std::size_t measure; // index in m_schedule.measures
    std::vector<std::string> ids;
    std::vector<SourceLocation> places; // of each id
  };

  const TomlFile& m_file;
  Schedule& m_schedule;
  std::vector<PendingReplaces> m_replaces;
  const CodeLists* m_lists;
  mutable std::optional<EditionCodes> m_edition_codes; // built on first use, with a sink only
};

} // namespace dutycalc::schedule
