// libFuzzer entry point for the manifest reader: CSV scanning, header matching and line reading.
// The first input byte picks the delimiter and read block size; the rest is the manifest. Besides
// "no crash", it checks that the records do not depend on how reads split the input.
#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/manifest/manifest_line.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {
using namespace dutycalc::manifest;

struct Flat {
  std::vector<std::string> fields;
  std::vector<int> columns, lines;
  int line, end_line, end_column, problem_line, problem_column;
  std::string problem;
  bool operator==(const Flat&) const = default;
};

std::vector<Flat> read(const std::string& text, char delimiter, std::size_t block) {
  std::istringstream in(text);
  CsvReader reader(in, "fuzz.csv", delimiter);
  reader.set_block_size(block);
  std::vector<Flat> out;
  CsvRecord record;
  std::optional<ColumnMap> columns;
  ManifestLine line;
  while (reader.next(record)) {
    out.push_back({{record.fields.begin(), record.fields.end()}, record.columns, record.lines,
                   record.line, record.end_line, record.end_column, record.problem_line,
                   record.problem_column, record.problem});
    if (record.fields.size() != record.columns.size() || record.line < 1) std::abort();
    if (!columns) {
      try {
        columns = ColumnMap::from_header(record, "fuzz.csv");
      } catch (const dutycalc::Error&) {
        columns = ColumnMap();
      }
      continue;
    }
    read_line(record, *columns, line);
    if (line.problem && (line.problem->line < 1 || line.problem->message.empty())) std::abort();
  }
  return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char delimiters[] = {',', ';', '\t', '|'};
  const char delimiter = delimiters[data[0] % 4];
  const std::size_t block = std::size_t{1} + (data[0] >> 2) % 8;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (read(text, delimiter, block) != read(text, delimiter, 65536)) std::abort();
  return 0;
}
