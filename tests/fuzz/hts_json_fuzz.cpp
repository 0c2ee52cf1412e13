// libFuzzer entry point for the USITC HTS JSON importer (and so the JSON reader under it). An
// export either imports or fails with dutycalc::Error; what imports is written as a lines table
// and must load back (an importer that writes a table the loader refuses would break `dutycalc
// import` followed by `price`).
#include <dutycalc/error.hpp>
#include <dutycalc/importers/hts_json.hpp>
#include <dutycalc/schedule/lines_table.hpp>
#include <dutycalc/schedule/nomenclature.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace dutycalc;
  // A copy of exactly `size` bytes, so that any read past the end is one ASan sees.
  const std::vector<char> bytes(data, data + size);
  std::vector<schedule::LineRow> rows;
  try {
    rows = importers::read_hts_json(std::string_view(bytes.data(), bytes.size()), "fuzz.json");
  } catch (const Error& e) {
    if (e.message().empty()) std::abort();
    return 0;
  }
  std::string table;
  schedule::write_lines_table(table, rows);
  schedule::Nomenclature nomenclature;
  try {
    schedule::parse_lines_table(table, "written.csv", nomenclature);
  } catch (const Error& e) {
    std::fprintf(stderr, "imported rows do not load back: %s\n", e.what());
    std::abort();
  }
  return 0;
}
