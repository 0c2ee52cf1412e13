// A strict pull reader for JSON text (RFC 8259) held in memory. The caller asks for the value it
// expects next, so an array of a million records is read one record at a time, never as a tree.
// Errors name the file, line and column of the first byte that is not valid JSON.
#pragma once

#include <dutycalc/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::importers {

enum class JsonType { object, array, string, number, boolean, null };

// "an object", "an array", "a string", "a number", "a boolean", "null": for messages.
std::string_view describe(JsonType type);

// Places: lines end at LF, CRLF or a lone CR; columns are 1-based byte offsets on the line (as in
// the CSV reader); a UTF-8 byte-order mark at the start is skipped and not counted.
// Strictness: no comments, no trailing commas, no leading zeros, no raw control characters or
// invalid UTF-8 in strings, no lone surrogates; \uXXXX escapes (surrogate pairs included) become
// UTF-8; numbers are kept as the text written. Containers nest at most k_max_depth deep.
// Calls out of protocol (a read when no value is due, a key asked for in an array) are bugs in the
// caller and throw std::logic_error.
class JsonReader {
public:
  static constexpr std::size_t k_max_depth = 64;

  // `text` must outlive the reader; `display_name` is the file name messages use.
  JsonReader(std::string_view text, std::string display_name);

  // Whether only white space is left (before the first value: whether the input is empty).
  bool at_end();
  // The type of the value due next, from its first byte. Throws Error at a byte that cannot start
  // a value, or at the end of the input.
  JsonType peek();
  // Where the next token starts (after white space).
  SourceLocation where();
  // Where the key last returned by next_key() starts (its opening quote).
  SourceLocation key_where() const;

  // Consumes '{'. Members follow through next_key().
  void begin_object();
  // Reads the next member's key and its ':' into `key`; then its value is due. At the object's
  // end consumes '}' and returns false.
  bool next_key(std::string& key);
  // Consumes '['. Elements follow through next_element().
  void begin_array();
  // Whether another element follows (then its value is due); at the array's end consumes ']' and
  // returns false.
  bool next_element();

  // Reads a string value into `out` (replacing its content), escapes decoded.
  void read_string(std::string& out);
  // Reads a number value; returns its text as written (a view into the input).
  std::string_view read_number();
  bool read_bool();
  void read_null();
  // Skips the value due, whatever it is, nested values included (checked all the same).
  void skip_value();

  // Checks that the value read was the whole input: only white space may follow.
  void finish();

private:
  struct Frame {
    bool object = false;
    bool has_members = false;
  };

  void skip_space();
  [[noreturn]] void fail_at(std::size_t at, const std::string& message) const;
  SourceLocation location_of(std::size_t at) const;
  // "'x'", "byte 0xC3" or "the end of the input": what stands at `at`, for messages.
  std::string found_at(std::size_t at) const;
  void take_value(); // the value due is being read: checks the protocol
  void open(bool object);
  void expect_literal(std::string_view word);
  void read_escape(std::string& out);
  std::uint32_t read_hex4(); // after "\u"
  std::size_t utf8_sequence_length(std::size_t at) const; // 0 when not valid UTF-8

  std::string_view m_text;
  std::string m_display_name;
  std::size_t m_pos = 0;
  int m_line = 1;
  std::size_t m_line_start = 0;
  int m_key_line = 0;
  int m_key_column = 0;
  std::vector<Frame> m_stack;
  bool m_value_due = true;
  std::string m_scratch;
};

} // namespace dutycalc::importers
