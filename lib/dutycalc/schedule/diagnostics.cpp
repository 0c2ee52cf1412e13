#include <dutycalc/schedule/diagnostics.hpp>

#include <algorithm>
#include <tuple>

namespace dutycalc::schedule {

std::string_view to_string(Severity severity) {
  return severity == Severity::error ? "error" : "warning";
}

void Diagnostics::error(SourceLocation where, std::string message) {
  m_all.push_back({Severity::error, std::move(where), std::move(message)});
  ++m_errors;
}

void Diagnostics::warning(SourceLocation where, std::string message) {
  m_all.push_back({Severity::warning, std::move(where), std::move(message)});
}

void Diagnostics::sort() {
  std::stable_sort(m_all.begin(), m_all.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.where.file, a.where.line, a.where.column) <
           std::tie(b.where.file, b.where.line, b.where.column);
  });
}

void Diagnostics::skipped(std::string_view kind, std::string_view id) {
  m_skipped.emplace(std::string(kind), std::string(id));
}

bool Diagnostics::excuses(std::string_view kind, std::string_view id) const {
  return m_incomplete || m_skipped.count(std::pair<std::string, std::string>(kind, id)) > 0;
}

} // namespace dutycalc::schedule
