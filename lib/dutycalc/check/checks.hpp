// The checks that need the whole schedule, run by check_schedule() once the loaders (in their
// collecting mode) have reported what is wrong inside each file. Each reports to `sink`.
#pragma once

#include <dutycalc/schedule/diagnostics.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <filesystem>

namespace dutycalc::check {

// Rules of one kind that apply together where the schedule means one of them, each pair once, as
// an error at the rule defined later with an example (code, origin, date) where both apply.
// Measures overlap when they have the same `kind`, reach a common code, origin (and melt country)
// on a common date where no exemption removes either, and neither `replaces` the other. Quotas
// overlap when a line could draw on both; taxes when they share a destination and a date; de
// minimis rules when they share an origin and a date; fees when two versions of one fee (the
// same id, or the same title up to a comma or parenthesis: "Merchandise processing fee, informal
// entry (FY2024)") share a date, a transport mode and an entry value. (overlaps.cpp)
void check_overlaps(const schedule::Schedule& schedule, schedule::Diagnostics& sink);

// Ids the loader does not already hold unique: notices, taxes and de minimis rules (an error at
// the second). Fees may repeat an id: that is how a fee's dated versions are written.
// (duplicate_ids.cpp)
void check_duplicate_ids(const schedule::Schedule& schedule, schedule::Diagnostics& sink);

// A programme whose id no line's special column lists is never granted: a warning at it.
// (programmes.cpp)
void check_programmes(const schedule::Schedule& schedule, schedule::Diagnostics& sink);

// A .toml file in the schedule's directory that schedule.toml does not list under `rules` is
// never read: a warning, since it is usually a rule file someone forgot to list.
// (unread_files.cpp)
void check_unread_files(const std::filesystem::path& directory, const schedule::Schedule& schedule,
                        schedule::Diagnostics& sink);

} // namespace dutycalc::check
