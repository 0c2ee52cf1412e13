// How `dutycalc check` prints what it found: for people and editors, for GitHub Actions, or one
// JSON object per problem.
#pragma once

#include <dutycalc/report/output.hpp>
#include <dutycalc/schedule/diagnostics.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::check {

enum class DiagnosticFormat {
  text,   // file:line:column: error: message
  github, // ::error file=...,line=...,col=...::message (GitHub Actions workflow commands)
  jsonl,  // {"file":...,"line":...,"column":...,"severity":...,"message":...}
};

// "text", "github", "jsonl"; nullopt for anything else.
std::optional<DiagnosticFormat> parse_diagnostic_format(std::string_view text);

// One diagnostic as one line, with its line end. Unknown lines and columns are left out of text
// and GitHub lines and are null in JSON.
std::string format_diagnostic(const schedule::Diagnostic& diagnostic, DiagnosticFormat format);

// Writes format_diagnostic() of each, in the order given.
void write_diagnostics(const std::vector<schedule::Diagnostic>& diagnostics,
                       DiagnosticFormat format, Output& out);

// "schedules/us: 0 errors, 3 warnings".
std::string summarise(std::string_view schedule, const std::vector<schedule::Diagnostic>& found);

} // namespace dutycalc::check
