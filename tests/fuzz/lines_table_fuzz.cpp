// libFuzzer entry point for the lines table of a nomenclature edition (format line, header, CSV
// rows, rate texts). A table either loads or fails with dutycalc::Error; what loads must answer
// lookups of every code in it, and of their parents, without crashing.
#include <dutycalc/error.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/nomenclature.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dutycalc;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  schedule::Nomenclature nomenclature;
  try {
    schedule::parse_lines_table(text, "fuzz.csv", nomenclature);
  } catch (const Error& e) {
    if (e.message().empty()) std::abort();
    return 0;
  }
  for (const schedule::TariffLine& line : nomenclature.lines()) {
    if (line.code.length() == 0) continue; // heading text
    if (nomenclature.find(line.code) == nullptr) std::abort();
    for (int digits = line.code.length(); digits >= 4; digits -= 2) {
      const auto resolution = nomenclature.resolve(line.code.prefix(digits));
      if (resolution.rated && !resolution.line) std::abort();
      if (!resolution.rated && resolution.problem.empty()) std::abort();
    }
  }
  return 0;
}
