// The one check every versioned schedule file goes through before anything else in it is read.
#pragma once

#include <dutycalc/error.hpp>

namespace dutycalc::schedule {

// Throws Error at `where` when `version` is older than k_oldest_format or newer than
// k_current_format, with different messages (the fix differs: convert the file or upgrade dutycalc).
void check_format_version(long long version, const SourceLocation& where);

} // namespace dutycalc::schedule
