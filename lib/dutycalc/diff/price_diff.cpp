#include <dutycalc/diff/price_diff.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/pricing/engine.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/report/report_writer.hpp>
#include <dutycalc/util/standard_input.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <unistd.h>

namespace dutycalc::diff {

namespace {

// Standard input is priced twice, and can be read only once: it is copied to a temporary file,
// removed when the comparison ends.
class StdinCopy {
public:
  StdinCopy() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "dutycalc-diff-stdin-XXXXXX").string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0)
      throw Error("cannot create a temporary file to hold standard input");
    ::close(fd);
    m_path = pattern;
    std::ofstream out(m_path, std::ios::binary);
    // An empty input copies nothing and marks the stream failed: pricing then reports an empty
    // manifest, which is the real problem.
    std::istream& in = standard_input();
    if (in.peek() != std::char_traits<char>::eof())
      out << in.rdbuf();
    out.flush();
    if (!out)
      throw Error("cannot write a temporary copy of standard input");
  }
  ~StdinCopy() {
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
  }
  StdinCopy(const StdinCopy&) = delete;
  StdinCopy& operator=(const StdinCopy&) = delete;
  const std::string& path() const { return m_path; }

private:
  std::string m_path;
};

PricedAt priced(const pricing::LineResult& result) {
  PricedAt at;
  at.ok = result.status == pricing::LineStatus::ok;
  at.rate = result.rate;
  at.quota = result.quota;
  at.message = result.message;
  if (!at.ok)
    return at;
  at.value = result.value.amount;
  at.base_duty = result.base_duty.amount;
  at.additional_duty = result.additional_duty.amount;
  at.fees = result.fees.amount;
  at.taxes = result.taxes.amount;
  at.landed_cost = result.landed_cost.amount;
  return at;
}

// Gathers each line's result of one pricing run. The first run adds the lines, the second fills
// in their second date, record by record (both runs read the same file in the same order).
class Collector : public report::ReportWriter {
public:
  Collector(std::vector<LineComparison>& lines, bool first, std::string display_name)
      : m_lines(lines), m_first(first), m_display_name(std::move(display_name)) {}

  void begin(const std::vector<std::string>& input_columns) override {
    // The pricing run has matched this header already; matching it again finds the columns
    // whose text the comparison shows as written.
    m_names = input_columns;
    manifest::CsvRecord header;
    for (std::size_t i = 0; i < m_names.size(); ++i) {
      header.fields.emplace_back(m_names[i]);
      header.columns.push_back(static_cast<int>(i) + 1);
      header.lines.push_back(1);
    }
    header.line = 1;
    const auto columns = manifest::ColumnMap::from_header(header, m_display_name);
    m_code = columns.index_of(manifest::Column::hs_code);
    m_origin = columns.index_of(manifest::Column::origin);
    m_value = columns.index_of(manifest::Column::value);
  }

  void write(const manifest::CsvRecord& record, const manifest::ManifestLine&,
             const pricing::LineResult& result) override {
    if (m_first || m_next >= m_lines.size()) {
      LineComparison& line = m_lines.emplace_back();
      line.line = record.line;
      line.hs_code = field(record, m_code);
      line.origin = field(record, m_origin);
      line.value = field(record, m_value);
      line.from = priced(result);
    } else {
      m_lines[m_next++].to = priced(result);
    }
  }

  void finish() override {}

private:
  static std::string field(const manifest::CsvRecord& record, int index) {
    if (index < 0 || static_cast<std::size_t>(index) >= record.fields.size())
      return {};
    return std::string(record.fields[static_cast<std::size_t>(index)]);
  }

  std::vector<LineComparison>& m_lines;
  bool m_first;
  std::string m_display_name;
  std::vector<std::string> m_names;
  std::size_t m_next = 0;
  int m_code = -1;
  int m_origin = -1;
  int m_value = -1;
};

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

// Each run's diagnostics, once when both runs said the same, else marked with their date.
void merge_diagnostics(const std::string& at_from, const std::string& at_to, DiffDates dates,
                       std::ostream& out) {
  const auto first = split_lines(at_from);
  const auto second = split_lines(at_to);
  const auto in = [](const std::vector<std::string>& lines, const std::string& line) {
    return std::find(lines.begin(), lines.end(), line) != lines.end();
  };
  for (const auto& line : first)
    out << line << (in(second, line) ? "" : fmt::format(" (at {})", dates.from.to_string()))
        << '\n';
  for (const auto& line : second)
    if (!in(first, line))
      out << line << fmt::format(" (at {})", dates.to.to_string()) << '\n';
}

} // namespace

std::optional<Decimal> LineComparison::change() const {
  if (!from.ok || !to.ok)
    return std::nullopt;
  return to.landed_cost - from.landed_cost;
}

ManifestComparison compare_manifest(const schedule::Schedule& schedule,
                                    const pricing::ManifestSource& manifest, DiffDates dates,
                                    const PriceDiffOptions& options, std::ostream& diagnostics) {
  ManifestComparison out;
  out.display_name = manifest.display_name;
  out.currency = schedule.currency;
  std::unique_ptr<StdinCopy> copy;
  pricing::ManifestSource source = manifest;
  if (source.path == "-") {
    copy = std::make_unique<StdinCopy>();
    source.path = copy->path();
  }

  std::ostringstream said[2];
  const Date at[2] = {dates.from, dates.to};
  for (int i = 0; i < 2; ++i) {
    const pricing::Engine engine(schedule, {at[i], options.fx, at[i]});
    const auto ledger = quota::open_memory_ledger(); // full quotas at each date
    Collector collector(out.lines, i == 0, source.display_name);
    pricing::PriceTotals totals;
    pricing::price_manifests(engine, {source}, *ledger, collector, {options.delimiter, false},
                             said[i], totals);
  }
  merge_diagnostics(said[0].str(), said[1].str(), dates, diagnostics);

  for (const LineComparison& line : out.lines) {
    if (!line.from.ok)
      ++out.failed_from;
    if (!line.to.ok)
      ++out.failed_to;
    if (!line.change())
      continue;
    ++out.priced_at_both;
    out.value += line.from.value;
    out.landed_from += line.from.landed_cost;
    out.landed_to += line.to.landed_cost;
  }
  return out;
}

} // namespace dutycalc::diff
