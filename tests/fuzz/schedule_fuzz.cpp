// libFuzzer entry point for the schedule loader (schedule.toml and the lines tables it names).
// load_schedule() reads a directory, so the input is written into a private temporary one: the
// input is split at lines "=====" into schedule.toml, a.csv and b.csv (the seeds name those
// files in their [[edition]] tables). A schedule either loads or fails with dutycalc::Error; loaded
// again as `dutycalc check` loads it (with a sink), it must not throw.
#include <dutycalc/error.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace {
namespace fs = std::filesystem;

constexpr std::string_view k_separator = "\n=====\n";
constexpr const char* k_files[] = {"schedule.toml", "a.csv", "b.csv"};

// One directory per process, removed at exit; files are rewritten for each input.
struct ScratchDirectory {
  fs::path path;
  ScratchDirectory() {
    path = fs::temp_directory_path() / ("dutycalc-schedule-fuzz-" + std::to_string(getpid()));
    fs::create_directories(path);
  }
  ~ScratchDirectory() {
    std::error_code ignored;
    fs::remove_all(path, ignored);
  }
};

const fs::path& scratch() {
  static const ScratchDirectory k_directory;
  return k_directory.path;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dutycalc;
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  for (const char* name : k_files) {
    const fs::path file = scratch() / name;
    if (rest.data() == nullptr) {
      std::error_code ignored;
      fs::remove(file, ignored); // fewer parts: the file is missing
      continue;
    }
    const std::size_t end = rest.find(k_separator);
    std::ofstream(file, std::ios::binary | std::ios::trunc)
        << rest.substr(0, end == std::string_view::npos ? rest.size() : end);
    rest = end == std::string_view::npos ? std::string_view()
                                         : rest.substr(end + k_separator.size());
  }
  schedule::Diagnostics sink;
  schedule::load_schedule(scratch(), &sink); // must not throw
  for (const schedule::Diagnostic& d : sink.all())
    if (d.message.empty()) std::abort();
  try {
    const schedule::Schedule loaded = schedule::load_schedule(scratch());
    if (loaded.editions.empty()) std::abort(); // a schedule has at least one edition
  } catch (const Error& e) {
    if (e.message().empty()) std::abort();
  }
  return 0;
}
