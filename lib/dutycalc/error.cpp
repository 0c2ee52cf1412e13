#include <dutycalc/error.hpp>

#include <fmt/format.h>

namespace dutycalc {

std::string to_string(const SourceLocation& where) {
  if (where.line <= 0) return where.file;
  if (where.column <= 0) return fmt::format("{}:{}", where.file, where.line);
  return fmt::format("{}:{}:{}", where.file, where.line, where.column);
}

namespace {
std::string render(const SourceLocation& where, const std::string& message) {
  if (where.file.empty()) return message;
  return fmt::format("{}: {}", to_string(where), message);
}
} // namespace

Error::Error(std::string message) : std::runtime_error(message), m_message(std::move(message)) {}

Error::Error(SourceLocation where, std::string message)
    : std::runtime_error(render(where, message)), m_where(std::move(where)),
      m_message(std::move(message)) {}

} // namespace dutycalc
