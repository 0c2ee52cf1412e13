// Where `--schedule NAME` is found: the user's path, beside an installed binary, the source tree.
#include <dutycalc/schedule/schedule_loader.hpp>

#include <dutycalc/error.hpp>

#include <fmt/format.h>

#include <cstdlib>
#include <vector>

#ifndef DUTYCALC_INSTALLED_SCHEDULES_RELATIVE
#define DUTYCALC_INSTALLED_SCHEDULES_RELATIVE "../share/dutycalc/schedules"
#endif
#ifndef DUTYCALC_SOURCE_SCHEDULES
#define DUTYCALC_SOURCE_SCHEDULES ""
#endif

namespace dutycalc::schedule {

namespace {

namespace fs = std::filesystem;

bool is_bare_name(std::string_view text) {
  if (text.empty() || text == "." || text == "..") return false;
  return text.find('/') == std::string_view::npos;
}

// The executable's real path: argv[0] when it names a file, else what the kernel says.
fs::path resolve_executable(const fs::path& executable) {
  std::error_code ec;
  if (executable.string().find('/') == std::string::npos) {
    fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) return self;
    return {};
  }
  fs::path canonical = fs::weakly_canonical(executable, ec);
  return ec ? executable : canonical;
}

std::vector<fs::path> search_roots(const fs::path& executable) {
  std::vector<fs::path> roots;
  if (const char* env = std::getenv("DUTYCALC_SCHEDULE_PATH")) {
    std::string_view rest = env;
    while (!rest.empty()) {
      const std::size_t colon = rest.find(':');
      const std::string_view dir = rest.substr(0, colon);
      if (!dir.empty()) roots.emplace_back(dir);
      if (colon == std::string_view::npos) break;
      rest.remove_prefix(colon + 1);
    }
  }
  const fs::path exe = resolve_executable(executable);
  if (!exe.empty())
    roots.push_back((exe.parent_path() / DUTYCALC_INSTALLED_SCHEDULES_RELATIVE).lexically_normal());
  if (std::string_view(DUTYCALC_SOURCE_SCHEDULES).size() > 0)
    roots.emplace_back(DUTYCALC_SOURCE_SCHEDULES);
  return roots;
}

} // namespace

fs::path find_schedule(std::string_view name_or_dir, const fs::path& executable) {
  std::error_code ec;
  const fs::path given(name_or_dir);
  if (!is_bare_name(name_or_dir) || fs::is_directory(given, ec)) {
    if (!fs::is_directory(given, ec))
      throw Error(fmt::format("schedule directory '{}' does not exist", name_or_dir));
    return given;
  }
  std::vector<std::string> looked;
  for (const fs::path& root : search_roots(executable)) {
    const fs::path candidate = root / given;
    if (fs::is_regular_file(candidate / "schedule.toml", ec)) return candidate;
    looked.push_back(candidate.string());
  }
  throw Error(fmt::format("unknown schedule '{}' (looked in: {})", name_or_dir,
                          fmt::join(looked, ", ")));
}

} // namespace dutycalc::schedule
