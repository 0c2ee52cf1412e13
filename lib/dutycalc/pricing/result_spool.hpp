// The first pass's records and pricing of every line of a run, kept on disk in input order until
// the second pass writes the lines out: then the second pass reads no manifest again and finishes
// each line with its entry's charges instead of pricing it again. Memory stays the same whatever
// the manifest's length.
#pragma once

#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/pricing/line_result.hpp>
#include <dutycalc/util/byte_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::pricing {

// A line's result as bytes, all but its message (which the spool keeps apart: the lines of an
// entry usually share it). Views the result holds (schedule_version, each rule's measure) are kept
// as addresses: the bytes are for reading back in this process, while the schedule and engine
// that priced the line live. `out` is replaced.
void encode_result(const LineResult& result, std::string& out);
// Reads what encode_result() wrote into `out`, whose message, `detail` and `with_rules` are left
// as they are. Throws Error when the bytes are not such an encoding.
void decode_result(std::string_view bytes, LineResult& out);

// What the first pass kept of one line, read back: views into the block it was read with (see
// SpoolBlockReader).
struct KeptLine {
  static constexpr std::uint32_t k_no_entry = 0xFFFFFFFF;
  static constexpr std::uint32_t k_spilled_entry = 0xFFFFFFFE; // an entry kept on disk
  static constexpr std::uint32_t k_single_line_entry = 0xFFFFFFFD; // the line's own entry
  std::string_view record;  // manifest::encode_record() of the line's record
  std::string_view result;  // encode_result() of the line priced up to its duties
  std::string_view message; // that result's message
  // The run's number of the line's customs entry, if it has one: k_no_entry for a line that is not
  // priced; k_spilled_entry and k_single_line_entry for entries the run keeps in files.
  std::uint32_t entry = k_no_entry;
  Decimal value; // with an entry: the line's value in the schedule's currency
};

// The lines of one batch in the spool's form. A batch's block is made where the batch is priced
// (on any thread, all at once with other batches' blocks), then its lines' entries are set and it
// is appended to the spool whole: what takes turns in input order is one write, not the encoding
// of each line. The lines of an entry usually carry the same message: a line's message is kept
// once for the lines after it in the block that have the same.
class SpoolBlock {
public:
  void clear();
  // Adds a line priced up to its duties (no entry yet); its value is `result.value`'s amount.
  void add(const manifest::CsvRecord& record, const LineResult& result);
  // Sets the entry of line `line` (counted from 0 in the order added).
  void set_entry(std::size_t line, std::uint32_t entry);
  std::size_t lines() const { return m_entry_at.size(); }
  // The block as the spool keeps it: the number of lines, then each line.
  std::string_view bytes() const { return m_bytes; }

private:
  std::string m_bytes;
  std::vector<std::size_t> m_entry_at; // where each line's entry number is in m_bytes
  std::size_t m_message_at = 0;        // where the last message written is in m_bytes
  std::size_t m_message_size = 0;
};

// Reads the lines of a block's bytes (SpoolBlock::bytes()) in order, without copying: each line's
// views point into the bytes. Throws Error when the bytes are not such a block.
class SpoolBlockReader {
public:
  explicit SpoolBlockReader(std::string_view bytes);
  std::size_t lines() const { return m_lines; }
  // The next line; throws Error past the last or when the bytes are not as written.
  void next(KeptLine& line);
  // Whether every line and byte has been read.
  bool done() const { return m_read == m_lines && m_in.done(); }

private:
  ByteReader m_in;
  std::size_t m_lines = 0;
  std::size_t m_read = 0;
  std::string_view m_message; // the last line's
};

// An unnamed temporary file of blocks: written in order, then read back once in that order.
class ResultSpool {
public:
  // Throws Error when no temporary file can be made.
  ResultSpool();
  ~ResultSpool();
  ResultSpool(const ResultSpool&) = delete;
  ResultSpool& operator=(const ResultSpool&) = delete;

  // Adds a block. Throws Error when the file cannot be written.
  void append(const SpoolBlock& block);
  // Ends writing; reading starts at the first block. Throws Error when the file cannot be written.
  void rewind();
  // Puts the bytes of the next block in `block` (replaced; see SpoolBlockReader); false when every
  // block has been read. Throws Error when the file cannot be read or ends inside a block.
  bool next(std::string& block);

private:
  // Makes `bytes` more bytes readable from m_pos; false at the end of the file before any.
  bool fill(std::size_t bytes);
  // Makes up to `bytes` more readable from m_pos (fewer at the end of the file); how many.
  std::size_t fill_up_to(std::size_t bytes);

  int m_fd = -1;
  // Reading: its whole size is room, of which [m_pos, m_end) is read and not yet taken (no bytes
  // are cleared before each read).
  std::string m_buffer;
  std::size_t m_pos = 0; // reading: the next byte in m_buffer
  std::size_t m_end = 0; // reading: the end of what was read into m_buffer
  bool m_reading = false;
};

} // namespace dutycalc::pricing
