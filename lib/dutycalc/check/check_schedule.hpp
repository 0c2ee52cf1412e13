// `dutycalc check`: every problem of a schedule directory, from syntax errors to rules that
// contradict each other, each at its file, line and column.
#pragma once

#include <dutycalc/schedule/diagnostics.hpp>

#include <filesystem>
#include <vector>

namespace dutycalc::check {

// Loads the schedule in `directory` collecting every problem (load_schedule with a sink), then
// runs the checks that need the whole schedule (checks.hpp). Sorted by file, line and column.
// File names are `directory` joined with the file's name, as given.
std::vector<schedule::Diagnostic> check_schedule(const std::filesystem::path& directory);

} // namespace dutycalc::check
