// libFuzzer entry point for pricing a whole manifest: price_manifests() on the input written to a
// file (so the two passes run: quota draws in entry date order, entry fees shared among lines,
// de minimis) against the bundled US schedule, writing CSV. The first input byte picks the
// entry date of lines without one (bits 0-1), whether the file is priced twice as two manifests
// (bit 2) and --strict (bit 3); the rest is the manifest.
//
// Besides "no crash, no sanitizer report", it checks what `price --threads` promises: the run on
// two threads writes the same bytes, the same diagnostics and the same totals as the run on one
// (or fails with the same error), and the output has one record per record read (per record up
// to the one --strict stopped at), each with the header's shape, as many of them with status
// `error` as the totals count failed.
#include <dutycalc/date.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/pricing/engine.hpp>
#include <dutycalc/pricing/price_manifest.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/report_writer.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <unistd.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace {
using namespace dutycalc;
namespace fs = std::filesystem;

// One directory per process, removed at exit: the manifest and the two outputs.
struct ScratchDirectory {
  fs::path path;
  ScratchDirectory() {
    path = fs::temp_directory_path() / ("dutycalc-price-fuzz-" + std::to_string(getpid()));
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

// The bundled US schedule, loaded once, and one engine per default entry date: before the
// oldest edition (a warning), under the 2018 Section 232 duties, in the quota years, and after
// the 2025-03-12 changes.
const schedule::Schedule& us_schedule() {
  static const schedule::Schedule k_schedule =
      schedule::load_schedule(schedule::find_schedule("us", "/proc/self/exe"));
  return k_schedule;
}

const pricing::Engine& engine(unsigned which) {
  static const std::array<const char*, 4> k_dates = {"2024-06-03", "2018-06-01", "2022-05-02",
                                                     "2025-03-12"};
  static const std::array<std::unique_ptr<pricing::Engine>, 4> k_engines = [] {
    std::array<std::unique_ptr<pricing::Engine>, 4> engines;
    for (std::size_t i = 0; i < engines.size(); ++i)
      engines[i] = std::make_unique<pricing::Engine>(
          us_schedule(), pricing::EngineOptions{*Date::parse(k_dates[i]), nullptr, std::nullopt});
    return engines;
  }();
  return *k_engines[which % k_engines.size()];
}

std::string read_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct Run {
  std::string output, diagnostics, error;
  pricing::PriceTotals totals;
};

Run price(const pricing::Engine& engine, const std::vector<pricing::ManifestSource>& sources,
          bool strict, unsigned threads) {
  Run run;
  const fs::path output_path = scratch() / ("out-" + std::to_string(threads) + ".csv");
  {
    Output output(output_path.string());
    const auto writer = report::make_report_writer(OutputFormat::csv, output);
    const auto ledger = quota::open_memory_ledger();
    pricing::PriceManifestOptions options;
    options.strict = strict;
    options.threads = threads;
    std::ostringstream diagnostics;
    try {
      pricing::price_manifests(engine, sources, *ledger, *writer, options, diagnostics, run.totals);
      writer->finish();
    } catch (const Error& e) {
      if (e.message().empty()) std::abort();
      run.error = e.what();
    }
    run.diagnostics = diagnostics.str();
  }
  run.output = read_bytes(output_path);
  return run;
}

// The records of CSV text (as dutycalc's reader splits them), by their field counts.
std::vector<std::size_t> record_shapes(const std::string& text) {
  std::istringstream in(text);
  manifest::CsvReader reader(in, "fuzz.csv");
  manifest::CsvRecord record;
  std::vector<std::size_t> shapes;
  while (reader.next(record)) shapes.push_back(record.fields.size());
  return shapes;
}

std::size_t count_errors(const std::string& output, std::size_t status_column) {
  std::istringstream in(output);
  manifest::CsvReader reader(in, "out.csv");
  manifest::CsvRecord record;
  std::size_t errors = 0;
  reader.next(record); // the header
  while (reader.next(record))
    if (record.fields[status_column] == "error") ++errors;
  return errors;
}

void fail(const char* what) {
  std::fprintf(stderr, "price_fuzz: %s\n", what);
  std::abort();
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned mode = data[0];
  const std::string manifest(reinterpret_cast<const char*>(data + 1), size - 1);
  const fs::path manifest_path = scratch() / "manifest.csv";
  std::ofstream(manifest_path, std::ios::binary | std::ios::trunc) << manifest;

  const unsigned copies = (mode & 4) ? 2 : 1;
  const bool strict = (mode & 8) != 0;
  std::vector<pricing::ManifestSource> sources;
  for (unsigned i = 0; i < copies; ++i)
    sources.push_back({manifest_path.string(), i == 0 ? "fuzz.csv" : "again.csv"});

  const pricing::Engine& chosen = engine(mode & 3);
  const Run one = price(chosen, sources, strict, 1);
  const Run two = price(chosen, sources, strict, 2);
  if (one.error != two.error) fail("one thread and two threads fail differently");
  if (one.diagnostics != two.diagnostics) fail("diagnostics differ between one and two threads");
  if (one.output != two.output) fail("output differs between one and two threads");
  if (one.totals.lines != two.totals.lines || one.totals.failed != two.totals.failed ||
      one.totals.stopped != two.totals.stopped)
    fail("totals differ between one and two threads");
  if (!one.error.empty()) return 0;

  // One output record per input record read: all of them, or up to the one --strict stopped at
  // (which is counted but not written).
  const std::vector<std::size_t> input = record_shapes(manifest);
  const std::vector<std::size_t> output = record_shapes(one.output);
  if (input.empty() || output.empty()) fail("a manifest priced without a header");
  const std::size_t records = (input.size() - 1) * copies;
  const pricing::PriceTotals& totals = one.totals;
  if (totals.stopped ? totals.lines > records || totals.lines == 0 : totals.lines != records)
    fail("lines priced differ from records read");
  if (output.size() - 1 != totals.lines - (totals.stopped ? 1 : 0))
    fail("output records differ from lines priced");
  const std::size_t width = input[0] + report::k_result_columns.size();
  for (const std::size_t fields : output)
    if (fields != width) fail("an output record without the header's shape");
  const std::size_t status_column = width - 2;
  if (count_errors(one.output, status_column) != totals.failed - (totals.stopped ? 1 : 0))
    fail("records with status error differ from lines failed");
  return 0;
}
