#include <dutycalc/importers/json_reader.hpp>
#include <dutycalc/importers/utf8.hpp>

#include <fmt/format.h>

#include <climits>
#include <stdexcept>

namespace dutycalc::importers {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Bytes a string holds as they are: printable ASCII other than '"' and '\'.
bool is_plain_string_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x20 && u < 0x80 && c != '"' && c != '\\';
}

bool is_high_surrogate(std::uint32_t cp) { return cp >= 0xD800 && cp <= 0xDBFF; }
bool is_low_surrogate(std::uint32_t cp) { return cp >= 0xDC00 && cp <= 0xDFFF; }

} // namespace

std::string_view describe(JsonType type) {
  switch (type) {
  case JsonType::object: return "an object";
  case JsonType::array: return "an array";
  case JsonType::string: return "a string";
  case JsonType::number: return "a number";
  case JsonType::boolean: return "a boolean";
  case JsonType::null: return "null";
  }
  return "a value";
}

JsonReader::JsonReader(std::string_view text, std::string display_name)
    : m_text(text), m_display_name(std::move(display_name)) {
  if (m_text.starts_with("\xEF\xBB\xBF")) m_pos = m_line_start = 3;
}

SourceLocation JsonReader::location_of(std::size_t at) const {
  const std::size_t offset = at - m_line_start;
  const int column = offset < static_cast<std::size_t>(INT_MAX) ? static_cast<int>(offset) + 1
                                                                 : INT_MAX;
  return {m_display_name, m_line, column};
}

void JsonReader::fail_at(std::size_t at, const std::string& message) const {
  throw Error(location_of(at), message);
}

std::string JsonReader::found_at(std::size_t at) const {
  if (at >= m_text.size()) return "the end of the input";
  const char c = m_text[at];
  if (c > ' ' && c < 0x7F) return fmt::format("'{}'", c);
  return fmt::format("byte 0x{:02X}", static_cast<unsigned char>(c));
}

void JsonReader::skip_space() {
  while (m_pos < m_text.size()) {
    const char c = m_text[m_pos];
    if (c == ' ' || c == '\t') {
      ++m_pos;
    } else if (c == '\n' || c == '\r') {
      m_pos += c == '\r' && m_pos + 1 < m_text.size() && m_text[m_pos + 1] == '\n' ? 2 : 1;
      if (m_line < INT_MAX) ++m_line;
      m_line_start = m_pos;
    } else {
      return;
    }
  }
}

bool JsonReader::at_end() {
  skip_space();
  return m_pos >= m_text.size();
}

SourceLocation JsonReader::where() {
  skip_space();
  return location_of(m_pos);
}

SourceLocation JsonReader::key_where() const { return {m_display_name, m_key_line, m_key_column}; }

JsonType JsonReader::peek() {
  if (!m_value_due) throw std::logic_error("JsonReader: no value is due");
  skip_space();
  const char c = m_pos < m_text.size() ? m_text[m_pos] : '\0';
  switch (c) {
  case '{': return JsonType::object;
  case '[': return JsonType::array;
  case '"': return JsonType::string;
  case 't':
  case 'f': return JsonType::boolean;
  case 'n': return JsonType::null;
  default:
    if (c == '-' || is_digit(c)) return JsonType::number;
    fail_at(m_pos, fmt::format("expected a value, found {}", found_at(m_pos)));
  }
}

void JsonReader::take_value() {
  if (!m_value_due) throw std::logic_error("JsonReader: no value is due");
  m_value_due = false;
}

void JsonReader::open(bool object) {
  const JsonType found = peek();
  const JsonType wanted = object ? JsonType::object : JsonType::array;
  if (found != wanted)
    fail_at(m_pos, fmt::format("expected {}, found {}", describe(wanted), describe(found)));
  if (m_stack.size() >= k_max_depth)
    fail_at(m_pos, fmt::format("nesting deeper than {} levels", k_max_depth));
  take_value();
  m_stack.push_back({object, false});
  ++m_pos;
}

void JsonReader::begin_object() { open(true); }
void JsonReader::begin_array() { open(false); }

bool JsonReader::next_key(std::string& key) {
  if (m_value_due || m_stack.empty() || !m_stack.back().object)
    throw std::logic_error("JsonReader: next_key outside an object or before its value was read");
  skip_space();
  const char c = m_pos < m_text.size() ? m_text[m_pos] : '\0';
  if (c == '}') {
    ++m_pos;
    m_stack.pop_back();
    return false;
  }
  Frame& frame = m_stack.back();
  if (frame.has_members) {
    if (c != ',')
      fail_at(m_pos, fmt::format("expected ',' or '}}' after an object member, found {}",
                                 found_at(m_pos)));
    ++m_pos;
    skip_space();
    if (m_pos >= m_text.size() || m_text[m_pos] != '"')
      fail_at(m_pos, fmt::format("expected a key (a string) after ',', found {}", found_at(m_pos)));
  } else if (c != '"') {
    fail_at(m_pos, fmt::format("expected a key (a string) or '}}', found {}", found_at(m_pos)));
  }
  const SourceLocation key_place = location_of(m_pos);
  m_key_line = key_place.line;
  m_key_column = key_place.column;
  m_value_due = true;
  read_string(key);
  skip_space();
  if (m_pos >= m_text.size() || m_text[m_pos] != ':')
    fail_at(m_pos, fmt::format("expected ':' after the key, found {}", found_at(m_pos)));
  ++m_pos;
  frame.has_members = true;
  m_value_due = true;
  return true;
}

bool JsonReader::next_element() {
  if (m_value_due || m_stack.empty() || m_stack.back().object)
    throw std::logic_error(
        "JsonReader: next_element outside an array or before its value was read");
  skip_space();
  const char c = m_pos < m_text.size() ? m_text[m_pos] : '\0';
  if (c == ']') {
    ++m_pos;
    m_stack.pop_back();
    return false;
  }
  Frame& frame = m_stack.back();
  if (frame.has_members) {
    if (c != ',')
      fail_at(m_pos, fmt::format("expected ',' or ']' after an array element, found {}",
                                 found_at(m_pos)));
    ++m_pos;
  }
  frame.has_members = true;
  m_value_due = true;
  return true;
}

void JsonReader::read_string(std::string& out) {
  const JsonType found = peek();
  if (found != JsonType::string)
    fail_at(m_pos, fmt::format("expected a string, found {}", describe(found)));
  take_value();
  out.clear();
  ++m_pos;
  for (;;) {
    std::size_t run = m_pos;
    while (run < m_text.size() && is_plain_string_byte(m_text[run])) ++run;
    out.append(m_text.substr(m_pos, run - m_pos));
    m_pos = run;
    if (m_pos >= m_text.size()) fail_at(m_pos, "the input ends inside a string");
    const char c = m_text[m_pos];
    if (c == '"') {
      ++m_pos;
      return;
    }
    if (c == '\\') {
      read_escape(out);
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20)
      fail_at(m_pos, fmt::format("a string cannot hold the control character U+{:04X} as it is: "
                                 "write it as an escape",
                                 static_cast<unsigned>(byte)));
    const std::size_t length = utf8_sequence_length(m_pos);
    if (length == 0) fail_at(m_pos, "invalid UTF-8 in a string");
    out.append(m_text.substr(m_pos, length));
    m_pos += length;
  }
}

std::size_t JsonReader::utf8_sequence_length(std::size_t at) const {
  const auto byte = [&](std::size_t i) -> unsigned {
    return at + i < m_text.size() ? static_cast<unsigned char>(m_text[at + i]) : 0x100u;
  };
  const auto continues = [&](std::size_t i, unsigned low = 0x80, unsigned high = 0xBF) {
    const unsigned b = byte(i);
    return b >= low && b <= high;
  };
  // RFC 3629: no overlong forms, no surrogates (ED A0..BF), nothing above U+10FFFF.
  const unsigned lead = byte(0);
  if (lead >= 0xC2 && lead <= 0xDF) return continues(1) ? 2 : 0;
  if (lead == 0xE0) return continues(1, 0xA0, 0xBF) && continues(2) ? 3 : 0;
  if (lead == 0xED) return continues(1, 0x80, 0x9F) && continues(2) ? 3 : 0;
  if (lead >= 0xE1 && lead <= 0xEF) return continues(1) && continues(2) ? 3 : 0;
  if (lead == 0xF0) return continues(1, 0x90, 0xBF) && continues(2) && continues(3) ? 4 : 0;
  if (lead >= 0xF1 && lead <= 0xF3) return continues(1) && continues(2) && continues(3) ? 4 : 0;
  if (lead == 0xF4) return continues(1, 0x80, 0x8F) && continues(2) && continues(3) ? 4 : 0;
  return 0;
}

std::uint32_t JsonReader::read_hex4() {
  std::uint32_t value = 0;
  for (int i = 0; i < 4; ++i) {
    const int digit = m_pos < m_text.size() ? hex_value(m_text[m_pos]) : -1;
    if (digit < 0)
      fail_at(m_pos, fmt::format("expected four hex digits after \\u, found {}", found_at(m_pos)));
    value = value * 16 + static_cast<std::uint32_t>(digit);
    ++m_pos;
  }
  return value;
}

void JsonReader::read_escape(std::string& out) {
  const std::size_t backslash = m_pos++;
  if (m_pos >= m_text.size()) fail_at(m_pos, "the input ends inside a string");
  const char e = m_text[m_pos];
  switch (e) {
  case '"':
  case '\\':
  case '/': out.push_back(e); break;
  case 'b': out.push_back('\b'); break;
  case 'f': out.push_back('\f'); break;
  case 'n': out.push_back('\n'); break;
  case 'r': out.push_back('\r'); break;
  case 't': out.push_back('\t'); break;
  case 'u': {
    ++m_pos;
    std::uint32_t cp = read_hex4();
    if (is_low_surrogate(cp))
      fail_at(backslash, fmt::format("lone surrogate \\u{:04X}: a low surrogate must follow a "
                                     "high one (\\uD800 to \\uDBFF)",
                                     cp));
    if (is_high_surrogate(cp)) {
      const std::size_t second = m_pos;
      if (m_text.substr(m_pos, 2) != "\\u")
        fail_at(m_pos, fmt::format("lone surrogate \\u{:04X}: expected a low surrogate (\\uDC00 "
                                   "to \\uDFFF) after it, found {}",
                                   cp, found_at(m_pos)));
      m_pos += 2;
      const std::uint32_t low = read_hex4();
      if (!is_low_surrogate(low))
        fail_at(second, fmt::format("lone surrogate \\u{:04X}: expected a low surrogate (\\uDC00 "
                                    "to \\uDFFF) after it, found \\u{:04X}",
                                    cp, low));
      cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
    }
    append_utf8(out, cp);
    return;
  }
  default: fail_at(m_pos, fmt::format("bad escape: '\\' followed by {}", found_at(m_pos)));
  }
  ++m_pos;
}

std::string_view JsonReader::read_number() {
  const JsonType found = peek();
  if (found != JsonType::number)
    fail_at(m_pos, fmt::format("expected a number, found {}", describe(found)));
  take_value();
  const std::size_t start = m_pos;
  const auto digit_at = [&](std::size_t at) { return at < m_text.size() && is_digit(m_text[at]); };
  const auto digits = [&](std::string_view after) {
    if (!digit_at(m_pos))
      fail_at(m_pos, fmt::format("expected a digit {}, found {}", after, found_at(m_pos)));
    while (digit_at(m_pos)) ++m_pos;
  };
  if (m_text[m_pos] == '-') ++m_pos;
  if (digit_at(m_pos) && m_text[m_pos] == '0') {
    ++m_pos;
    if (digit_at(m_pos)) fail_at(m_pos, "a number cannot have a leading zero");
  } else {
    digits("after '-'");
  }
  if (m_pos < m_text.size() && m_text[m_pos] == '.') {
    ++m_pos;
    digits("after '.'");
  }
  if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
    ++m_pos;
    if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
    digits("in the exponent");
  }
  return m_text.substr(start, m_pos - start);
}

void JsonReader::expect_literal(std::string_view word) {
  for (std::size_t i = 0; i < word.size(); ++i)
    if (m_pos + i >= m_text.size() || m_text[m_pos + i] != word[i])
      fail_at(m_pos + i, fmt::format("expected '{}', found {}", word, found_at(m_pos + i)));
  m_pos += word.size();
}

bool JsonReader::read_bool() {
  const JsonType found = peek();
  if (found != JsonType::boolean)
    fail_at(m_pos, fmt::format("expected a boolean, found {}", describe(found)));
  take_value();
  const bool value = m_text[m_pos] == 't';
  expect_literal(value ? "true" : "false");
  return value;
}

void JsonReader::read_null() {
  const JsonType found = peek();
  if (found != JsonType::null)
    fail_at(m_pos, fmt::format("expected null, found {}", describe(found)));
  take_value();
  expect_literal("null");
}

void JsonReader::skip_value() {
  const std::size_t base = m_stack.size();
  for (;;) {
    switch (peek()) {
    case JsonType::object: begin_object(); break;
    case JsonType::array: begin_array(); break;
    case JsonType::string: read_string(m_scratch); break;
    case JsonType::number: read_number(); break;
    case JsonType::boolean: read_bool(); break;
    case JsonType::null: read_null(); break;
    }
    // On to the next value due inside what was opened since the start, if any.
    for (;;) {
      if (m_stack.size() == base) return;
      const bool more = m_stack.back().object ? next_key(m_scratch) : next_element();
      if (more) break;
    }
  }
}

void JsonReader::finish() {
  if (m_value_due || !m_stack.empty())
    throw std::logic_error("JsonReader: finish before the value was read");
  skip_space();
  if (m_pos < m_text.size())
    fail_at(m_pos, fmt::format("expected the end of the input, found {}", found_at(m_pos)));
}

} // namespace dutycalc::importers
