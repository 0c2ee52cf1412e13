#include <dutycalc/schedule/rules_prefetch.hpp>

#include <dutycalc/util/file.hpp>

namespace dutycalc::schedule {

namespace {

void load(RulesPrefetch::File& file) {
  std::string text;
  try {
    text = read_file(file.path);
  } catch (...) {
    file.read_error = std::current_exception();
    return;
  }
  file.parsed = parse_rules_toml(text, file.path.string());
}

} // namespace

RulesPrefetch::RulesPrefetch(const toml::table& root, const std::filesystem::path& directory) {
  const toml::array* names = root.get_as<toml::array>("rules");
  if (!names)
    return;
  for (const toml::node& element : *names) {
    const auto* name = element.as_string();
    if (!name)
      continue;
    std::filesystem::path path = directory / name->get();
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec))
      m_files.push_back({std::move(path), {}, {}});
  }
  if (m_files.empty())
    return;
  m_thread = std::jthread([this](const std::stop_token& stop) {
    for (File& file : m_files) {
      if (stop.stop_requested())
        return; // the loader gave up: what is left is never taken
      try {
        load(file);
      } catch (...) {
        file.read_error = std::current_exception(); // out of memory: the loader rethrows it
      }
    }
  });
}

RulesPrefetch::~RulesPrefetch() {
  m_thread.request_stop();
}

RulesPrefetch::File* RulesPrefetch::take(const std::filesystem::path& path) {
  if (m_thread.joinable())
    m_thread.join();
  for (File& file : m_files) {
    if (file.taken || file.path != path)
      continue;
    file.taken = true;
    return &file;
  }
  return nullptr;
}

} // namespace dutycalc::schedule
