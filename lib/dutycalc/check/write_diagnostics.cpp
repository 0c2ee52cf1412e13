#include <dutycalc/check/write_diagnostics.hpp>

#include <dutycalc/report/text_escaping.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace dutycalc::check {

namespace {

using schedule::Diagnostic;
using schedule::Severity;

// GitHub's workflow commands end a value at a line break, and a property also at ',' or ':';
// '%' introduces the escapes themselves.
std::string github_escape(std::string_view text, bool property) {
  std::string out;
  for (const char c : text) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else if (property && c == ':') out += "%3A";
    else if (property && c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

void append_text(std::string& line, const Diagnostic& d) {
  line += to_string(d.where);
  fmt::format_to(std::back_inserter(line), ": {}: {}\n", schedule::to_string(d.severity),
                 d.message);
}

void append_github(std::string& line, const Diagnostic& d) {
  line += "::";
  line += schedule::to_string(d.severity);
  line += " file=" + github_escape(d.where.file, true);
  if (d.where.line > 0) fmt::format_to(std::back_inserter(line), ",line={}", d.where.line);
  if (d.where.line > 0 && d.where.column > 0)
    fmt::format_to(std::back_inserter(line), ",col={}", d.where.column);
  line += "::" + github_escape(d.message, false) + "\n";
}

void append_jsonl(std::string& line, const Diagnostic& d) {
  const auto number = [](int n) { return n > 0 ? std::to_string(n) : std::string("null"); };
  line += "{\"file\":";
  report::append_json_string(line, d.where.file);
  line += ",\"line\":" + number(d.where.line);
  line += ",\"column\":" + number(d.where.line > 0 ? d.where.column : 0);
  line += ",\"severity\":";
  report::append_json_string(line, schedule::to_string(d.severity));
  line += ",\"message\":";
  report::append_json_string(line, d.message);
  line += "}\n";
}

} // namespace

std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view text) {
  if (text == "text") return DiagnosticFormat::text;
  if (text == "github") return DiagnosticFormat::github;
  if (text == "jsonl") return DiagnosticFormat::jsonl;
  return std::nullopt;
}

std::string format_diagnostic(const Diagnostic& diagnostic, DiagnosticFormat format) {
  std::string line;
  switch (format) {
  case DiagnosticFormat::text: append_text(line, diagnostic); break;
  case DiagnosticFormat::github: append_github(line, diagnostic); break;
  case DiagnosticFormat::jsonl: append_jsonl(line, diagnostic); break;
  }
  return line;
}

void write_diagnostics(const std::vector<Diagnostic>& diagnostics, DiagnosticFormat format,
                       Output& out) {
  for (const Diagnostic& d : diagnostics) out.write(format_diagnostic(d, format));
}

std::string summarise(std::string_view schedule, const std::vector<Diagnostic>& found) {
  const auto errors = std::count_if(found.begin(), found.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error;
  });
  const auto warnings = static_cast<long>(found.size()) - static_cast<long>(errors);
  return fmt::format("{}: {} error{}, {} warning{}", schedule, errors, errors == 1 ? "" : "s",
                     warnings, warnings == 1 ? "" : "s");
}

} // namespace dutycalc::check
