// Sorts more records than a run should hold in memory: records are gathered up to a budget of
// bytes, sorted there and written to a temporary file as a sorted run; at the end the runs are
// merged. Memory stays within the budget (and one read buffer per run merged at once) whatever
// the number of records. Records are byte strings, ordered as std::string_view orders them
// (bytes compared as unsigned, a prefix first): callers write the fields they sort by first, in
// an order-keeping form (put_ordered below). Records are told apart by their first 16 bytes
// where those differ, as two numbers, and compared whole only where they do not: sorts go
// fastest when those bytes vary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc {

// Appends `value` to `out` as 8 bytes, most significant first: such bytes compare as the numbers.
void put_ordered(std::string& out, std::uint64_t value);
// Reads what put_ordered() wrote at the start of `bytes` (at least 8 bytes).
std::uint64_t get_ordered(std::string_view bytes);
// FNV-1a over `text`, continuing from `hash`: records that only need equal keys kept together
// start with their key's hash, so that the sort tells most of them apart by their first bytes.
constexpr std::uint64_t k_hash_start = 0xCBF29CE484222325ull;
std::uint64_t hash_bytes(std::string_view text, std::uint64_t hash = k_hash_start);

class ExternalSorter {
public:
  struct Limits {
    std::size_t memory = std::size_t{4} << 20; // bytes of records gathered before a run is written
    std::size_t fan_in = 32;                   // runs merged at once (each with a read buffer)
    std::size_t read_buffer = std::size_t{64} << 10;
  };
  // `for_what` names what is sorted in messages ("customs entries").
  explicit ExternalSorter(std::string for_what);
  ExternalSorter(std::string for_what, Limits limits);
  ~ExternalSorter();
  ExternalSorter(const ExternalSorter&) = delete;
  ExternalSorter& operator=(const ExternalSorter&) = delete;

  // Adds a record (at most 4 GiB). Throws Error when a run cannot be written.
  void add(std::string_view record);
  // Ends adding: from now on next() gives the records in order. Throws Error on a file error.
  void finish();
  // The next record in order, valid until the next call; false after the last.
  bool next(std::string_view& record);

  std::size_t records() const { return m_records; }
  // Runs written to disk so far, merged runs included (0 while every record is in memory).
  std::size_t runs_written() const { return m_runs_written; }

private:
  struct Run {
    std::uint64_t offset = 0;
    std::uint64_t bytes = 0;
  };
  class RunReader;
  class Merger;
  void sort_gathered();
  void write_gathered_run();
  // Merges `runs` into one new run at the end of the file.
  Run merge_runs(const std::vector<Run>& runs);
  int file();
  void write_all(const char* data, std::size_t size);
  // Throws Error: the file could not be `doing` ("write", "read back"), and the system's reason.
  [[noreturn]] void fail(const char* doing) const;
  std::string fmt_reason(const char* doing) const;

  std::string m_for_what;
  Limits m_limits;
  std::string m_gathered;                // records gathered: each its length (32 bits), then its bytes
  // Each gathered record: its first 16 bytes as two numbers, which order most pairs of records
  // without looking at them, and where its length is in m_gathered.
  struct Gathered {
    std::uint64_t head = 0;
    std::uint64_t next = 0;
    std::uint32_t start = 0;
  };
  std::vector<Gathered> m_starts;
  std::size_t m_next_gathered = 0;       // reading without runs: the next of m_starts
  std::vector<Run> m_runs;
  std::uint64_t m_file_end = 0;
  int m_fd = -1;
  std::unique_ptr<Merger> m_merger;
  std::size_t m_records = 0;
  std::size_t m_runs_written = 0;
  bool m_finished = false;
};

} // namespace dutycalc
