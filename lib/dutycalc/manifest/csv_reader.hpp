// A streaming RFC 4180 CSV reader: UTF-8 with or without a byte-order mark, CRLF or LF, quoted
// fields holding delimiters, quotes and newlines. Records come one at a time; memory does not grow
// with the input's length, only with its longest record.
#pragma once

#include <array>
#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::manifest {

// One record. Fields are views into the reader's buffers, valid until the next call to next().
//
// Places: lines are 1-based physical lines of the input (a line ends at LF, CRLF or a lone CR,
// also inside quoted fields); columns are 1-based byte offsets on that physical line (a UTF-8
// byte-order mark is not counted). A field's column is where its first byte (its opening quote,
// for a quoted field) stands.
struct CsvRecord {
  std::vector<std::string_view> fields;
  std::vector<int> columns; // column where each field starts; same size as `fields`
  std::vector<int> lines;   // physical line where each field starts (after an embedded newline it
                            // differs from `line`); same size as `fields`
  // The record exactly as written when that is also how a CSV writer would write its fields: no
  // field quoted, nothing reported, ',' the delimiter. Then the fields are views into it and a
  // writer may copy it whole. Empty otherwise.
  std::string_view plain_text;
  int line = 0;             // 1-based physical line where the record starts
  int end_line = 0;         // the place just after the record's last byte (before its line end):
  int end_column = 0;       // where a missing field would have started
  // A syntax problem in this record (unterminated quote, quote inside an unquoted field, NUL byte,
  // text after a closing quote): empty when well-formed. Only the first problem is kept; the
  // fields hold what could be read.
  std::string problem;
  int problem_line = 0;
  int problem_column = 0;
};

// A record that owns its bytes: a copy of one the reader returned, valid past the reader's next
// call to next(). Batches of records priced on several threads are kept this way. Copying reuses
// the memory of the previous copy.
class OwnedRecord {
public:
  OwnedRecord() = default;
  // Copies (and moves, which copy) re-point the fields at the new object's own bytes: a member-
  // wise copy would leave them pointing into the source's.
  OwnedRecord(const OwnedRecord& other) { assign(other.m_record); }
  OwnedRecord& operator=(const OwnedRecord& other) {
    if (this != &other) assign(other.m_record);
    return *this;
  }
  ~OwnedRecord() = default;

  // Copies `from`, which must not be this object's own record.
  void assign(const CsvRecord& from);
  // The record encode_record() wrote into `bytes` (which may be dropped afterwards). Throws Error
  // when `bytes` is not such an encoding.
  void decode(std::string_view bytes);
  const CsvRecord& record() const { return m_record; }

private:
  std::string m_bytes;
  CsvRecord m_record;
};

// Appends `record` to `out` as bytes that OwnedRecord::decode() reads back: a run's first pass
// keeps every record this way, so that its second pass need not read the manifest again (a pipe
// or a process substitution can be read once only). A plain record takes its line number and its
// text; others everything, field by field.
void encode_record(const CsvRecord& record, std::string& out);
// The text of a plain record encode_record() wrote into `bytes`, and its number of fields, without
// splitting it (what OwnedRecord::decode() would give as plain_text and fields.size()); an empty
// text for a record that is not plain. Throws Error when `bytes` is not such an encoding.
std::string_view plain_record_text(std::string_view bytes, std::size_t& fields);

class CsvReader {
public:
  // Reads from `input`; `display_name` is the file name that messages use ("<stdin>" for stdin).
  // Throws Error when `delimiter` is '"', CR or LF, which would make records ambiguous.
  CsvReader(std::istream& input, std::string display_name, char delimiter = ',');

  // Reads the next record; false at the end of input. Empty lines are skipped (a line holding only
  // spaces is a record with one field). Throws Error only when the stream reports a read error.
  bool next(CsvRecord& record);

  const std::string& display_name() const { return m_display_name; }

  // How many bytes each read asks the stream for (64 KiB by default). Tests set 1 to put a block
  // boundary between every two bytes.
  void set_block_size(std::size_t bytes) { m_block_size = bytes == 0 ? 1 : bytes; }

private:
  enum class Scan { record, need_more };
  // Reads one more block, keeping the unconsumed bytes; sets m_eof at the end of input.
  void fill();
  void skip_byte_order_mark();
  // Skips empty lines; false when more bytes are needed to decide.
  bool skip_empty_lines();
  // Length of the line end at `at` (1 or 2 bytes), or 0 when a CR is the last byte read so far
  // and the next byte decides between CR and CRLF.
  std::size_t line_end_length(std::size_t at) const;
  // Scans the record at m_pos into `record`. On need_more nothing is consumed: the scan restarts
  // from the record's start once more bytes are in (reads grow with the record, so rescans stay
  // linear in its length).
  Scan scan_record(CsvRecord& record);
  // The first byte at or after `i` (before `end`) that ends a run of ordinary bytes in an
  // unquoted field (m_stops), or `end`.
  std::size_t next_stop(const char* buffer, std::size_t i, std::size_t end) const;

  std::istream& m_input;
  std::string m_display_name;
  char m_delimiter;
  std::size_t m_block_size = std::size_t{64} * 1024;
  std::string m_buffer;   // raw bytes; [m_pos, m_end) not yet consumed
  std::size_t m_pos = 0;
  std::size_t m_end = 0;
  std::string m_unquoted; // decoded quoted fields of the current record (those with "")
  std::array<bool, 256> m_stops{}; // bytes that end a run of ordinary bytes in an unquoted field
  int m_line = 1;
  bool m_eof = false;
  bool m_started = false;
};

} // namespace dutycalc::manifest
