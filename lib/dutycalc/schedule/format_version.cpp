#include <dutycalc/schedule/format_version.hpp>

#include <dutycalc/schedule/schedule.hpp>

#include <fmt/format.h>

namespace dutycalc::schedule {

void check_format_version(long long version, const SourceLocation& where) {
  if (version > k_current_format)
    throw Error(where, fmt::format("format version {} is newer than this dutycalc reads ({}); "
                                   "upgrade dutycalc",
                                   version, k_current_format));
  if (version < k_oldest_format)
    throw Error(where, fmt::format("format version {} is older than this dutycalc reads (oldest: "
                                   "{}); convert the file to format {}",
                                   version, k_oldest_format, k_current_format));
}

} // namespace dutycalc::schedule
