// Streams manifests through the engine into a report: read a record, price it, write it. When
// the schedule has quotas or entry-level charges, a first pass prices every line up to its duties
// and keeps it with its record (see ResultSpool), and finds the lines that draw on quotas so that draws
// happen in entry date order, then manifest order, and each entry's total; the second pass then
// finishes each line with its draw and its share of the entry's fees and writes it in input order,
// without reading the manifests again.
#pragma once

#include <dutycalc/pricing/engine.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/report/report_writer.hpp>

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>
#include <vector>

namespace dutycalc {
class WorkerPool;
}

namespace dutycalc::pricing {

struct PriceManifestOptions {
  char delimiter = ',';
  bool strict = false; // stop at the first line that cannot be priced, without writing it
  // Threads that price and render records (1: the calling thread only). Output is the same
  // byte for byte whatever the number.
  unsigned threads = 1;
  // Customs entries kept in memory (about 50 bytes each, and their keys: at most
  // k_entry_key_bytes_in_memory of those); those past them are kept on disk and sorted there,
  // which is slower, so that memory does not grow with the number of entries.
  std::size_t entries_in_memory = 300000;
  static constexpr std::size_t k_entry_key_bytes_in_memory = std::size_t{8} << 20;
};

struct PriceTotals {
  std::size_t lines = 0;
  std::size_t failed = 0;
  bool stopped = false; // --strict stopped at a bad line
};

// A manifest to price: a file path, or "-" for standard input.
struct ManifestSource {
  std::string path;
  std::string display_name; // "<stdin>" for standard input
};

// Prices every record of every manifest, in order, drawing on quotas through `ledger`, and
// writes one result record per input record, in input order. Each line that cannot be priced is
// also reported on `diagnostics` as "dutycalc: error: <file>:<line>:<column>: <message>".
// Throws Error when a manifest as a whole is unusable (unreadable, empty, bad header) before
// anything is written. Does not call ledger.finish(): the caller decides whether the run counts.
void price_manifests(const Engine& engine, const std::vector<ManifestSource>& sources,
                     quota::Ledger& ledger, report::ReportWriter& writer,
                     const PriceManifestOptions& options, std::ostream& diagnostics,
                     PriceTotals& totals);

} // namespace dutycalc::pricing
