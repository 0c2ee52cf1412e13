#include <dutycalc/check/check_schedule.hpp>

#include <dutycalc/check/checks.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

namespace dutycalc::check {

std::vector<schedule::Diagnostic> check_schedule(const std::filesystem::path& directory) {
  schedule::Diagnostics sink;
  const schedule::Schedule loaded = schedule::load_schedule(directory, &sink);
  check_overlaps(loaded, sink);
  check_duplicate_ids(loaded, sink);
  check_programmes(loaded, sink);
  // When schedule.toml itself could not be read, which files it lists is unknown.
  if (!loaded.editions.empty() || !loaded.rule_files.empty())
    check_unread_files(directory, loaded, sink);
  sink.sort();
  return sink.all();
}

} // namespace dutycalc::check
