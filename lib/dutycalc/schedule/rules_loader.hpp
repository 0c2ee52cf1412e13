// Reads rule files (country groups, preference programmes, additional-duty measures and their
// exemptions) into a Schedule. See schedules/README.md for the format.
#pragma once

#include <dutycalc/schedule/schedule.hpp>

#include <string>
#include <string_view>

namespace dutycalc::schedule {

// Parses one rule file's TOML text (`display_name` for messages) into `schedule`. Rules may refer
// to groups and measures defined earlier in the same or a previous file. Throws Error with file,
// line and column on any problem: unknown keys, a missing source, a window that ends before it
// starts, an unknown group or measure, an unreadable rate, measures that replace each other.
// With a sink, records every problem instead, skipping the [[table]] entry it is in (or the
// whole file, when it cannot be read as TOML), and checks references the way `dutycalc check`
// wants: headings against the editions, product codes no edition has, codes listed twice, a
// country twice in a group at once (see rules_parser.hpp).
void parse_rules_file(std::string_view text, const std::string& display_name, Schedule& schedule,
                      Diagnostics* sink = nullptr);

} // namespace dutycalc::schedule
