// Printing a diff: a text report for people (the `table` format, the default: it is what a
// reviewer reads on a pull request), JSON Lines for machines, and CSV of the main result.
#pragma once

#include <dutycalc/diff/price_diff.hpp>
#include <dutycalc/diff/schedule_diff.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/output_format.hpp>

#include <string>

namespace dutycalc::diff {

// The report: the schedule versions on both dates, the tariff line changes, each rule entry with
// what it does, its window, numbered source and place, then (with a manifest) each line's landed
// cost at both dates with the change and totals, and what differs for each line that changed.
std::string diff_text(const ScheduleDiff& diff, const ManifestComparison* manifest);

// One JSON object per line: a "diff" record (schedule, dates, versions), a "rule" record per rule
// entry, an "edition" record and a "tariff_line" record per line change when the editions
// differ, then with a manifest a "manifest_line" record per line and a "manifest_total".
// Amounts are strings (exact decimals); what is absent is null.
std::string diff_jsonl(const ScheduleDiff& diff, const ManifestComparison* manifest);

// With a manifest: one record per manifest line (its line, hs_code, origin and value, then each
// result column at both dates, `_from` and `_to`, and the change). Without: one record per rule
// or tariff line entry (change, date, table, the rule as it is and, for a change, as it was).
std::string diff_csv(const ScheduleDiff& diff, const ManifestComparison* manifest);

// Writes the diff in `format`.
void write_diff(const ScheduleDiff& diff, const ManifestComparison* manifest, OutputFormat format,
                Output& out);

} // namespace dutycalc::diff
