#include <dutycalc/check/checks.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace dutycalc::check {

void check_unread_files(const std::filesystem::path& directory, const schedule::Schedule& schedule,
                        schedule::Diagnostics& sink) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<std::string> names;
  for (const fs::directory_entry& entry : fs::directory_iterator(directory, ec)) {
    if (!entry.is_regular_file(ec) || entry.path().extension() != ".toml") continue;
    const std::string name = entry.path().filename().string();
    if (name == "schedule.toml") continue;
    const auto& listed = schedule.rule_files;
    if (std::find(listed.begin(), listed.end(), name) == listed.end()) names.push_back(name);
  }
  std::sort(names.begin(), names.end()); // directory order differs between file systems
  for (const std::string& name : names)
    sink.warning({(directory / name).string(), 0, 0},
                 "not listed under 'rules' in schedule.toml: dutycalc never reads this file");
}

} // namespace dutycalc::check
