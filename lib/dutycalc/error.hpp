// The one error family of dutycalc: a message and, where known, the place in a file it is about.
#pragma once

#include <stdexcept>
#include <string>

namespace dutycalc {

// A place in a named input: file (or display name such as "<stdin>"), 1-based line and column.
// Line or column 0 means "not known".
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

// Renders "file:line:column" leaving out the parts that are not known ("file:line", "file").
std::string to_string(const SourceLocation& where);

// Every failure that stops a command: bad configuration, unreadable schedules, usage the CLI
// parser could not catch. Per-line pricing problems are not errors: they travel in the result.
class Error : public std::runtime_error {
public:
  explicit Error(std::string message);
  Error(SourceLocation where, std::string message);

  const SourceLocation& where() const { return m_where; }
  const std::string& message() const { return m_message; }

private:
  SourceLocation m_where;
  std::string m_message;
};

// Arithmetic that would not fit the exact decimal type. Never caught and turned into a number.
class OverflowError : public Error {
public:
  using Error::Error;
};

} // namespace dutycalc
