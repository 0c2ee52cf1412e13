// libFuzzer entry point for the lines table of a nomenclature edition (format line, header, CSV
// rows, rate texts). A table either loads or fails with dutycalc::Error; what loads must answer
// lookups of every code in it, and of their parents, without crashing. Read again as `dutycalc
// check` reads it (with a sink), it must not throw, and must report the first error among its own.
#include <dutycalc/error.hpp>
#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/nomenclature.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dutycalc;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  schedule::Nomenclature collected;
  schedule::Diagnostics sink;
  schedule::parse_lines_table(text, "fuzz.csv", collected, &sink); // must not throw
  for (const schedule::Diagnostic& d : sink.all())
    if (d.message.empty() || d.where.file != "fuzz.csv" || d.where.line < 0) std::abort();
  schedule::Nomenclature nomenclature;
  try {
    schedule::parse_lines_table(text, "fuzz.csv", nomenclature);
  } catch (const Error& e) {
    if (e.message().empty()) std::abort();
    if (std::none_of(sink.all().begin(), sink.all().end(), [&](const schedule::Diagnostic& d) {
          return d.message == e.message() && d.where.line == e.where().line &&
                 d.where.column == e.where().column;
        }))
      std::abort();
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
