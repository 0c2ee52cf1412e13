// What pricing one manifest line produced: the columns of SPEC §4 and the rules applied.
#pragma once

#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/money/money.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::quota {
struct Quota;
}

namespace dutycalc::pricing {

enum class LineStatus { ok, error };

// One rule that contributed to a line's duty, with where it comes from (JSON Lines shows these).
struct AppliedRule {
  std::string_view measure; // "general", later "programme", "section-232"...
  std::string rate;         // the rate text applied
  std::string source;       // legal or data source
  Decimal amount;           // what it added to the line's duty (rounded)
};

struct LineResult {
  LineStatus status = LineStatus::ok;
  std::string_view schedule_version; // the edition (and later the latest rule) in force
  std::string rate;                  // the applied duty text, e.g. "1.5¢/kg"
  Money base_duty;
  Money additional_duty;
  std::string quota;
  Money fees;
  Money taxes;
  Money landed_cost;
  // The line's value, freight and insurance in the schedule's currency (converted when the line
  // is in another), and the customs value duties were computed on.
  Money value;
  Money freight;
  Money insurance;
  Money customs_value;
  std::string message;               // why the line failed, or warnings ("; "-separated)
  std::vector<AppliedRule> rules;
  // Priced with no quota draw: the quota the line would draw on (its code, origin and melt
  // country on its date), or null. A first pass learns the lines' claims from it.
  const quota::Quota* claim = nullptr;
  // The manifest column a failure is about (hs_code for an unknown code...), to place the
  // message; count_ when the whole line is meant.
  manifest::Column problem_column = manifest::Column::count_;
  // False: only the status and the amounts are wanted (a first pass that learns which lines can
  // be priced and their values); the rules, the rate text and warnings are then not built.
  // Kept by clear().
  bool detail = true;
  // False: the rules applied are not wanted (a CSV report does not show them), so their texts
  // and sources are not built. Only meaningful with `detail`. Kept by clear().
  bool with_rules = true;
  bool wants_rules() const { return detail && with_rules; }

  // Resets for reuse without giving back the strings' memory (the hot path reuses one result).
  void clear();
  // Adds a warning to `message`.
  void warn(std::string_view text);
  // Marks the line failed with `text` as the reason; amounts are not shown for failed lines.
  void fail(std::string_view text);
};

} // namespace dutycalc::pricing
