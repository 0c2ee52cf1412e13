// The floor that `dutycalc price` is measured against: read a manifest with the same streaming CSV
// reader dutycalc uses and split every record into fields, nothing else (no column mapping, no
// parsing of values, no output per record). Prints the record and field counts so the work cannot
// be optimised away and a run can be checked.
//
//   dutycalc_parse_only MANIFEST...     ('-' reads standard input)
#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>

#include <fmt/format.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

namespace {

struct Counts {
  long long records = 0;
  long long fields = 0;
  long long problems = 0; // records with a CSV syntax problem
};

void count_records(std::istream& input, const std::string& display_name, Counts& counts) {
  dutycalc::manifest::CsvReader reader(input, display_name);
  dutycalc::manifest::CsvRecord record;
  while (reader.next(record)) {
    ++counts.records;
    counts.fields += static_cast<long long>(record.fields.size());
    if (!record.problem.empty()) ++counts.problems;
  }
}

} // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fputs("usage: dutycalc_parse_only MANIFEST... ('-' for standard input)\n", stderr);
    return 2;
  }
  Counts counts;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string path = argv[i];
      if (path == "-") {
        count_records(std::cin, "<stdin>", counts);
        continue;
      }
      // Opened as dutycalc opens a manifest: binary, the reader does its own line ends.
      std::ifstream file(path, std::ios::binary);
      if (!file) throw dutycalc::Error(dutycalc::SourceLocation{path, 0, 0}, "cannot open");
      count_records(file, path, counts);
    }
  } catch (const dutycalc::Error& e) {
    fmt::print(stderr, "dutycalc_parse_only: error: {}: {}\n", dutycalc::to_string(e.where()),
               e.message());
    return 2;
  }
  fmt::print("records {} fields {} problems {}\n", counts.records, counts.fields, counts.problems);
  return 0;
}
