// The streaming writers: CSV (the input columns unchanged, then the result columns of SPEC §4)
// and JSON Lines (the same fields, plus the rules applied with their sources).
#include <dutycalc/report/report_writer.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/report/record_fields.hpp>
#include <dutycalc/report/text_escaping.hpp>

#include <cstring>

namespace dutycalc::report {

const std::vector<std::string_view> k_result_columns = {
    "schedule_version", "rate", "base_duty", "additional_duty", "quota",
    "fees", "taxes", "landed_cost", "status", "message"};

namespace {

class CsvWriter final : public ReportWriter {
public:
  explicit CsvWriter(Output& output) : m_output(output) {}

  void begin(const std::vector<std::string>& input_columns) override {
    if (m_started) {
      // Several manifests make one CSV stream: they must share one header.
      if (input_columns != m_columns)
        throw Error("the manifests have different columns; price them in separate runs");
      return;
    }
    m_started = true;
    m_columns = input_columns;
    m_line.clear();
    for (const auto& name : input_columns) {
      append_csv_field(m_line, name);
      m_line.push_back(',');
    }
    for (std::size_t i = 0; i < k_result_columns.size(); ++i) {
      if (i > 0) m_line.push_back(',');
      m_line.append(k_result_columns[i]);
    }
    m_line.push_back('\n');
    m_output.write(m_line);
  }

  void write(const manifest::CsvRecord& record, const manifest::ManifestLine& line,
             const pricing::LineResult& result) override {
    m_line.clear();
    render(record, line, result, m_line);
    m_output.write(m_line);
  }

  bool renders() const override { return true; }
  void render(const manifest::CsvRecord& record, const manifest::ManifestLine&,
              const pricing::LineResult& result, std::string& out) const override {
    if (render_plain(record.plain_text, record.fields.size(), result, out)) return;
    // Exactly as many input fields as the header has: short records are padded, so every
    // output row has the same shape (extra fields are reported in the message).
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      if (i < record.fields.size()) append_csv_field(out, record.fields[i]);
      out.push_back(',');
    }
    append_result(result, out);
  }
  bool render_plain(std::string_view text, std::size_t fields, const pricing::LineResult& result,
                    std::string& out) const override {
    if (text.empty() || fields != m_columns.size()) return false;
    out.append(text); // the fields as they would be written, already
    out.push_back(',');
    append_result(result, out);
    return true;
  }
  void write_rendered(const std::string_view* texts, std::size_t count) override {
    m_output.write_all(texts, count);
  }
  bool shows_rules() const override { return false; }
  bool reads_lines() const override { return false; }

  void finish() override { m_output.flush(); }

private:
  static void append_result(const pricing::LineResult& result, std::string& out) {
    ResultFields fields(result);
    // Usually no field needs quotes: then the row's end is measured, made room for once and
    // copied into, rather than appended to field by field.
    std::size_t size = fields.size(); // a comma after each field but the last, then the line end
    bool plain = true;
    for (std::size_t i = 0; i < fields.size() && plain; ++i) {
      plain = ResultFields::is_plain(i) || !csv_needs_quotes(fields[i]);
      size += fields[i].size();
    }
    if (plain) {
      const std::size_t start = out.size();
      out.resize(start + size);
      char* at = out.data() + start;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        // An absent field (a failed line's amounts) is an empty view with no address, which
        // memcpy may not be given.
        if (!fields[i].empty()) std::memcpy(at, fields[i].data(), fields[i].size());
        at += fields[i].size();
        *at++ = i + 1 < fields.size() ? ',' : '\n';
      }
      return;
    }
    for (std::size_t i = 0; i < fields.size(); ++i) {
      if (i > 0) out.push_back(',');
      if (ResultFields::is_plain(i)) out.append(fields[i]);
      else append_csv_field(out, fields[i]);
    }
    out.push_back('\n');
  }

  Output& m_output;
  bool m_started = false;
  std::vector<std::string> m_columns;
  std::string m_line;
};

class JsonlWriter final : public ReportWriter {
public:
  explicit JsonlWriter(Output& output) : m_output(output) {}

  void begin(const std::vector<std::string>& input_columns) override { m_columns = input_columns; }

  void write(const manifest::CsvRecord& record, const manifest::ManifestLine& line,
             const pricing::LineResult& result) override {
    m_line.clear();
    render(record, line, result, m_line);
    m_output.write(m_line);
  }

  bool renders() const override { return true; }
  bool reads_lines() const override { return false; }
  void write_rendered(const std::string_view* texts, std::size_t count) override {
    m_output.write_all(texts, count);
  }
  void render(const manifest::CsvRecord& record, const manifest::ManifestLine&,
              const pricing::LineResult& result, std::string& out) const override {
    out.push_back('{');
    bool first = true;
    const auto key = [&](std::string_view name) {
      if (!first) out.push_back(',');
      first = false;
      append_json_string(out, name);
      out.push_back(':');
    };
    for (std::size_t i = 0; i < m_columns.size(); ++i) {
      key(m_columns[i]);
      append_json_string(out, i < record.fields.size() ? record.fields[i] : std::string_view());
    }
    ResultFields fields(result);
    for (std::size_t i = 0; i < fields.size(); ++i) {
      key(k_result_columns[i]);
      append_json_string(out, fields[i]);
    }
    key("rules");
    out.push_back('[');
    for (std::size_t i = 0; i < result.rules.size(); ++i) {
      const auto& rule = result.rules[i];
      if (i > 0) out.push_back(',');
      out.append("{\"measure\":");
      append_json_string(out, rule.measure);
      out.append(",\"rate\":");
      append_json_string(out, rule.rate);
      out.append(",\"source\":");
      append_json_string(out, rule.source);
      out.append(",\"amount\":");
      append_json_string(out, rule.amount.to_string(result.base_duty.currency.minor_units()));
      out.push_back('}');
    }
    out.append("]}\n");
  }

  void finish() override { m_output.flush(); }

private:
  Output& m_output;
  std::vector<std::string> m_columns;
  std::string m_line;
};

} // namespace

std::unique_ptr<ReportWriter> make_table_writer(Output& output);

std::unique_ptr<ReportWriter> make_report_writer(OutputFormat format, Output& output) {
  switch (format) {
  case OutputFormat::csv: return std::make_unique<CsvWriter>(output);
  case OutputFormat::jsonl: return std::make_unique<JsonlWriter>(output);
  case OutputFormat::table: return make_table_writer(output);
  }
  return std::make_unique<CsvWriter>(output);
}

} // namespace dutycalc::report
