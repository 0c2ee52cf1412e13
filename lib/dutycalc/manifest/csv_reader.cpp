// The CSV scanner. Choices beyond RFC 4180, made once and kept everywhere:
// - A line ends at LF, CRLF or a lone CR (old Mac exports), outside and inside quoted fields alike,
//   so line numbers always count what an editor shows. Inside a quoted field the bytes are kept
//   as written.
// - Columns count bytes, not characters: the input may not even be valid UTF-8, and bytes are what
//   every editor's "go to column" can reach.
// - Bytes are passed through untouched (invalid UTF-8 included) except NUL, which no text field
//   holds on purpose: it is kept but reported.
// - Recovery: a quote inside an unquoted field is kept as data; text after a closing quote is
//   appended to the field as written; an unterminated quoted field runs to the end of the input.
#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/util/byte_reader.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dutycalc::manifest {

namespace {
constexpr char k_quote = '"';

// Bytes that end a run of ordinary bytes inside a quoted field.
constexpr std::array<bool, 256> k_quoted_stops = [] {
  std::array<bool, 256> stops{};
  stops[static_cast<unsigned char>(k_quote)] = true;
  stops['\r'] = true;
  stops['\n'] = true;
  stops[0] = true;
  return stops;
}();

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

int next_line(int line) { return line < INT_MAX ? line + 1 : line; }

// 1-based column of byte `at` on the line starting at `line_start`; saturates instead of
// overflowing on absurdly long lines.
int column_at(std::size_t at, std::size_t line_start) {
  const std::size_t offset = at - line_start;
  return offset < static_cast<std::size_t>(INT_MAX) ? static_cast<int>(offset) + 1 : INT_MAX;
}
} // namespace

CsvReader::CsvReader(std::istream& input, std::string display_name, char delimiter)
    : m_input(input), m_display_name(std::move(display_name)), m_delimiter(delimiter) {
  if (delimiter == k_quote || is_line_end(delimiter) || delimiter == '\0')
    throw Error(fmt::format("the delimiter cannot be a quote, a line end or NUL"));
  m_stops = k_quoted_stops;
  m_stops[static_cast<unsigned char>(delimiter)] = true;
}

void CsvReader::fill() {
  const std::size_t pending = m_end - m_pos;
  if (m_pos > 0 && pending > 0) std::memmove(m_buffer.data(), m_buffer.data() + m_pos, pending);
  m_pos = 0;
  m_end = pending;
  // Asking for at least as much as is pending doubles the window on every rescan of a long
  // record, so scanning it stays linear in its length.
  const std::size_t want = std::max(m_block_size, pending);
  if (m_buffer.size() < pending + want) m_buffer.resize(pending + want);
  m_input.read(m_buffer.data() + pending, static_cast<std::streamsize>(want));
  const auto got = static_cast<std::size_t>(m_input.gcount());
  m_end += got;
  if (got < want) {
    if (m_input.bad()) throw Error(SourceLocation{m_display_name, 0, 0}, "read error");
    m_eof = true;
  }
}

void CsvReader::skip_byte_order_mark() {
  while (m_end - m_pos < 3 && !m_eof) fill();
  if (m_end - m_pos >= 3 && std::memcmp(m_buffer.data() + m_pos, "\xEF\xBB\xBF", 3) == 0)
    m_pos += 3;
}

std::size_t CsvReader::line_end_length(std::size_t at) const {
  if (m_buffer[at] == '\n') return 1;
  if (at + 1 < m_end) return m_buffer[at + 1] == '\n' ? 2 : 1;
  return m_eof ? 1 : 0;
}

bool CsvReader::skip_empty_lines() {
  while (m_pos < m_end) {
    if (!is_line_end(m_buffer[m_pos])) return true;
    const std::size_t length = line_end_length(m_pos);
    if (length == 0) return false;
    m_pos += length;
    m_line = next_line(m_line);
  }
  return m_eof;
}

std::size_t CsvReader::next_stop(const char* buffer, std::size_t i, std::size_t end) const {
#if defined(__SSE2__)
  // Sixteen bytes at a time where the processor has SSE2 (every x86-64 does): most fields end
  // within the first sixteen.
  const __m128i delimiter = _mm_set1_epi8(m_delimiter);
  const __m128i quote = _mm_set1_epi8(k_quote);
  const __m128i cr = _mm_set1_epi8('\r');
  const __m128i lf = _mm_set1_epi8('\n');
  const __m128i nul = _mm_setzero_si128();
  for (; i + 16 <= end; i += 16) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(buffer + i));
    const __m128i stops = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiter), _mm_cmpeq_epi8(bytes, quote)),
        _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, cr), _mm_cmpeq_epi8(bytes, lf)),
                     _mm_cmpeq_epi8(bytes, nul)));
    const int mask = _mm_movemask_epi8(stops);
    if (mask != 0) return i + static_cast<std::size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
  }
#endif
  while (i < end && !m_stops[static_cast<unsigned char>(buffer[i])]) ++i;
  return i;
}

bool CsvReader::next(CsvRecord& record) {
  if (!m_started) {
    skip_byte_order_mark();
    m_started = true;
  }
  for (;;) {
    if (!skip_empty_lines()) {
      fill();
      continue;
    }
    if (m_pos == m_end) return false;
    if (scan_record(record) == Scan::record) return true;
    fill();
  }
}

CsvReader::Scan CsvReader::scan_record(CsvRecord& record) {
  record.fields.clear();
  record.columns.clear();
  record.lines.clear();
  // Decoded text is never longer than the raw bytes, so with this much room m_unquoted does not
  // reallocate during the scan and views into it stay valid.
  m_unquoted.clear();
  // (Checked first: this libstdc++ reallocates on any reserve() that differs from the capacity.)
  if (m_unquoted.capacity() < m_end - m_pos) m_unquoted.reserve(m_end - m_pos);
  record.problem.clear();
  record.plain_text = {};
  bool quoted = false;
  record.problem_line = 0;
  record.problem_column = 0;
  // Inlined on purpose: it runs for every field, and a call costs as much as the work.
  const auto add = [&record](const char* data, std::size_t size, int line,
                             int column) __attribute__((always_inline)) {
    record.fields.emplace_back(data, size);
    record.columns.push_back(column);
    record.lines.push_back(line);
  };
  const auto note = [&record](int line, int column, const char* message) {
    if (!record.problem.empty()) return;
    record.problem = message;
    record.problem_line = line;
    record.problem_column = column;
  };

  const char* const buffer = m_buffer.data();
  const std::size_t end = m_end;
  const auto byte = [buffer](std::size_t at) { return static_cast<unsigned char>(buffer[at]); };
  std::size_t i = m_pos;
  int line = m_line;
  std::size_t line_start = m_pos; // records start at a line start (after the BOM on line 1)

  for (;;) {
    const int field_line = line;
    const int field_column = column_at(i, line_start);
    if (i < end && buffer[i] == k_quote) {
      quoted = true;
      ++i;
      const std::size_t content = i;
      bool doubled = false;
      bool closed = false;
      for (;;) {
        while (i < end && !k_quoted_stops[byte(i)]) ++i;
        if (i == end) {
          if (!m_eof) return Scan::need_more;
          break;
        }
        if (buffer[i] == k_quote) {
          if (i + 1 == end && !m_eof) return Scan::need_more;
          if (i + 1 < end && buffer[i + 1] == k_quote) {
            doubled = true;
            i += 2;
            continue;
          }
          closed = true;
          break;
        }
        if (buffer[i] == '\0') {
          note(line, column_at(i, line_start), "NUL byte in field");
          ++i;
          continue;
        }
        const std::size_t length = line_end_length(i);
        if (length == 0) return Scan::need_more;
        i += length;
        line = next_line(line);
        line_start = i;
      }
      const std::size_t content_end = i;
      if (!closed) note(field_line, field_column, "unterminated quoted field");
      else ++i; // the closing quote
      const bool garbage = closed && i < end && buffer[i] != m_delimiter && !is_line_end(buffer[i]);
      if (closed && i == end && !m_eof) return Scan::need_more;
      if (!doubled && !garbage) {
        add(buffer + content, content_end - content, field_line, field_column);
      } else {
        // Decode into the scratch buffer: every quote left in the content is the first of a pair.
        const std::size_t begin = m_unquoted.size();
        for (std::size_t j = content; j < content_end; ++j) {
          m_unquoted.push_back(buffer[j]);
          if (buffer[j] == k_quote) ++j;
        }
        if (garbage) {
          note(line, column_at(i, line_start), "unexpected character after closing quote");
          const std::size_t rest = i;
          while (i < end && buffer[i] != m_delimiter && !is_line_end(buffer[i])) ++i;
          if (i == end && !m_eof) return Scan::need_more;
          m_unquoted.append(buffer + rest, i - rest);
        }
        add(m_unquoted.data() + begin, m_unquoted.size() - begin, field_line, field_column);
      }
    } else {
      const std::size_t start = i;
      for (;;) {
        i = next_stop(buffer, i, end);
        if (i == end) {
          if (!m_eof) return Scan::need_more;
          break;
        }
        if (buffer[i] == m_delimiter || is_line_end(buffer[i])) break;
        note(line, column_at(i, line_start),
             buffer[i] == k_quote ? "quote inside an unquoted field" : "NUL byte in field");
        ++i;
      }
      add(buffer + start, i - start, field_line, field_column);
    }
    // Here i is at a delimiter, at a line end, or at the end of the input.
    if (i < end && buffer[i] == m_delimiter) {
      ++i;
      continue;
    }
    break;
  }

  record.end_line = line;
  record.end_column = column_at(i, line_start);
  if (!quoted && record.problem.empty() && m_delimiter == ',')
    record.plain_text = std::string_view(buffer + m_pos, i - m_pos);
  if (i < end) {
    const std::size_t length = line_end_length(i);
    if (length == 0) return Scan::need_more;
    i += length;
    line = next_line(line);
  }

  record.line = m_line;
  m_pos = i;
  m_line = line;
  return Scan::record;
}

namespace {
// How encode_record() wrote a record: a plain record as its line and its text; any other whole.
enum RecordForm : char { k_plain_form = 'p', k_full_form = 'f' };

template <class T> void put(std::string& out, T value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_text(std::string& out, std::string_view text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

} // namespace

void encode_record(const CsvRecord& record, std::string& out) {
  if (!record.plain_text.empty()) {
    // Everything else follows from the text: one line, no quotes, ',' between fields. The number
    // of fields is kept too, so that the text can be written out without being split.
    out.push_back(k_plain_form);
    put(out, record.line);
    put(out, static_cast<std::uint32_t>(record.fields.size()));
    out.append(record.plain_text);
    return;
  }
  out.push_back(k_full_form);
  for (const int place : {record.line, record.end_line, record.end_column, record.problem_line,
                          record.problem_column})
    put(out, place);
  put_text(out, record.problem);
  put(out, static_cast<std::uint32_t>(record.fields.size()));
  for (std::size_t i = 0; i < record.fields.size(); ++i) {
    put(out, record.lines[i]);
    put(out, record.columns[i]);
    put_text(out, record.fields[i]);
  }
}

namespace {
// Splits a plain record's `text` (on line `line`) at its commas into r's fields, columns and
// lines, as the reader found them: 16 bytes at a time where SSE2 is at hand.
void split_plain_record(std::string_view text, int line, CsvRecord& r) {
  const char* const data = text.data();
  const std::size_t size = text.size();
#if defined(__SSE2__)
  const __m128i comma = _mm_set1_epi8(',');
  const auto commas_at = [&](std::size_t at) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + at));
    return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, comma)));
  };
#endif
  // Counted first, so that the vectors are sized once (usually as for the record before).
  std::size_t count = 1;
  std::size_t i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16)
    for (unsigned mask = commas_at(i); mask != 0; mask &= mask - 1) ++count;
#endif
  for (; i < size; ++i) count += data[i] == ',';
  r.fields.resize(count);
  r.columns.resize(count);
  r.lines.resize(count);
  std::string_view* fields = r.fields.data();
  int* columns = r.columns.data();
  int* lines = r.lines.data();
  std::size_t start = 0;
  const auto field_ends_at = [&](std::size_t end) {
    *fields++ = std::string_view(data + start, end - start);
    *columns++ = column_at(start, 0);
    *lines++ = line;
    start = end + 1;
  };
  i = 0;
#if defined(__SSE2__)
  for (; i + 16 <= size; i += 16)
    for (unsigned mask = commas_at(i); mask != 0; mask &= mask - 1)
      field_ends_at(i + static_cast<std::size_t>(__builtin_ctz(mask)));
#endif
  for (; i < size; ++i)
    if (data[i] == ',') field_ends_at(i);
  field_ends_at(size);
}
} // namespace

std::string_view plain_record_text(std::string_view bytes, std::size_t& fields) {
  ByteReader in(bytes, "a kept manifest record is cut short");
  const auto form = in.get<char>();
  if (form == k_full_form) return {};
  if (form != k_plain_form) throw Error("a kept manifest record is not as written");
  in.get<int>(); // its line
  fields = in.get<std::uint32_t>();
  const std::string_view text = in.rest();
  if (text.empty()) throw Error("a kept manifest record is cut short");
  return text;
}

void OwnedRecord::decode(std::string_view bytes) {
  ByteReader in(bytes, "a kept manifest record is cut short");
  CsvRecord& r = m_record;
  const auto form = in.get<char>();
  if (form == k_plain_form) {
    // Everything but the text follows from it, as encode_record() says.
    const int line = in.get<int>();
    const auto count = in.get<std::uint32_t>();
    m_bytes.assign(in.rest());
    if (m_bytes.empty()) throw Error("a kept manifest record is cut short");
    split_plain_record(m_bytes, line, r);
    if (r.fields.size() != count) throw Error("a kept manifest record is not as written");
    r.plain_text = m_bytes;
    r.line = r.end_line = line;
    r.end_column = column_at(m_bytes.size(), 0);
    r.problem.clear();
    r.problem_line = r.problem_column = 0;
    return;
  }
  r.fields.clear();
  r.columns.clear();
  r.lines.clear();
  if (form != k_full_form) throw Error("a kept manifest record is not as written");
  r.line = in.get<int>();
  r.end_line = in.get<int>();
  r.end_column = in.get<int>();
  r.problem_line = in.get<int>();
  r.problem_column = in.get<int>();
  r.problem.assign(in.text());
  const auto count = in.get<std::uint32_t>();
  // The fields' bytes are fewer than the encoding's: with this much room the views stay valid.
  m_bytes.clear();
  m_bytes.reserve(bytes.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    r.lines.push_back(in.get<int>());
    r.columns.push_back(in.get<int>());
    const std::string_view field = in.text();
    const std::size_t at = m_bytes.size();
    m_bytes.append(field);
    r.fields.emplace_back(m_bytes.data() + at, field.size());
  }
  if (!in.done()) throw Error("a kept manifest record has bytes past its end");
  r.plain_text = {};
}

void OwnedRecord::assign(const CsvRecord& from) {
  m_record.fields.resize(from.fields.size());
  if (!from.plain_text.empty()) {
    // One copy of the record as written; the fields keep their offsets in it.
    m_bytes.assign(from.plain_text);
    for (std::size_t i = 0; i < from.fields.size(); ++i)
      m_record.fields[i] = std::string_view(
          m_bytes.data() + (from.fields[i].data() - from.plain_text.data()), from.fields[i].size());
    m_record.plain_text = m_bytes;
  } else {
    m_bytes.clear();
    for (const std::string_view field : from.fields) m_bytes.append(field);
    std::size_t at = 0;
    for (std::size_t i = 0; i < from.fields.size(); ++i) {
      m_record.fields[i] = std::string_view(m_bytes.data() + at, from.fields[i].size());
      at += from.fields[i].size();
    }
    m_record.plain_text = {};
  }
  m_record.columns = from.columns;
  m_record.lines = from.lines;
  m_record.line = from.line;
  m_record.end_line = from.end_line;
  m_record.end_column = from.end_column;
  m_record.problem = from.problem;
  m_record.problem_line = from.problem_line;
  m_record.problem_column = from.problem_column;
}

} // namespace dutycalc::manifest
