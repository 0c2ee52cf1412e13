// A streaming RFC 4180 CSV reader: UTF-8 with or without a byte-order mark, CRLF or LF, quoted
// fields holding delimiters, quotes and newlines. Records come one at a time; memory does not grow
// with the input's length.
#pragma once

#include <cstddef>
#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::manifest {

// One record. Fields are views into the reader's buffer, valid until the next call to next().
struct CsvRecord {
  std::vector<std::string_view> fields;
  std::vector<int> columns; // 1-based column (in characters of the record's first line... see
                            // csv_reader.cpp) where each field starts; same size as `fields`
  int line = 0;             // 1-based physical line where the record starts
  // A syntax problem in this record (unterminated quote, quote inside an unquoted field):
  // empty when well-formed. The record's fields hold what could be read.
  std::string problem;
  int problem_line = 0;
  int problem_column = 0;
};

class CsvReader {
public:
  // Reads from `input`; `display_name` is the file name that messages use ("<stdin>" for stdin).
  CsvReader(std::istream& input, std::string display_name, char delimiter = ',');

  // Reads the next record; false at the end of input. Blank lines are skipped.
  bool next(CsvRecord& record);

  const std::string& display_name() const { return m_display_name; }

private:
  bool fill();
  std::istream& m_input;
  std::string m_display_name;
  char m_delimiter;
  std::string m_buffer;      // raw bytes read, not yet consumed
  std::size_t m_pos = 0;     // read position in m_buffer
  std::string m_unquoted;    // decoded text of quoted fields of the current record
  int m_line = 1;
  bool m_eof = false;
  bool m_started = false;
};

} // namespace dutycalc::manifest
