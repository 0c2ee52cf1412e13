// Reads a schedule directory (schedule.toml and the files it names) into a Schedule, and finds
// bundled schedules by name.
#pragma once

#include <dutycalc/schedule/schedule.hpp>

#include <filesystem>
#include <string>
#include <string_view>

namespace dutycalc::schedule {

// Loads the schedule in `directory`. Throws Error with file, line and column on any problem,
// including a format version older than k_oldest_format or newer than k_current_format (with
// different messages). With a sink, records every problem instead and returns what could be
// read: a bad setting, [[edition]], rule file, [[table]] entry or lines-table row is skipped
// (see parse_rules_file and parse_lines_table for what else is reported then).
Schedule load_schedule(const std::filesystem::path& directory, Diagnostics* sink = nullptr);

// Parses an edition's lines table (CSV text) into `out`; `display_name` is for messages.
// Separate from file IO so tests and fuzzers feed text. Throws Error at the first problem; with
// a sink, records each one, skips the row and goes on, and also reports rate texts that look
// mistyped (unreadable_rate.hpp), which pricing would take for legal prose.
void parse_lines_table(std::string_view text, const std::string& display_name, Nomenclature& out,
                       Diagnostics* sink = nullptr);

// Resolves `--schedule NAME|DIR`: an existing directory is used as is; a bare name is looked up
// in $DUTYCALC_SCHEDULE_PATH, beside the executable's install prefix (share/dutycalc/schedules)
// and in the source tree it was built from. Throws Error listing where it looked.
std::filesystem::path find_schedule(std::string_view name_or_dir,
                                    const std::filesystem::path& executable);

} // namespace dutycalc::schedule
