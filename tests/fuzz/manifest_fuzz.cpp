// libFuzzer entry point for the manifest reader: CSV scanning, header matching and line reading.
// The first input byte picks the delimiter and read block size; the rest is the manifest. Besides
// "no crash", it checks that the records do not depend on how reads split the input, and that
// an OwnedRecord copy of each record equals it (fields, places, problem, plain text) and stays
// valid after the reader moves on, also when the same OwnedRecord held a longer record just
// before, and when OwnedRecords are copied and moved (a batch keeps them in a vector); and that
// encode_record() then OwnedRecord::decode() give each record back, and plain_record_text() a
// plain record's text and number of fields.
#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/manifest/manifest_line.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace {
using namespace dutycalc::manifest;

struct Flat {
  std::vector<std::string> fields;
  std::vector<int> columns, lines;
  int line, end_line, end_column, problem_line, problem_column;
  std::string problem;
  std::string plain_text;
  bool operator==(const Flat&) const = default;
};

Flat flatten(const CsvRecord& record) {
  // A plain record's text is its fields joined by commas, and the fields are views into it.
  if (!record.plain_text.empty()) {
    std::string joined;
    for (std::size_t i = 0; i < record.fields.size(); ++i) {
      if (i > 0) joined.push_back(',');
      joined.append(record.fields[i]);
      const char* text = record.plain_text.data();
      if (record.fields[i].data() < text ||
          record.fields[i].data() + record.fields[i].size() > text + record.plain_text.size())
        std::abort();
    }
    if (joined != record.plain_text) std::abort();
  }
  return {{record.fields.begin(), record.fields.end()}, record.columns, record.lines,
          record.line, record.end_line, record.end_column, record.problem_line,
          record.problem_column, record.problem, std::string(record.plain_text)};
}

// `record` with every field twice as long (its bytes repeated) and one field more: a record
// that needs more room than `record` in an OwnedRecord.
struct Longer {
  std::vector<std::string> storage;
  CsvRecord record;
  explicit Longer(const CsvRecord& from) : record(from) {
    for (const std::string_view field : from.fields)
      storage.push_back(std::string(field) + std::string(field));
    storage.emplace_back("an extra field, longer than the small-string buffer");
    record.fields.assign(storage.begin(), storage.end());
    record.columns.push_back(from.end_column);
    record.lines.push_back(from.end_line);
    record.problem += " (longer)";
    record.plain_text = {}; // no longer the record as written
  }
};

void check_owned_copies(const CsvRecord& record, OwnedRecord& reused,
                        std::vector<OwnedRecord>& kept) {
  const Flat expected = flatten(record);
  // The same OwnedRecord for every record of the input: shorter and longer ones in turn.
  reused.assign(record);
  if (flatten(reused.record()) != expected) std::abort();
  // A longer record, then this (shorter) one, in one OwnedRecord.
  const Longer longer(record);
  OwnedRecord cycled;
  cycled.assign(record);
  cycled.assign(longer.record);
  if (flatten(cycled.record()) != flatten(longer.record)) std::abort();
  cycled.assign(record);
  if (flatten(cycled.record()) != expected) std::abort();
  // Kept as bytes and read back (a run's first pass keeps every record so), also into an
  // OwnedRecord that held a longer record.
  std::string bytes;
  encode_record(record, bytes);
  OwnedRecord decoded;
  decoded.decode(bytes);
  if (flatten(decoded.record()) != expected) std::abort();
  decoded.assign(longer.record);
  decoded.decode(bytes);
  if (flatten(decoded.record()) != expected) std::abort();
  // A plain record's text and number of fields, read without splitting it (the second pass
  // writes a plain CSV record from these).
  std::size_t fields = 0;
  const std::string_view plain = dutycalc::manifest::plain_record_text(bytes, fields);
  if (plain != record.plain_text) std::abort();
  if (!plain.empty() && fields != record.fields.size()) std::abort();
  // Copies outlive the reader's buffers and the vector's reallocations (checked at the end).
  kept.push_back(cycled);
}

std::vector<Flat> read(const std::string& text, char delimiter, std::size_t block) {
  std::istringstream in(text);
  CsvReader reader(in, "fuzz.csv", delimiter);
  reader.set_block_size(block);
  std::vector<Flat> out;
  CsvRecord record;
  std::optional<ColumnMap> columns;
  ManifestLine line;
  OwnedRecord reused;
  std::vector<OwnedRecord> kept;
  while (reader.next(record)) {
    out.push_back(flatten(record));
    if (record.fields.size() != record.columns.size() ||
        record.fields.size() != record.lines.size() || record.line < 1)
      std::abort();
    check_owned_copies(record, reused, kept);
    if (!columns) {
      try {
        columns = ColumnMap::from_header(record, "fuzz.csv");
      } catch (const dutycalc::Error&) {
        columns = ColumnMap();
      }
      continue;
    }
    read_line(record, *columns, line);
    if (line.problem && (line.problem->line < 1 || line.problem->message.empty())) std::abort();
  }
  for (std::size_t i = 0; i < kept.size(); ++i)
    if (flatten(kept[i].record()) != out[i]) std::abort();
  return out;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const char delimiters[] = {',', ';', '\t', '|'};
  const char delimiter = delimiters[data[0] % 4];
  const std::size_t block = std::size_t{1} + (data[0] >> 2) % 8;
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  if (read(text, delimiter, block) != read(text, delimiter, 65536)) std::abort();
  return 0;
}
