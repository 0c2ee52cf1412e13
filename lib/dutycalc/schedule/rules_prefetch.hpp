// The rule files schedule.toml lists, read and parsed as TOML on a second thread while the lines
// tables load on the first, when a diagnostics sink (`dutycalc check`) keeps the rules themselves
// on the loading thread. Private to the loader (it speaks toml++).
#pragma once

#include <dutycalc/schedule/rules_parser.hpp>

#include <exception>
#include <filesystem>
#include <optional>
#include <thread>
#include <vector>

namespace dutycalc::schedule {

// Only reading and the TOML parse run on the second thread, which touches nothing else: the rules
// are still made in file order on the loading thread, so the schedule and every problem reported
// (with a diagnostics sink: in the same order) are those of loading without it.
class RulesPrefetch {
public:
  // Starts reading and parsing each string of `root`'s `rules` array that names a regular file
  // in `directory`; anything else is left for the loader to report.
  RulesPrefetch(const toml::table& root, const std::filesystem::path& directory);
  // Stops the thread after the file it is parsing and waits for it: a loader that throws
  // half-way leaves nothing running.
  ~RulesPrefetch();
  RulesPrefetch(const RulesPrefetch&) = delete;
  RulesPrefetch& operator=(const RulesPrefetch&) = delete;

  struct File {
    std::filesystem::path path;
    std::exception_ptr read_error;         // what read_file threw; then `parsed` is empty
    std::optional<ParsedRulesFile> parsed; // when read
    bool taken = false;
  };
  // The first file for `path` not taken yet, once the thread is done; null when none was
  // prefetched (the loader then reads it itself).
  File* take(const std::filesystem::path& path);

private:
  std::vector<File> m_files;
  std::jthread m_thread; // last: joined before m_files goes
};

} // namespace dutycalc::schedule
