// Every dated rule of a schedule (measures, exemptions, quotas, programmes, notices, fees, taxes,
// de minimis thresholds, group memberships) seen the same way: what it is, what it does, when,
// on whose authority and where it is written. `dutycalc diff` compares and prints these.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::diff {

// One property of a rule, for people: "rate" "+25%"; "products" ["7601", "7604", ...].
struct RuleField {
  std::string name;
  std::vector<std::string> items;       // one for a plain value; list fields may hold many or none
  bool list = false;                    // a list (products, modes...): JSON writes an array
  std::string_view if_empty = "(none)"; // what an empty list means, for people ("all" modes)
  // The items joined with ", " (`if_empty` for an empty list).
  std::string text() const;
};

struct RuleView {
  std::string_view table; // "measure", "exemption", "quota", "de_minimis"...: the file's [[table]];
                          // "membership" for a [[group]]'s members
  int table_order = 0;    // position of `table` in the order diff lists tables
  std::string id;         // the rule's id; a membership's "EU member GB"
  std::string title;      // title, name, reason or message: what people call it
  std::string_view title_name; // which of those it is ("title", "reason"...); empty: none
  std::vector<RuleField> fields;
  DateRange window;
  bool open_start = false; // in force since before the schedule's records begin
  std::string source;
  std::string unconfirmed;
  SourceLocation where; // file, line, column; a membership's is not recorded (empty file)
  // Rules with the same key are the same thing in two versions when one follows the other:
  // measures by kind and chapter 99 heading (their id when they have none), programmes by symbol,
  // exemptions by who is exempt (origins, products, melt countries), notices by products, quotas
  // by products and origins, fees by transport modes and entry-value band, taxes by destinations
  // and base, de minimis thresholds all alike, memberships by group and country.
  std::string key;
};

// The rules of `schedule`, table by table in this order: measures, exemptions, quotas,
// programmes, notices, fees, taxes, de minimis, memberships; each table in file order.
std::vector<RuleView> rule_views(const schedule::Schedule& schedule);

// For people: "from 2018-03-23 to 2025-03-12" (`to` is the first day it no longer applies),
// "from 2025-03-12"; for windows open at the start "to 2021-01-01" and "always".
std::string describe_window(const DateRange& window, bool open_start);

} // namespace dutycalc::diff
