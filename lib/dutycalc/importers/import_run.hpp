// `dutycalc import` in the library: every importer, and what is done with the rows it reads (the
// lines table to stdout or a file, or into a schedule directory with a starter schedule.toml).
#pragma once

#include <iosfwd>
#include <string>

namespace dutycalc::importers {

// The formats `dutycalc import` reads.
enum class ImportFormat { hts_csv, hts_json, eu_cn };

struct ImportOptions {
  ImportFormat format = ImportFormat::hts_csv;
  std::string input;      // a file, or "-" for standard input
  std::string output;     // the lines table: a file, or "-" (or empty) for standard output
  std::string output_dir; // instead: a schedule directory (table plus starter schedule.toml)
  std::string edition_id; // default: the input's file name without extension
  std::string effective;  // YYYY-MM-DD; needed for a starter schedule.toml
  std::string source;     // citation of the data; default: the format and file name
};

// Reads `options.input` (`standard_input` for "-") in its format and writes the lines table to
// `options.output`; or, with `options.output_dir`, writes DIR/<edition id as a file name>.csv and,
// when DIR has no schedule.toml, a starter one (an existing one is left alone and the [[edition]]
// table to add is given in `notes`). What was written is said in `notes`, one line each.
// Throws Error (and BrokenPipe when standard output closes early).
void run_import(const ImportOptions& options, std::istream& standard_input, std::ostream& notes);

} // namespace dutycalc::importers
