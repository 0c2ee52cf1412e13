#include <dutycalc/check/write_diagnostics.hpp>

#include <catch2/catch.hpp>

using dutycalc::check::DiagnosticFormat;
using dutycalc::check::format_diagnostic;
using dutycalc::schedule::Diagnostic;
using dutycalc::schedule::Severity;

namespace {
// Built member by member: brace-initialising the nested strings trips gcc 12's
// -Wmaybe-uninitialized.
Diagnostic make(Severity severity, const char* file, int line, int column, const char* message) {
  Diagnostic d;
  d.severity = severity;
  d.where.file = file;
  d.where.line = line;
  d.where.column = column;
  d.message = message;
  return d;
}
} // namespace

TEST_CASE("format_diagnostic") {
  const Diagnostic rate = make(Severity::error, "schedules/us/section-232.toml", 21, 59,
                               "rate \"+ 2,5%\" cannot be read: expected %, ¢ or a currency");
  const Diagnostic file = make(Severity::warning, "s/extra.toml", 0, 0, "not listed, never read");
  const Diagnostic line_only = make(Severity::warning, "s/a.csv", 7, 0, "line\nbreak\r");

  CHECK(format_diagnostic(rate, DiagnosticFormat::text) ==
        "schedules/us/section-232.toml:21:59: error: rate \"+ 2,5%\" cannot be read: expected %, ¢ "
        "or a currency\n");
  CHECK(format_diagnostic(file, DiagnosticFormat::text) ==
        "s/extra.toml: warning: not listed, never read\n");

  // GitHub workflow commands: '%', CR and LF escaped in the message; ',' and ':' too in the file.
  CHECK(format_diagnostic(rate, DiagnosticFormat::github) ==
        "::error file=schedules/us/section-232.toml,line=21,col=59::rate \"+ 2,5%25\" cannot be "
        "read: expected %25, ¢ or a currency\n");
  CHECK(format_diagnostic(file, DiagnosticFormat::github) ==
        "::warning file=s/extra.toml::not listed, never read\n");
  CHECK(format_diagnostic(line_only, DiagnosticFormat::github) ==
        "::warning file=s/a.csv,line=7::line%0Abreak%0D\n");
  CHECK(format_diagnostic(make(Severity::error, "a,b:c%.toml", 1, 2, "m"), DiagnosticFormat::github) ==
        "::error file=a%2Cb%3Ac%25.toml,line=1,col=2::m\n");

  CHECK(format_diagnostic(rate, DiagnosticFormat::jsonl) ==
        "{\"file\":\"schedules/us/section-232.toml\",\"line\":21,\"column\":59,\"severity\":"
        "\"error\",\"message\":\"rate \\\"+ 2,5%\\\" cannot be read: expected %, ¢ or a "
        "currency\"}\n");
  CHECK(format_diagnostic(file, DiagnosticFormat::jsonl) ==
        "{\"file\":\"s/extra.toml\",\"line\":null,\"column\":null,\"severity\":\"warning\","
        "\"message\":\"not listed, never read\"}\n");
  CHECK(format_diagnostic(line_only, DiagnosticFormat::jsonl) ==
        "{\"file\":\"s/a.csv\",\"line\":7,\"column\":null,\"severity\":\"warning\","
        "\"message\":\"line\\nbreak\\r\"}\n");
}

TEST_CASE("parse_diagnostic_format") {
  CHECK(dutycalc::check::parse_diagnostic_format("text") == DiagnosticFormat::text);
  CHECK(dutycalc::check::parse_diagnostic_format("github") == DiagnosticFormat::github);
  CHECK(dutycalc::check::parse_diagnostic_format("jsonl") == DiagnosticFormat::jsonl);
  CHECK_FALSE(dutycalc::check::parse_diagnostic_format("csv"));
}

TEST_CASE("summarise") {
  const Diagnostic error = make(Severity::error, "f", 1, 1, "e");
  const Diagnostic warning = make(Severity::warning, "f", 1, 1, "w");
  CHECK(dutycalc::check::summarise("schedules/us", {}) == "schedules/us: 0 errors, 0 warnings");
  CHECK(dutycalc::check::summarise("s", {error, warning}) == "s: 1 error, 1 warning");
  CHECK(dutycalc::check::summarise("s", {error, error, warning, warning, warning}) ==
        "s: 2 errors, 3 warnings");
}
