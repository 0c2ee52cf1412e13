// Typed, place-aware access to the TOML files of a schedule (schedule.toml and its rule files).
// Only loaders include this: toml++ stays out of the library's public headers.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/schedule/diagnostics.hpp>
#include <dutycalc/schedule/format_version.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <fmt/format.h>
#include <toml++/toml.h>

#include <algorithm>
#include <initializer_list>
#include <string>
#include <string_view>

namespace dutycalc::schedule {

// Typed access to one parsed TOML file, with every complaint at the place it is about. Accessors
// throw Error; with a sink, check_keys() records every unknown key instead and goes on.
class TomlFile {
public:
  explicit TomlFile(std::string display_name, Diagnostics* sink = nullptr)
      : m_name(std::move(display_name)), m_sink(sink) {}

  const std::string& name() const { return m_name; }
  Diagnostics* sink() const { return m_sink; }

  SourceLocation where(const toml::source_region& region) const {
    return {m_name, static_cast<int>(region.begin.line), static_cast<int>(region.begin.column)};
  }

  // Keys of `table` must be among `known`. With a sink each unknown key is recorded (the rest of
  // the table is still read: a misspelt key then also shows as the key that is missing).
  void check_keys(const toml::table& table, std::initializer_list<std::string_view> known,
                  std::string_view context) const {
    for (const auto& [key, node] : table) {
      if (std::find(known.begin(), known.end(), key.str()) != known.end())
        continue;
      Error problem(where(key.source()), fmt::format("unknown key '{}'{}", key.str(), context));
      if (!m_sink)
        throw problem;
      m_sink->add(problem);
    }
  }

  const toml::node& require(const toml::table& table, std::string_view key,
                            std::string_view context) const {
    const toml::node* node = table.get(key);
    if (!node) {
      SourceLocation at = where(table.source());
      if (at.line == 0)
        at = {m_name, 0, 0};
      throw Error(at, fmt::format("missing key '{}'{}", key, context));
    }
    return *node;
  }

  std::string string(const toml::table& table, std::string_view key,
                     std::string_view context = {}) const {
    const toml::node& node = require(table, key, context);
    const auto* value = node.as_string();
    if (!value)
      throw Error(where(node.source()), fmt::format("'{}' must be a string", key));
    return value->get();
  }

  long long integer(const toml::table& table, std::string_view key,
                    std::string_view context = {}) const {
    const toml::node& node = require(table, key, context);
    const auto* value = node.as_integer();
    if (!value)
      throw Error(where(node.source()), fmt::format("'{}' must be a whole number", key));
    return static_cast<long long>(value->get());
  }

  Date date(const toml::table& table, std::string_view key, std::string_view context = {}) const {
    const toml::node& node = require(table, key, context);
    const auto* value = node.as_date();
    if (!value)
      throw Error(where(node.source()),
                  fmt::format("'{}' must be a date written YYYY-MM-DD, without quotes", key));
    const toml::date& d = value->get();
    const auto date = Date::from_ymd(d.year, d.month, d.day);
    if (!date)
      throw Error(where(node.source()), fmt::format("'{}' is not a valid date", key));
    return *date;
  }

  const toml::table& table_at(const toml::table& table, std::string_view key) const {
    const toml::node& node = require(table, key, {});
    const auto* value = node.as_table();
    if (!value)
      throw Error(where(node.source()), fmt::format("'{}' must be a table ([{}])", key, key));
    return *value;
  }

private:
  std::string m_name;
  Diagnostics* m_sink;
};

inline toml::table parse_toml(std::string_view text, const std::string& display_name) {
  try {
    return toml::parse(text, display_name);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    throw Error({display_name, static_cast<int>(begin.line), static_cast<int>(begin.column)},
                std::string(e.description()));
  }
}

// `format = N` must exist, come first, and name a version this program reads.
inline void check_format(const TomlFile& file, const toml::table& root) {
  const toml::key* first = nullptr;
  const toml::key* format = nullptr;
  for (const auto& [key, node] : root) {
    const auto& at = key.source().begin;
    if (!first || at < first->source().begin)
      first = &key;
    if (key.str() == "format")
      format = &key;
  }
  if (!format)
    throw Error({file.name(), 1, 1},
                fmt::format("missing 'format = {}' (the schedule format version) at the top",
                            k_current_format));
  const SourceLocation at = file.where(format->source());
  const long long version = file.integer(root, "format");
  check_format_version(version, at);
  if (first != format)
    throw Error(at, "'format' must be the first key of the file");
}

} // namespace dutycalc::schedule
