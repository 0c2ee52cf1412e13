// Writers of priced manifest records: CSV and JSON Lines stream one record per input record;
// the table gathers them for people, with totals and summaries at the end.
#pragma once

#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/pricing/line_result.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/output_format.hpp>

#include <memory>
#include <string>
#include <vector>

namespace dutycalc::report {

// The columns every priced record gets after the input's own, in this order (SPEC §4).
extern const std::vector<std::string_view> k_result_columns;

class ReportWriter {
public:
  virtual ~ReportWriter() = default;
  // Called once per manifest with its header as written, before its records.
  virtual void begin(const std::vector<std::string>& input_columns) = 0;
  virtual void write(const manifest::CsvRecord& record, const manifest::ManifestLine& line,
                     const pricing::LineResult& result) = 0;
  // After the last record: flushes, and for tables prints totals and summaries.
  virtual void finish() = 0;

  // Streaming writers render a record's text without writing it, so that records priced on
  // several threads are rendered there too and written in input order with write_rendered()
  // (`count` records' texts at once, written from where they are).
  // render() must be safe to call from several threads at once (between begin() calls).
  virtual bool renders() const { return false; }
  virtual void render(const manifest::CsvRecord& /*record*/, const manifest::ManifestLine& /*line*/,
                      const pricing::LineResult& /*result*/, std::string& /*out*/) const {}
  virtual void write_rendered(const std::string_view* /*texts*/, std::size_t /*count*/) {}
  // render() of a plain record (CsvRecord::plain_text) known only by its text and its number of
  // fields, not split into them: false, with nothing rendered, when the writer needs the fields.
  // A pass that kept the record's text need not split it again then.
  virtual bool render_plain(std::string_view /*text*/, std::size_t /*fields*/,
                            const pricing::LineResult& /*result*/, std::string& /*out*/) const {
    return false;
  }
  // Whether records show the rules applied (LineResult::rules): pricing skips building them when
  // they are not shown.
  virtual bool shows_rules() const { return true; }
  // Whether records are written from the line's typed fields (ManifestLine) as well as from the
  // record and the result: when not, a pass that has the result already need not read them.
  virtual bool reads_lines() const { return true; }
};

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, Output& output);

} // namespace dutycalc::report
