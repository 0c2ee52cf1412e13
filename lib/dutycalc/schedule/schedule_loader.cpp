// Reads schedule.toml (format 1) and the lines tables of its editions.
#include <dutycalc/schedule/schedule_loader.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/schedule/format_version.hpp>
#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/rules_prefetch.hpp>
#include <dutycalc/schedule/toml_file.hpp>
#include <dutycalc/util/file.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <exception>
#include <initializer_list>
#include <optional>
#include <thread>

namespace dutycalc::schedule {

namespace {

namespace fs = std::filesystem;

ValuationBasis parse_valuation(const TomlFile& file, const toml::table& root) {
  const std::string text = file.string(root, "valuation");
  if (text == "transaction-value")
    return ValuationBasis::transaction_value;
  if (text == "cif")
    return ValuationBasis::cif;
  throw Error(file.where(root.get("valuation")->source()),
              fmt::format("valuation '{}' is not 'transaction-value' or 'cif'", text));
}

Rounding parse_rounding(const TomlFile& file, const toml::table& root) {
  const toml::table& table = file.table_at(root, "rounding");
  file.check_keys(table, {"places", "mode", "point"}, " in [rounding]");
  Rounding rounding;
  const long long places = file.integer(table, "places", " in [rounding]");
  if (places < 0 || places > 6)
    throw Error(file.where(table.get("places")->source()),
                fmt::format("rounding places {} is not between 0 and 6", places));
  rounding.places = static_cast<int>(places);
  const std::string mode = file.string(table, "mode", " in [rounding]");
  const auto parsed = parse_rounding_mode(mode);
  if (!parsed)
    throw Error(file.where(table.get("mode")->source()),
                fmt::format("rounding mode '{}' is not 'half-up', 'half-even' or 'down'", mode));
  rounding.mode = *parsed;
  rounding.point = file.string(table, "point", " in [rounding]");
  return rounding;
}

Edition parse_edition(const TomlFile& file, const toml::table& table, const fs::path& directory) {
  constexpr std::string_view context = " in [[edition]]";
  file.check_keys(table, {"id", "effective", "file", "source"}, context);
  Edition edition;
  edition.id = file.string(table, "id", context);
  edition.effective = file.date(table, "effective", context);
  edition.file = file.string(table, "file", context);
  edition.source = file.string(table, "source", context);
  const fs::path path = directory / edition.file;
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw Error(file.where(table.get("file")->source()),
                fmt::format("edition file '{}' does not exist", path.string()));
  const std::string text = read_file(path);
  edition.nomenclature.set_edition(edition.id);
  parse_lines_table(text, path.string(), edition.nomenclature, file.sink());
  return edition;
}

// Editions may be listed in any order (they are sorted), but one listed after a newer one is
// usually a mistyped date: with a sink, a warning says so.
void check_edition_order(const TomlFile& file, const std::vector<Edition>& editions,
                         const std::vector<const toml::table*>& tables) {
  for (std::size_t i = 1; i < editions.size(); ++i) {
    const Edition& previous = editions[i - 1];
    const Edition& edition = editions[i];
    if (!(edition.effective < previous.effective))
      continue;
    file.sink()->warning(file.where(tables[i]->get("effective")->source()),
                         fmt::format("edition '{}' takes effect on {}, before '{}' listed above "
                                     "it ({}): list editions oldest first",
                                     edition.id, edition.effective.to_string(), previous.id,
                                     previous.effective.to_string()));
  }
}

std::vector<Edition> parse_editions(const TomlFile& file, const toml::table& root,
                                    const fs::path& directory) {
  const toml::node& node = file.require(root, "edition", " (at least one [[edition]] table)");
  const auto* array = node.as_array();
  if (!array || array->empty() || !array->is_array_of_tables())
    throw Error(file.where(node.source()), "'edition' must be [[edition]] tables");
  std::vector<Edition> editions;
  std::vector<const toml::table*> tables;
  for (const toml::node& element : *array) {
    const toml::table& table = *element.as_table();
    attempt(file.sink(), [&] {
      Edition edition = parse_edition(file, table, directory);
      for (std::size_t i = 0; i < editions.size(); ++i) {
        if (editions[i].id == edition.id)
          throw Error(file.where(table.source()),
                      fmt::format("edition id '{}' is also used at line {}", edition.id,
                                  file.where(tables[i]->source()).line));
        if (editions[i].effective == edition.effective)
          throw Error(file.where(table.get("effective")->source()),
                      fmt::format("editions '{}' and '{}' take effect on the same date {}",
                                  editions[i].id, edition.id, edition.effective.to_string()));
      }
      tables.push_back(&table);
      editions.push_back(std::move(edition));
    });
  }
  if (file.sink())
    check_edition_order(file, editions, tables);
  std::sort(editions.begin(), editions.end(),
            [](const Edition& a, const Edition& b) { return a.effective < b.effective; });
  return editions;
}

// One rule file listed under `rules`: it must exist and be listed once.
void load_rule_file(const TomlFile& file, const toml::node& element, const fs::path& directory,
                    RulesPrefetch* prefetch, Schedule& schedule) {
  const auto* name = element.as_string();
  if (!name)
    throw Error(file.where(element.source()), "'rules' must be a list of file names");
  const fs::path path = directory / name->get();
  std::error_code ec;
  if (!fs::is_regular_file(path, ec))
    throw Error(file.where(element.source()),
                fmt::format("rule file '{}' does not exist", path.string()));
  if (std::find(schedule.rule_files.begin(), schedule.rule_files.end(), name->get()) !=
      schedule.rule_files.end())
    throw Error(file.where(element.source()),
                fmt::format("rule file '{}' is listed twice", name->get()));
  schedule.rule_files.push_back(name->get());
  RulesPrefetch::File* prefetched = prefetch ? prefetch->take(path) : nullptr;
  if (!prefetched) {
    parse_rules_file(read_file(path), path.string(), schedule, file.sink());
    return;
  }
  if (prefetched->read_error)
    std::rethrow_exception(prefetched->read_error);
  load_parsed_rules(std::move(*prefetched->parsed), path.string(), schedule, file.sink());
}

// The rule files schedule.toml lists under `rules`, in order, and the column 2 group.
void load_rules(const TomlFile& file, const toml::table& root, const fs::path& directory,
                RulesPrefetch* prefetch, Schedule& schedule) {
  if (const toml::node* node = root.get("rules")) {
    const auto* array = node->as_array();
    if (!array)
      throw Error(file.where(node->source()), "'rules' must be a list of file names");
    for (const toml::node& element : *array) {
      // What a file that could not be read defines is unknown: references to it are excused.
      if (!attempt(file.sink(),
                   [&] { load_rule_file(file, element, directory, prefetch, schedule); }))
        file.sink()->mark_incomplete();
    }
  }
  if (const toml::node* node = root.get("column2")) {
    const std::string id = file.string(root, "column2");
    schedule.column2 = schedule.find_group(id);
    if (!schedule.column2 && !(file.sink() && file.sink()->excuses("group", id)))
      throw Error(file.where(node->source()),
                  fmt::format("column2 names group '{}', which no rule file defines", id));
  }
}

// Moves what load_rules() made in `from` into `to`, which has no rules yet. Deques move their
// blocks, so rules keep their addresses and the pointers between them stay good.
void take_rules(Schedule& to, Schedule&& from) {
  to.groups = std::move(from.groups);
  to.programmes = std::move(from.programmes);
  to.measures = std::move(from.measures);
  to.exemptions = std::move(from.exemptions);
  to.notices = std::move(from.notices);
  to.quotas = std::move(from.quotas);
  to.fees = std::move(from.fees);
  to.taxes = std::move(from.taxes);
  to.de_minimis = std::move(from.de_minimis);
  to.column2 = from.column2;
  to.rule_files = std::move(from.rule_files);
}

FxDate parse_fx_date(const TomlFile& file, const toml::table& root) {
  const std::string fx = file.string(root, "fx_date");
  if (fx == "entry")
    return FxDate::entry;
  if (fx == "export")
    return FxDate::export_date;
  if (fx == "month")
    return FxDate::month;
  throw Error(file.where(root.get("fx_date")->source()),
              fmt::format("fx_date '{}' is not 'entry', 'export' or 'month'", fx));
}

} // namespace

Schedule load_schedule(const fs::path& directory, Diagnostics* sink) {
  const fs::path toml_path = directory / "schedule.toml";
  const TomlFile file(toml_path.string(), sink);
  Schedule schedule;
  schedule.directory = directory.string();
  toml::table root;
  const bool read = attempt(sink, [&] {
    const std::string text = read_file(toml_path);
    root = parse_toml(text, file.name());
    check_format(file, root);
  });
  if (!read)
    return schedule;
  file.check_keys(root,
                  {"format", "name", "title", "currency", "valuation", "rounding", "coverage",
                   "edition", "rules", "column2", "fx_date"},
                  {});
  // The rule files load on a second thread while the lines tables load on this one. Without a
  // sink rules read nothing but other rules, so the whole of them load there, into a schedule of
  // their own, taken over below; with one they check codes against the editions, so only the
  // TOML is parsed there and the rules are made below, in order. Either way the schedule and
  // the problems reported (with a sink: in the same order) are those of loading on one thread.
  std::optional<RulesPrefetch> prefetch;
  Schedule rules;
  std::exception_ptr rules_error;
  std::jthread rules_thread;
  if (sink)
    prefetch.emplace(root, directory);
  else
    rules_thread = std::jthread([&] {
      try {
        load_rules(file, root, directory, nullptr, rules);
      } catch (...) {
        rules_error = std::current_exception();
      }
    });
  // With a sink each setting is read on its own, so one bad value does not hide the next.
  attempt(sink, [&] { schedule.name = file.string(root, "name"); });
  attempt(sink, [&] { schedule.title = file.string(root, "title"); });
  attempt(sink, [&] {
    const std::string currency = file.string(root, "currency");
    const auto parsed_currency = Currency::from_code(currency);
    if (!parsed_currency)
      throw Error(file.where(root.get("currency")->source()),
                  fmt::format("currency '{}' is not an ISO 4217 code dutycalc knows", currency));
    schedule.currency = *parsed_currency;
  });
  attempt(sink, [&] { schedule.valuation = parse_valuation(file, root); });
  attempt(sink, [&] { schedule.rounding = parse_rounding(file, root); });
  attempt(sink, [&] { schedule.coverage = file.string(root, "coverage"); });
  attempt(sink, [&] { schedule.editions = parse_editions(file, root, directory); });
  if (sink) {
    attempt(sink, [&] { load_rules(file, root, directory, &*prefetch, schedule); });
  } else {
    rules_thread.join();
    if (rules_error)
      std::rethrow_exception(rules_error);
    take_rules(schedule, std::move(rules));
  }
  if (root.get("fx_date"))
    attempt(sink, [&] { schedule.fx_date = parse_fx_date(file, root); });
  schedule.index_versions();
  return schedule;
}

} // namespace dutycalc::schedule
