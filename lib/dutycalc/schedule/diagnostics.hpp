// Problems found while reading a schedule, collected instead of thrown, so that `dutycalc check`
// reports every one of them in one run.
#pragma once

#include <dutycalc/error.hpp>

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dutycalc::schedule {

enum class Severity { warning, error };

// "warning" or "error".
std::string_view to_string(Severity severity);

struct Diagnostic {
  Severity severity = Severity::error;
  SourceLocation where;
  std::string message;
};

// The sink the loaders report to when given one. Each problem is recorded and loading goes on
// with the next [[table]] entry, lines-table row or file (the bad one is skipped). It also
// remembers the rules that were skipped, so that a reference to one of them is not reported as a
// second problem.
class Diagnostics {
public:
  void error(SourceLocation where, std::string message);
  void warning(SourceLocation where, std::string message);
  void add(const Error& error) { this->error(error.where(), error.message()); }

  const std::vector<Diagnostic>& all() const { return m_all; }
  std::size_t errors() const { return m_errors; }
  std::size_t warnings() const { return m_all.size() - m_errors; }
  // Orders by file, line and column; problems at one place keep the order they were found in.
  void sort();

  // A rule of `kind` ("group", "measure"...) with this id could not be loaded.
  void skipped(std::string_view kind, std::string_view id);
  // Whether a reference to `id` may point at something that could not be loaded: a skipped rule
  // of that kind, or anything at all once a whole rule file could not be read.
  bool excuses(std::string_view kind, std::string_view id) const;
  // A whole rule file could not be read: what it defines is unknown.
  void mark_incomplete() { m_incomplete = true; }

private:
  std::vector<Diagnostic> m_all;
  std::size_t m_errors = 0;
  std::set<std::pair<std::string, std::string>, std::less<>> m_skipped;
  bool m_incomplete = false;
};

// Runs `f`. Without a sink an Error it throws goes on up; with one it is recorded and false
// returned, so the caller can skip what `f` was reading.
template <class F> bool attempt(Diagnostics* sink, F&& f) {
  if (!sink) {
    f();
    return true;
  }
  try {
    f();
    return true;
  } catch (const Error& e) {
    sink->add(e);
    return false;
  }
}

} // namespace dutycalc::schedule
