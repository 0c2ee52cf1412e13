// The first pass's records and pricing of every line of a run, kept on disk in input order until
// the second pass writes the lines out: then the second pass reads no manifest again and finishes
// each line with its entry's charges instead of pricing it again. Memory stays the same whatever
// the manifest's length.
#pragma once

#include <dutycalc/pricing/line_result.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace dutycalc::pricing {

// A line's result as bytes, all but its message (which the spool keeps apart: the lines of an
// entry usually share it). Views the result holds (schedule_version, each rule's measure) are kept
// as addresses: the bytes are for reading back in this process, while the schedule and engine
// that priced the line live. `out` is replaced.
void encode_result(const LineResult& result, std::string& out);
// Reads what encode_result() wrote into `out`, whose message, `detail` and `with_rules` are left
// as they are. Throws Error when the bytes are not such an encoding.
void decode_result(std::string_view bytes, LineResult& out);

// What the first pass keeps of one line for the second.
struct SpooledLine {
  static constexpr std::uint32_t k_no_entry = 0xFFFFFFFF;
  std::string record;  // manifest::encode_record() of the line's record
  std::string result;  // encode_result() of the line priced up to its duties
  std::string message; // that result's message
  std::uint32_t entry = k_no_entry; // the run's number of the line's customs entry, if it has one
  Decimal value; // with an entry: the line's value in the schedule's currency
};

// An unnamed temporary file of lines: written in order, then read back once in that order.
class ResultSpool {
public:
  // Throws Error when no temporary file can be made.
  ResultSpool();
  ~ResultSpool();
  ResultSpool(const ResultSpool&) = delete;
  ResultSpool& operator=(const ResultSpool&) = delete;

  // Adds one line. Throws Error when the file cannot be written.
  void append(const SpooledLine& line);
  // Ends writing; reading starts at the first line. Throws Error when the file cannot be written.
  void rewind();
  // The next line; false when every line has been read. Throws Error when the file cannot be
  // read or ends inside a line.
  bool next(SpooledLine& line);
  // The same without copying messages: when the line's message is the line before's,
  // `same_message` is set and line.message is left as it was.
  bool next(SpooledLine& line, bool& same_message);

private:
  void flush();
  // Makes `bytes` more bytes readable from m_pos; false at the end of the file before any.
  bool fill(std::size_t bytes);
  // Makes up to `bytes` more readable from m_pos (fewer at the end of the file); how many.
  std::size_t fill_up_to(std::size_t bytes);

  int m_fd = -1;
  // Writing: the bytes not yet written to the file. Reading: its whole size is room, of which
  // [m_pos, m_end) is read and not yet taken (no bytes are cleared before each read).
  std::string m_buffer;
  std::size_t m_pos = 0; // reading: the next byte in m_buffer
  std::size_t m_end = 0; // reading: the end of what was read into m_buffer
  std::string m_last_message;
  bool m_reading = false;
};

} // namespace dutycalc::pricing
