// Streams one manifest through the engine into a report: read a record, price it, write it.
#pragma once

#include <dutycalc/pricing/engine.hpp>
#include <dutycalc/report/report_writer.hpp>

#include <cstddef>
#include <istream>
#include <ostream>
#include <string>

namespace dutycalc::pricing {

struct PriceManifestOptions {
  char delimiter = ',';
  bool strict = false; // stop at the first line that cannot be priced, without writing it
};

struct PriceTotals {
  std::size_t lines = 0;
  std::size_t failed = 0;
  bool stopped = false; // --strict stopped at a bad line
};

// Prices every record of the manifest read from `input` (`display_name` names it in messages)
// and writes one result record per input record, in input order. Each line that cannot be priced
// is also reported on `diagnostics` as "dutycalc: error: <file>:<line>:<column>: <message>".
// Throws Error when the manifest as a whole is unusable (empty, bad header): nothing is written.
void price_manifest(const Engine& engine, std::istream& input, const std::string& display_name,
                    report::ReportWriter& writer, const PriceManifestOptions& options,
                    std::ostream& diagnostics, PriceTotals& totals);

} // namespace dutycalc::pricing
