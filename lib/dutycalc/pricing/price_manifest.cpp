#include <dutycalc/pricing/price_manifest.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/manifest/csv_reader.hpp>
#include <dutycalc/pricing/entry_index.hpp>
#include <dutycalc/pricing/entry_state.hpp>
#include <dutycalc/pricing/result_spool.hpp>
#include <dutycalc/pricing/single_line_entries.hpp>
#include <dutycalc/pricing/spilled_entries.hpp>
#include <dutycalc/quota/allocation.hpp>
#include <dutycalc/util/byte_reader.hpp>
#include <dutycalc/util/standard_input.hpp>
#include <dutycalc/util/worker_pool.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <iterator>
#include <iostream>
#include <limits>
#include <optional>
#include <type_traits>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace dutycalc::pricing {

namespace {

// Where a failed line's message points: the field's own place when the problem is about one
// field (line and column, since a quoted field may span lines), otherwise the line's start.
SourceLocation problem_place(const manifest::CsvRecord& record, const manifest::ColumnMap& columns,
                             const manifest::ManifestLine& line, const LineResult& result,
                             const std::string& file) {
  if (line.problem) return {file, line.problem->line, line.problem->column};
  if (result.problem_column != manifest::Column::count_) {
    const int index = columns.index_of(result.problem_column);
    if (index >= 0 && static_cast<std::size_t>(index) < record.columns.size()) {
      const auto i = static_cast<std::size_t>(index);
      return {file, record.lines[i], record.columns[i]};
    }
  }
  return {file, record.line, 1};
}


// Reads the header of a manifest; throws when there is none or it is unusable.
manifest::ColumnMap read_header(manifest::CsvReader& reader, manifest::CsvRecord& record,
                                const std::string& display_name) {
  if (!reader.next(record))
    throw Error(SourceLocation{display_name, 1, 1},
                "manifest is empty: expected a header row naming hs_code, origin and value");
  if (!record.problem.empty())
    throw Error(SourceLocation{display_name, record.problem_line, record.problem_column},
                record.problem);
  return manifest::ColumnMap::from_header(record, display_name);
}

// The name of the entry of a line without one (an entry of its own) where the quota ledger needs
// it: its file and line.
void single_line_key(const manifest::ManifestLine& line, const std::string& display_name,
                     std::string& out) {
  out.clear();
  fmt::format_to(std::back_inserter(out), "{}:{}", display_name, line.line);
}

// Runs `read(input)` on the manifest `source`: its file, or standard input for "-". Each source is
// opened once: the second pass of a run reads what the first kept (a pipe or a process
// substitution can be read once only).
template <class Read> void read_manifest(const ManifestSource& source, Read read) {
  if (source.path == "-") return read(standard_input());
  std::ifstream file(source.path, std::ios::binary);
  if (!file) throw Error(SourceLocation{source.display_name}, "cannot read: no such file or not readable");
  read(static_cast<std::istream&>(file));
}

// The entry of the line before: the lines of an entry usually follow each other, so it is tried
// before the index.
class RecentEntry {
public:
  // The entry of `key`, from `lookup(key)` unless it is the previous line's.
  template <class Lookup> std::uint32_t of(const std::string& key, Lookup lookup) {
    if (m_entry == EntryIndex::k_none || key != m_key) {
      m_entry = lookup(key);
      m_key = key;
    }
    return m_entry;
  }

private:
  std::string m_key;
  std::uint32_t m_entry = EntryIndex::k_none;
};

const schedule::DeMinimis* de_minimis_of(const schedule::Schedule& schedule, const EntryState& entry) {
  return entry.de_minimis ? &schedule.de_minimis[entry.de_minimis - 1u] : nullptr;
}

// 1 + the index of the de minimis rule for goods of `origin` on `date`; 0 when none.
std::uint16_t de_minimis_for(const schedule::Schedule& schedule, schedule::CountryCode origin,
                             Date date) {
  for (std::size_t i = 0; i < schedule.de_minimis.size() && i < 0xFFFE; ++i) {
    const schedule::DeMinimis& d = schedule.de_minimis[i];
    if (d.window.contains(date) && d.origins.matches(origin, date))
      return static_cast<std::uint16_t>(i + 1);
  }
  return 0;
}

// de_minimis_for() of the line before, kept: an entry's lines share their origin and date.
class RecentDeMinimis {
public:
  std::uint16_t of(const schedule::Schedule& schedule, schedule::CountryCode origin, Date date) {
    if (!m_known || !schedule::same_country(origin, m_origin) || date != m_date) {
      m_rule = de_minimis_for(schedule, origin, date);
      m_origin = origin;
      m_date = date;
      m_known = true;
    }
    return m_rule;
  }

private:
  bool m_known = false;
  schedule::CountryCode m_origin{};
  Date m_date;
  std::uint16_t m_rule = 0;
};

// Counts a priced line of `value`, from `origin`, entering on `date` by `mode`, in `entry`: its
// first line gives the entry its date and mode, and the entry may be de minimis only when each of
// its lines' origins has a de minimis rule on that date (the lowest threshold counts).
void count_line(const schedule::Schedule& schedule, EntryState& entry, Decimal value, Date date,
                manifest::TransportMode mode, schedule::CountryCode origin,
                RecentDeMinimis& de_minimis) {
  if (!entry.started) {
    entry.started = true;
    entry.date = date;
    entry.mode = mode;
  }
  entry.set_total(entry.total() + value);
  ++entry.lines_left;
  const std::uint16_t d = de_minimis.of(schedule, origin, entry.date);
  if (!d) entry.de_minimis_possible = false;
  else if (!entry.de_minimis ||
           schedule.de_minimis[d - 1u].threshold < de_minimis_of(schedule, entry)->threshold)
    entry.de_minimis = d;
}

// Takes a line that was counted back out of its entry's value and lines (a line an absolute
// quota refuses is not priced).
void uncount_line(EntryState& entry, Decimal value) {
  entry.set_total(entry.total() - value);
  --entry.lines_left;
}

// An entry is de minimis when all its lines can be, and its total is within the threshold.
void settle_de_minimis(const schedule::Schedule& schedule, EntryState& entry) {
  if (!entry.de_minimis_possible || !entry.de_minimis ||
      entry.total() > de_minimis_of(schedule, entry)->threshold)
    entry.de_minimis = 0;
}

// An entry's fee on its total value: bounded, then rounded (the entry rounding point). Throws
// Error when the fee's rate cannot be worked out on a value.
Decimal entry_fee(const schedule::Schedule& schedule, const schedule::Fee& fee, Decimal total) {
  Decimal amount;
  if (fee.amount) {
    amount = *fee.amount;
  } else {
    rate::EvaluationContext context;
    context.value = total;
    context.currency = schedule.currency;
    const rate::Evaluation evaluation = rate::evaluate(*fee.rate, context);
    if (!evaluation.ok) throw Error(fee.origin.where, fmt::format("fee {}: {}", fee.id, evaluation.error));
    amount = evaluation.amount;
    if (fee.minimum && amount < *fee.minimum) amount = *fee.minimum;
    if (fee.maximum && amount > *fee.maximum) amount = *fee.maximum;
  }
  const schedule::Rounding& r = schedule.rounding;
  return round(amount, r.places, r.mode);
}

// The fees of an entry whose lines are being written, and the shares of them written so far.
// Kept only from the entry's first line to its last.
struct OpenEntry {
  std::vector<EntryCharges::FeeShare> totals;
  std::vector<Decimal> allocated;
};

// The entries whose lines are being written. Their memory is reused from one entry to the next,
// and the entry of the line before is found without a lookup (an entry's lines usually follow
// each other). Entries are numbered in the order of their first lines, which is the order they
// open in, and most close soon after: so an open entry's place is kept in a window of entry
// numbers, from the lowest open one to the highest opened, instead of a hash map.
class OpenEntries {
public:
  // Entry `e`, opened (with no fees) when it was not open; `opened` says whether it was.
  OpenEntry& open(std::uint32_t e, bool& opened) {
    opened = false;
    if (e == m_last_entry) return m_pool[m_last_slot];
    std::uint32_t& slot = place_of(e);
    if (slot == k_closed) {
      opened = true;
      if (m_free.empty()) {
        slot = static_cast<std::uint32_t>(m_pool.size());
        m_pool.emplace_back();
      } else {
        slot = m_free.back();
        m_free.pop_back();
      }
      OpenEntry& entry = m_pool[slot];
      entry.totals.clear();
      entry.allocated.clear();
    }
    m_last_entry = e;
    m_last_slot = slot;
    return m_pool[slot];
  }
  // Closes entry `e` (open).
  void close(std::uint32_t e) {
    std::uint32_t& slot = place_of(e);
    m_free.push_back(slot);
    slot = k_closed;
    if (m_last_entry == e) m_last_entry = EntryIndex::k_none;
    // The window starts at the lowest entry still open.
    while (!m_window.empty() && m_window.front() == k_closed) {
      m_window.pop_front();
      ++m_first;
    }
  }

private:
  static constexpr std::uint32_t k_closed = 0xFFFFFFFF;
  // Where entry e's place is kept, the window grown to take it (k_closed when it is not open).
  std::uint32_t& place_of(std::uint32_t e) {
    if (m_window.empty()) m_first = e;
    // An entry below the window (one whose first lines were refused by an absolute quota may open
    // after later entries) grows it at the front.
    for (; e < m_first; --m_first) m_window.push_front(k_closed);
    while (e - m_first >= m_window.size()) m_window.push_back(k_closed);
    return m_window[e - m_first];
  }

  std::deque<std::uint32_t> m_window; // the place in m_pool of entries m_first, m_first + 1, ...
  std::uint32_t m_first = 0;
  std::vector<OpenEntry> m_pool;
  std::vector<std::uint32_t> m_free;
  std::uint32_t m_last_entry = EntryIndex::k_none;
  std::uint32_t m_last_slot = 0;
};

void compute_entry_fees(const schedule::Schedule& schedule, const EntryState& entry, OpenEntry& out) {
  for (const schedule::Fee& fee : schedule.fees) {
    if (!fee.applies(entry.total(), entry.mode, entry.date)) continue;
    out.totals.push_back({&fee, entry_fee(schedule, fee, entry.total())});
    out.allocated.push_back(Decimal{});
  }
}

// Records are read and priced in batches: reading, quota draws, entry shares and writing are
// sequential by nature and happen in input order, one batch at a time; pricing and rendering a
// record depend on nothing but the record and what the sequential steps gave it, so batches are
// priced on several threads at once; output is written in input order. Each thread has one batch
// (see for_each_batch), whose memory it reuses. A batch's records (about 3 KB each with their
// strings) are small enough to stay in the core's 2 MiB L2 cache from reading to writing: 64 of
// them missed a simulated 2 MiB cache 7 times less often than 256 (cachegrind), and one thread
// ran 1,000,000 lines in 4.7 s instead of 6.8.
constexpr std::size_t k_batch_records = 64;

struct BatchSlot {
  manifest::OwnedRecord record;
  manifest::ManifestLine line;
  LineResult result;
  const quota::QuotaDraw* draw = nullptr; // second pass: `drawn`, when the line drew on a quota
  quota::QuotaDraw drawn;
  const quota::Quota* claim = nullptr; // first pass: the quota a priced line would draw on
  quota::EncodedClaim encoded_claim;   // first pass: that claim, made ready where it is priced
  std::string claim_key;               // first pass: the key of a line without an entry
  EntryCharges charges;
  bool has_entry = false;
  std::size_t facts_at = 0; // where its code's facts are (Engine::start_prefetch)
  std::string text;       // the rendered record
  std::string diagnostic; // the message of a line that could not be priced
  KeptLine kept; // second pass: what the first kept of the line (views into the batch's block)
};

class Batch {
public:
  // Reads up to k_batch_records records; the number read (0 at the end of input).
  std::size_t read_records(manifest::CsvReader& reader) {
    if (m_slots.size() < k_batch_records) m_slots.resize(k_batch_records);
    std::size_t n = 0;
    while (n < k_batch_records && reader.next(m_scratch)) m_slots[n++].record.assign(m_scratch);
    return n;
  }
  // Reads the next block of the `left` lines the first pass kept in `spool` (the lines of one of
  // its batches), each with its record (encoded: decode_record(i) decodes it); the number read.
  // Throws Error when the spool ends before, or its block is not one of these lines' batches.
  std::size_t read_kept(ResultSpool& spool, std::size_t& left) {
    if (m_slots.size() < k_batch_records) m_slots.resize(k_batch_records);
    if (left == 0) return 0;
    if (!spool.next(m_block_bytes)) throw Error("the first pass kept fewer lines than it read");
    SpoolBlockReader block(m_block_bytes);
    const std::size_t n = block.lines();
    if (n == 0 || n > std::min(left, k_batch_records))
      throw Error("the first pass's temporary file is not as written");
    for (std::size_t i = 0; i < n; ++i) block.next(m_slots[i].kept);
    if (!block.done()) throw Error("the first pass's temporary file is not as written");
    left -= n;
    return n;
  }
  // The record of kept line `i` (see read_kept), decoded: not while reading, which is done for
  // one batch at a time, but with the rest of the line's work.
  void decode_record(std::size_t i) { m_slots[i].record.decode(m_slots[i].kept.record); }
  // Reads the line of record `i`.
  void read_line(const manifest::ColumnMap& columns, std::size_t i) {
    manifest::read_line(m_slots[i].record.record(), columns, m_slots[i].line);
  }
  BatchSlot& operator[](std::size_t i) { return m_slots[i]; }
  // Asks for the code facts of the first n records' lines (read already) at once (see
  // Engine::start_prefetch).
  void prefetch_facts(const Engine& engine, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) m_slots[i].facts_at = engine.start_prefetch(m_slots[i].line);
    for (int stage = 1; stage < Engine::k_prefetch_stages; ++stage)
      for (std::size_t i = 0; i < n; ++i) engine.continue_prefetch(m_slots[i].facts_at, stage);
  }
  // First pass: the batch's lines as the spool keeps them.
  SpoolBlock& block() { return m_block; }
  // Room for the rendered texts of the batch's records, to be written at once.
  std::vector<std::string_view>& texts() { return m_texts; }

private:
  std::vector<BatchSlot> m_slots;
  std::vector<std::string_view> m_texts;
  SpoolBlock m_block;
  std::string m_block_bytes; // second pass: the block the kept lines are read from
  manifest::CsvRecord m_scratch;
};

// The turns of one stage of for_each_batch: batch k may enter when the count is k.
class StageTurns {
public:
  static constexpr std::size_t k_stopped = static_cast<std::size_t>(-1);
  // Waits for batch k's turn; false when the loop stops instead.
  bool wait_for(std::size_t k) {
    for (int spin = 0;; ++spin) {
      const std::size_t now = m_next.load(std::memory_order_acquire);
      if (now == k) return true;
      if (now == k_stopped) return false;
      // The other threads are busy too, so a turn usually comes soon: spin a little first.
      if (spin < 2000) {
#if defined(__SSE2__)
        _mm_pause();
#endif
      } else {
        m_next.wait(now, std::memory_order_acquire);
      }
    }
  }
  // Batch k is done with the stage: the next batch's turn.
  void pass(std::size_t k) {
    std::size_t expected = k;
    if (m_next.compare_exchange_strong(expected, k + 1, std::memory_order_acq_rel)) m_next.notify_all();
  }
  void stop() {
    m_next.store(k_stopped, std::memory_order_release);
    m_next.notify_all();
  }

private:
  std::atomic<std::size_t> m_next{0};
};

// Runs the records `read(batch)` gives (up to k_batch_records each call, 0 at the end) in
// batches, in input order. For each batch of n records: `before(batch, n)` (the records are read,
// their lines not: `work` reads those it needs), then `work(batch, n)`, then `after(batch, n)`,
// which returns false to stop. Reading, `before` and `after` run for one batch at a time, in
// input order; `work` for different batches at once.
//
// Each of the pool's threads takes whole batches in turn (thread t the batches t, t + threads, ...),
// so that a batch's records stay in the cache of the core that reads, prices and writes them;
// threads wait only for their turn at the three ordered steps. A read error ends the input there:
// every batch read before it is still run and handed on, then the error is thrown.
template <class Read, class Before, class Work, class After>
void for_each_batch(Read read_batch, WorkerPool& pool, Before before, Work work, After after) {
  const unsigned threads = pool.threads();
  if (threads == 1) {
    Batch batch;
    while (const std::size_t n = read_batch(batch)) {
      before(batch, n);
      work(batch, n);
      if (!after(batch, n)) return;
    }
    return;
  }
  StageTurns reading, preparing, handing_on;
  const auto stop_all = [&] {
    reading.stop();
    preparing.stop();
    handing_on.stop();
  };
  std::exception_ptr read_error;
  // How many batches there are, once the input has ended (the first batch that reads nothing).
  std::atomic<std::size_t> batches{std::numeric_limits<std::size_t>::max()};
  pool.run_each([&](unsigned t) {
    Batch batch;
    try {
      for (std::size_t k = t;; k += threads) {
        if (!reading.wait_for(k)) return;
        std::size_t n = 0;
        if (k < batches.load(std::memory_order_relaxed)) {
          try {
            n = read_batch(batch);
          } catch (...) {
            read_error = std::current_exception();
          }
          if (n == 0) batches.store(k, std::memory_order_relaxed);
        }
        reading.pass(k);
        if (n == 0) return;
        if (!preparing.wait_for(k)) return;
        before(batch, n);
        preparing.pass(k);
        work(batch, n);
        if (!handing_on.wait_for(k)) return;
        if (!after(batch, n)) {
          stop_all();
          return;
        }
        handing_on.pass(k);
      }
    } catch (...) {
      stop_all();
      throw;
    }
  });
  if (read_error) std::rethrow_exception(read_error);
}

// What a claim carries through the draws for the run: its line's entry (its number, or
// KeptLine::k_spilled_entry or k_single_line_entry) and value.
struct ClaimPayload {
  std::uint32_t entry = 0;
  Decimal value;
  void append_to(std::string& out) const {
    append_bytes(out, entry);
    append_bytes(out, value);
  }
  static ClaimPayload read(std::string_view bytes) {
    ByteReader in(bytes, "the temporary file of quota claims is not as written");
    ClaimPayload payload{in.get<std::uint32_t>(), in.get<Decimal>()};
    if (!in.done()) throw Error("the temporary file of quota claims is not as written");
    return payload;
  }
};

// What the first pass decided for the second: quota draws and customs entries, by record, and
// each record with its line priced up to its duties (the second pass finishes the lines that draw
// on no quota with their entries' charges; those that draw are priced again with their draws).
struct RunPlan {
  ResultSpool results;
  struct Manifest {
    manifest::ColumnMap columns;
    std::size_t records = 0;
  };
  std::vector<Manifest> manifests; // as the first pass read them
  // The lines that draw on quotas, with their entries' numbers and their values (see
  // ClaimPayload), kept on disk; after the draws, read back in record order.
  quota::Allocation allocation;
  quota::DrawnClaim next_draw; // the next line's draw, read ahead
  bool next_draw_read = false;
  bool next_draw_left = false;
  // Second pass: puts the draw of line `record` in `draw`; false when the line drew none.
  bool take_draw(std::size_t record, quota::QuotaDraw& draw) {
    if (!next_draw_read) {
      next_draw_left = allocation.next(next_draw);
      next_draw_read = true;
    }
    if (!next_draw_left || next_draw.record != record) return false;
    draw = next_draw.draw;
    next_draw_read = false;
    return true;
  }
  // The lines an absolute quota refuses, with their values, in record order: not priced, they
  // take no part in their entries. A line takes part in its entry when the first pass kept it with
  // one (KeptLine::entry) and it is not refused.
  std::vector<std::pair<std::uint64_t, Decimal>> refused;
  std::size_t next_refused = 0; // second pass: the first refused line not reached yet
  // Second pass: whether line `record` (kept with an entry) is refused; lines are asked in order.
  bool is_refused(std::uint64_t record) {
    while (next_refused < refused.size() && refused[next_refused].first < record) ++next_refused;
    return next_refused < refused.size() && refused[next_refused].first == record;
  }
  EntryIndex entry_index; // the first pass's only
  std::deque<EntryState> entries; // in blocks: no copy of them all when they outgrow a block
  OpenEntries open; // entries with lines written and lines left
  // The entries past those kept in memory. In the second pass such an entry is held from its
  // first line to its last only, by its first line's record, and numbered (for `open`) after the
  // entries in memory, in the order they open.
  SpilledEntries spilled;
  SingleLineEntries single_lines; // the entries of lines without an entry column
  struct OpenSpilled {
    std::uint32_t number = 0;
    EntryState state;
  };
  std::unordered_map<std::uint64_t, OpenSpilled> open_spilled;
  std::uint64_t next_spilled_number = 0; // the number of the next entry kept on disk to open
};

// Between the passes: what each entry kept on disk comes to, from its lines read back by entry,
// `settle`d as the entries in memory are; then a note for each of its priced lines (see
// SpilledEntries). `refused`: the lines an absolute quota refuses (RunPlan::refused), with their
// values, in record order; they are counted and then taken out again, as for an entry in
// memory, so that they still give the entry its date, mode and de minimis rule.
template <class Settle>
void settle_spilled_entries(const schedule::Schedule& schedule, SpilledEntries& spilled,
                            const std::vector<std::pair<std::uint64_t, Decimal>>& refused,
                            Settle settle) {
  const auto is_refused = [&refused](std::uint64_t record) {
    const auto at = std::lower_bound(refused.begin(), refused.end(), record,
                                     [](const auto& r, std::uint64_t x) { return r.first < x; });
    return at != refused.end() && at->first == record ? &*at : nullptr;
  };
  spilled.sort_lines();
  RecentDeMinimis de_minimis;
  std::string key;        // the entry's
  bool reading = false;   // whether an entry is being read
  EntryState entry;
  std::uint64_t entry_record = 0;          // the record of its first line
  std::optional<std::uint64_t> first_priced; // the record of its first priced line
  std::vector<Decimal> refused_values;     // of its lines
  const auto finish_entry = [&] {
    for (const Decimal value : refused_values) uncount_line(entry, value);
    settle(entry);
    if (first_priced) spilled.note_line(*first_priced, {entry_record, entry});
  };
  SpilledLine line;
  while (spilled.next_line(line)) {
    if (!reading || line.key != key) {
      if (reading) finish_entry();
      reading = true;
      key.assign(line.key);
      entry = EntryState{};
      entry_record = line.record;
      first_priced.reset();
      refused_values.clear();
    }
    count_line(schedule, entry, line.value, line.date, line.mode, line.origin, de_minimis);
    if (const auto* r = is_refused(line.record)) {
      refused_values.push_back(r->second);
      continue;
    }
    if (!first_priced) first_priced = line.record;
    else spilled.note_line(line.record, {entry_record, std::nullopt});
  }
  if (reading) finish_entry();
  spilled.sort_notes();
}

// This line's share of its entry's fees: in proportion to value, the last priced line of the
// entry taking what is left so that the shares add up to the entry's fee exactly.
// `e` is the entry's number in `open`.
void share_entry_charges(const schedule::Schedule& schedule, EntryState& entry, std::uint32_t e,
                         OpenEntries& open, Decimal value, EntryCharges& charges) {
  charges.fees.clear();
  charges.de_minimis = de_minimis_of(schedule, entry);
  charges.entry_value = entry.total();
  const bool last = entry.lines_left <= 1;
  if (entry.lines_left > 0) --entry.lines_left;
  if (charges.de_minimis) return; // no fees
  bool first = false;
  OpenEntry& fees = open.open(e, first);
  if (first) compute_entry_fees(schedule, entry, fees);
  const schedule::Rounding& r = schedule.rounding;
  for (std::size_t i = 0; i < fees.totals.size(); ++i) {
    const Decimal total = fees.totals[i].amount;
    Decimal share;
    if (last) share = total - fees.allocated[i];
    else if (!entry.total().is_zero())
      share = round(total.scaled(value, entry.total()), r.places, r.mode);
    fees.allocated[i] += share;
    charges.fees.push_back({fees.totals[i].fee, share});
  }
  if (last) open.close(e);
}

// Second pass: the share of its entry's fees of line `record`, of `value`, whose entry the first
// pass numbered `e` (KeptLine::k_spilled_entry: one kept on disk; k_single_line_entry: the line's
// own).
void share_entry_charges(const schedule::Schedule& schedule, RunPlan& plan, std::uint64_t record,
                         std::uint32_t e, Decimal value, EntryCharges& charges) {
  if (e == KeptLine::k_single_line_entry) {
    // Opened and closed at its one line.
    EntryState entry = plan.single_lines.entry_of(record).state(false);
    settle_de_minimis(schedule, entry);
    if (plan.next_spilled_number >= EntryIndex::k_most)
      throw Error("more than 4,294,967,292 customs entries in one run");
    share_entry_charges(schedule, entry, static_cast<std::uint32_t>(plan.next_spilled_number++),
                        plan.open, value, charges);
    return;
  }
  if (e != KeptLine::k_spilled_entry) {
    share_entry_charges(schedule, plan.entries[e], e, plan.open, value, charges);
    return;
  }
  const SpilledLineEntry note = plan.spilled.entry_of(record);
  auto at = plan.open_spilled.find(note.entry);
  if (note.state) {
    if (at != plan.open_spilled.end())
      throw Error("the temporary file of customs entries is not as written");
    if (plan.next_spilled_number >= EntryIndex::k_most)
      throw Error("more than 4,294,967,292 customs entries in one run");
    at = plan.open_spilled
             .emplace(note.entry, RunPlan::OpenSpilled{
                                      static_cast<std::uint32_t>(plan.next_spilled_number++),
                                      *note.state})
             .first;
  } else if (at == plan.open_spilled.end()) {
    throw Error("the temporary file of customs entries is not as written");
  }
  share_entry_charges(schedule, at->second.state, at->second.number, plan.open, value, charges);
  if (at->second.state.lines_left == 0) plan.open_spilled.erase(at);
}

// Prices and writes the records `read` gives (see for_each_batch) of one manifest, in input order:
// alone in one pass (no plan), or as the second pass of a run following `plan`, whose first
// record is the run's record `first_record`.
template <class Read>
void write_manifest(const Engine& engine, Read read, const manifest::ColumnMap& columns,
                    const std::string& display_name, report::ReportWriter& writer,
                    const PriceManifestOptions& options, std::ostream& diagnostics,
                    PriceTotals& totals, RunPlan* plan, std::size_t first_record,
                    WorkerPool& pool) {
  writer.begin(columns.names());

  std::size_t record_index = first_record;
  const bool renders = writer.renders();
  const bool with_rules = writer.shows_rules();
  // In input order: each line's quota draw and share of its entry's fees.
  const auto share = [&](Batch& batch, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i, ++record_index) {
      BatchSlot& slot = batch[i];
      slot.draw = nullptr;
      slot.has_entry = false;
      if (!plan) continue;
      if (plan->take_draw(record_index, slot.drawn)) slot.draw = &slot.drawn;
      if (slot.kept.entry != KeptLine::k_no_entry && !plan->is_refused(record_index)) {
        // The line's value (in the schedule's currency) decides its share of the entry's fees.
        share_entry_charges(engine.schedule(), *plan, record_index, slot.kept.entry,
                            slot.kept.value, slot.charges);
        slot.has_entry = true;
      }
    }
  };
  const bool writer_reads_lines = writer.reads_lines();
  // `line_read`: whether the record's line was read already.
  const auto price = [&](Batch& batch, std::size_t i, bool line_read) {
    BatchSlot& slot = batch[i];
    // A record the first pass kept is decoded, and its line read, only when something below
    // needs its fields: a plain record priced as the first pass left it is written from its text.
    bool decoded = !plan;
    const auto decode = [&] {
      if (!decoded) batch.decode_record(i);
      decoded = true;
    };
    const auto read_line = [&] {
      decode();
      if (!line_read) batch.read_line(columns, i);
      line_read = true;
    };
    if (!plan || slot.draw || writer_reads_lines) read_line();
    slot.result.with_rules = with_rules;
    const EntryCharges* charges = slot.has_entry ? &slot.charges : nullptr;
    if (plan && !slot.draw) {
      // As the first pass priced it, now with its entry's charges.
      decode_result(slot.kept.result, slot.result);
      slot.result.message.assign(slot.kept.message);
      if (slot.result.status == LineStatus::ok) {
        if (engine.finish_reads_line()) read_line();
        engine.finish(slot.line, slot.result, charges);
      }
    } else {
      engine.price(slot.line, slot.result, slot.draw, charges);
    }
    slot.diagnostic.clear();
    if (slot.result.status == LineStatus::error) {
      read_line(); // where the message points
      slot.diagnostic = fmt::format(
          "dutycalc: error: {}: {}\n",
          to_string(problem_place(slot.record.record(), columns, slot.line, slot.result,
                                  display_name)),
          slot.result.message);
    }
    slot.text.clear();
    if (renders && !decoded) {
      std::size_t fields = 0;
      const std::string_view text = manifest::plain_record_text(slot.kept.record, fields);
      if (writer.render_plain(text, fields, slot.result, slot.text)) return;
    }
    decode();
    if (renders) writer.render(slot.record.record(), slot.line, slot.result, slot.text);
  };
  const auto write = [&](Batch& batch, std::size_t n) {
    // Rendered records are written together, from the batch's memory (see Output::write_all).
    std::vector<std::string_view>& texts = batch.texts();
    texts.clear();
    bool go_on = true;
    for (std::size_t i = 0; i < n; ++i) {
      const BatchSlot& slot = batch[i];
      ++totals.lines;
      if (slot.result.status == LineStatus::error) {
        ++totals.failed;
        diagnostics << slot.diagnostic;
        if (options.strict) {
          totals.stopped = true;
          go_on = false;
          break;
        }
      }
      if (renders) texts.push_back(slot.text);
      else writer.write(slot.record.record(), slot.line, slot.result);
    }
    if (!texts.empty()) writer.write_rendered(texts.data(), texts.size());
    return go_on;
  };
  const auto price_batch = [&](Batch& batch, std::size_t n) {
    if (!plan) {
      // Every line is priced whole: read first, their codes' facts fetched together (see the
      // first pass in price_manifests).
      for (std::size_t i = 0; i < n; ++i) batch.read_line(columns, i);
      batch.prefetch_facts(engine, n);
    }
    for (std::size_t i = 0; i < n; ++i) price(batch, i, !plan);
  };
  for_each_batch(read, pool, share, price_batch, write);
}

// One manifest priced and written in one pass: for a schedule without quotas or entry-level
// charges.
void price_in_one_pass(const Engine& engine, std::istream& input, const std::string& display_name,
                       report::ReportWriter& writer, const PriceManifestOptions& options,
                       std::ostream& diagnostics, PriceTotals& totals, WorkerPool& pool) {
  manifest::CsvReader reader(input, display_name, options.delimiter);
  manifest::CsvRecord header;
  const manifest::ColumnMap columns = read_header(reader, header, display_name);
  write_manifest(engine, [&reader](Batch& batch) { return batch.read_records(reader); }, columns,
                 display_name, writer, options, diagnostics, totals, nullptr, 0, pool);
}

} // namespace

void price_manifests(const Engine& engine, const std::vector<ManifestSource>& sources,
                     quota::Ledger& ledger, report::ReportWriter& writer,
                     const PriceManifestOptions& options, std::ostream& diagnostics,
                     PriceTotals& totals) {
  const schedule::Schedule& schedule = engine.schedule();
  WorkerPool pool(options.threads);
  const bool entry_level = !schedule.fees.empty() || !schedule.de_minimis.empty();
  if (schedule.quotas.empty() && !entry_level) {
    // Nothing to draw on, nothing shared within entries: one streaming pass.
    for (const ManifestSource& source : sources) {
      read_manifest(source, [&](std::istream& input) {
        price_in_one_pass(engine, input, source.display_name, writer, options, diagnostics, totals,
                          pool);
      });
      if (totals.stopped) return;
    }
    return;
  }

  const bool with_rules = writer.shows_rules();
  // Pass 1: which lines can be priced, their entries and values, and the lines that draw on a
  // quota with their dates and quantities; every record and its pricing kept for the second pass.
  RunPlan plan;
  std::string payload; // of a claim
  std::size_t record_index = 0;
  std::string key;
  RecentEntry recent;
  RecentDeMinimis de_minimis;
  // An entry past the first options.entries_in_memory (or whose key would take the keys past
  // their budget) is kept on disk (plan.spilled).
  const auto find_or_add_entry = [&plan, &options](const std::string& k) {
    if (plan.entry_index.size() >= options.entries_in_memory ||
        plan.entry_index.key_bytes() + k.size() > PriceManifestOptions::k_entry_key_bytes_in_memory) {
      const std::uint32_t entry = plan.entry_index.find(k);
      return entry == EntryIndex::k_none ? KeptLine::k_spilled_entry : entry;
    }
    bool added = false;
    const std::uint32_t entry = plan.entry_index.find_or_add(k, added);
    if (added) plan.entries.emplace_back();
    return entry;
  };
  for (const ManifestSource& source : sources) read_manifest(source, [&](std::istream& input) {
    manifest::CsvReader reader(input, source.display_name, options.delimiter);
    manifest::CsvRecord header;
    const manifest::ColumnMap columns = read_header(reader, header, source.display_name);
    const std::size_t first_record = record_index;
    const auto price = [&](Batch& batch, std::size_t i) {
      BatchSlot& slot = batch[i];
      // Priced as the second pass writes it, before its entry's charges are known: kept for it.
      slot.result.detail = true;
      slot.result.with_rules = with_rules;
      slot.claim = nullptr;
      engine.price_duties(slot.line, slot.result);
      batch.block().add(slot.record.record(), slot.result);
      if (slot.result.status != LineStatus::ok) return;
      // Whether it counts in its entry and what it claims: priced alone, with no entry's charges.
      if (engine.stays_ok_alone(slot.line, slot.result))
        slot.claim = slot.result.claim;
      if (!slot.claim) return;
      // The claim is made ready here, on the batch's thread; `learn` adds it in input order.
      const manifest::ManifestLine& line = slot.line;
      std::string_view entry = line.entry;
      if (entry.empty()) {
        single_line_key(line, source.display_name, slot.claim_key);
        entry = slot.claim_key;
      }
      const Decimal value = slot.result.value.amount;
      quota::Allocation::encode({0, engine.date_of(line), slot.claim,
                                 quota::quota_quantity(*slot.claim, value, line.quantities), entry},
                                slot.encoded_claim);
    };
    const auto learn = [&](Batch& batch, std::size_t n) {
      SpoolBlock& block = batch.block();
      for (std::size_t i = 0; i < n; ++i, ++record_index) {
        const manifest::ManifestLine& line = batch[i].line;
        const LineResult& result = batch[i].result;
        if (line.problem || result.status != LineStatus::ok) continue;
        const Date date = engine.date_of(line);
        const quota::Quota* q = batch[i].claim;
        std::uint32_t e = KeptLine::k_single_line_entry;
        if (line.entry.empty()) {
          // An entry of its own: what it comes to is known now.
          EntryState entry;
          count_line(schedule, entry, result.value.amount, date, line.mode, line.origin, de_minimis);
          plan.single_lines.add({result.value.amount, record_index, entry.date.days(),
                                 entry.de_minimis_possible ? entry.de_minimis : std::uint16_t{0},
                                 entry.mode});
        } else {
          key.assign(line.entry);
          e = recent.of(key, find_or_add_entry);
          if (e == KeptLine::k_spilled_entry)
            plan.spilled.add_line({key, record_index, result.value.amount, date, line.mode, line.origin});
          else
            count_line(schedule, plan.entries[e], result.value.amount, date, line.mode, line.origin,
                       de_minimis);
        }
        block.set_entry(i, e);
        if (!q) continue;
        payload.clear();
        ClaimPayload{e, result.value.amount}.append_to(payload);
        plan.allocation.add(batch[i].encoded_claim, record_index, payload);
      }
      plan.results.append(block);
      return true;
    };
    const auto price_batch = [&](Batch& batch, std::size_t n) {
      // The lines are read first and their codes' facts fetched for all of them at once: most
      // lines' codes are in no cache yet (a manifest has thousands of codes, in no order), and
      // one line after another, each lookup would wait for memory alone.
      for (std::size_t i = 0; i < n; ++i) batch.read_line(columns, i);
      batch.prefetch_facts(engine, n);
      batch.block().clear();
      for (std::size_t i = 0; i < n; ++i) price(batch, i);
    };
    for_each_batch([&reader](Batch& batch) { return batch.read_records(reader); }, pool,
                   [](Batch&, std::size_t) {}, price_batch, learn);
    plan.manifests.push_back({columns, record_index - first_record});
  });
  plan.results.rewind();
  // Lines drawn in entry date order. A line refused by an absolute quota is not priced: it takes
  // no part in its entry.
  plan.allocation.draw(ledger, [&](const quota::DrawnClaim& claim) {
    const quota::QuotaDraw& draw = claim.draw;
    const bool refused = draw.quota->kind == quota::QuotaKind::absolute &&
                         (draw.missing_quantity || draw.over.sign() > 0);
    if (!refused) return;
    const ClaimPayload line = ClaimPayload::read(claim.payload);
    if (line.entry != KeptLine::k_spilled_entry && line.entry != KeptLine::k_single_line_entry)
      uncount_line(plan.entries[line.entry], line.value);
    plan.refused.push_back({claim.record, line.value});
  });
  std::sort(plan.refused.begin(), plan.refused.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  // Each entry's fees are worked out when its first line is written; a fee whose rate cannot be
  // worked out stops the run here, before anything is written, when an entry pays it. Its value
  // does not matter: a fee worked out on a zero value needs no entry tried (the usual case: then
  // no fee is looked at per entry); one that fails is tried on the first entry it applies to.
  std::vector<bool> fee_checked(schedule.fees.size());
  std::size_t unchecked = 0;
  for (std::size_t i = 0; i < schedule.fees.size(); ++i) {
    try {
      entry_fee(schedule, schedule.fees[i], Decimal{});
      fee_checked[i] = true;
    } catch (const Error&) {
      ++unchecked;
    }
  }
  // An entry settled: whether it is de minimis, and whether a fee it pays can be worked out.
  const auto settle = [&](EntryState& entry) {
    settle_de_minimis(schedule, entry);
    if (entry.de_minimis || unchecked == 0) return;
    for (std::size_t i = 0; i < schedule.fees.size(); ++i)
      if (!fee_checked[i] && schedule.fees[i].applies(entry.total(), entry.mode, entry.date)) {
        entry_fee(schedule, schedule.fees[i], entry.total()); // throws
        fee_checked[i] = true;
        --unchecked;
      }
  };
  for (EntryState& entry : plan.entries) settle(entry);
  plan.entry_index = EntryIndex{};
  if (plan.spilled.lines() > 0) settle_spilled_entries(schedule, plan.spilled, plan.refused, settle);
  // The entries of single lines are settled as the second pass reaches them; only a fee that
  // could not be worked out needs them all looked at first.
  plan.single_lines.rewind();
  if (unchecked > 0 && plan.single_lines.size() > 0) {
    SingleLineEntry single;
    std::size_t refused_at = 0;
    while (unchecked > 0 && plan.single_lines.next(single)) {
      while (refused_at < plan.refused.size() && plan.refused[refused_at].first < single.record)
        ++refused_at;
      const bool refused =
          refused_at < plan.refused.size() && plan.refused[refused_at].first == single.record;
      EntryState entry = single.state(refused);
      settle(entry);
    }
    plan.single_lines.rewind();
  }
  // The second pass finds each line's entry by the number the first pass kept with it (an entry
  // kept on disk: by the note made for the line; a single line's: by its record).
  plan.next_spilled_number = plan.entries.size();

  // Pass 2: finish and write in input order, from what the first pass kept.
  std::size_t first_record = 0;
  for (std::size_t m = 0; m < sources.size(); ++m) {
    std::size_t left = plan.manifests[m].records;
    write_manifest(
        engine, [&](Batch& batch) { return batch.read_kept(plan.results, left); },
        plan.manifests[m].columns, sources[m].display_name, writer, options, diagnostics, totals,
        &plan, first_record, pool);
    first_record += plan.manifests[m].records;
    if (totals.stopped) return;
  }
}

} // namespace dutycalc::pricing
