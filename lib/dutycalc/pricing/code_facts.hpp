// What a code resolves to in one edition, and the rules that may reach it: the same for every
// line with that code, so an engine works it out once per code and keeps it for all its threads.
// The table is filled as codes are met, without locks: a code's facts are published whole with
// one atomic store and never change or move afterwards.
#pragma once

#include <dutycalc/schedule/rule_index.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <atomic>
#include <cstdint>
#include <memory>

namespace dutycalc::pricing {

struct CodeFacts {
  const schedule::Edition* edition = nullptr;
  std::uint64_t code = 0;                      // HsCode::key()
  const schedule::TariffLine* rated = nullptr; // never null: only codes that resolve are kept
  schedule::RuleCandidates candidates;
};

class CodeFactsTable {
public:
  // Room for `capacity` codes (a power of two is taken); more are not kept.
  explicit CodeFactsTable(std::size_t capacity);
  ~CodeFactsTable();
  CodeFactsTable(const CodeFactsTable&) = delete;
  CodeFactsTable& operator=(const CodeFactsTable&) = delete;

  // The facts kept for `code` in `edition`, or null. Safe on any thread.
  const CodeFacts* find(const schedule::Edition* edition, std::uint64_t code) const;
  // Where find(edition, code) starts looking.
  std::size_t slot_of(const schedule::Edition* edition, std::uint64_t code) const {
    return first_slot(edition, code);
  }
  // Asks the processor to start fetching what find() and its caller read for a code whose
  // slot_of() is `slot`, without waiting for it: at `stage` 0 the slot; at 1 the facts the slot
  // points at (by then the slot should have arrived; only the code's first slot is looked at);
  // at 2 what the facts point at. A batch of lines runs each stage over all its lines before the
  // next stage, and looks them up after the last, so that their lookups wait for memory together
  // rather than one after another.
  static constexpr int k_prefetch_stages = 3;
  void prefetch(std::size_t slot, int stage) const;
  // Keeps `facts` (made by the caller for its edition and code; then `facts` is left empty) and
  // returns what is kept for that code: those facts, or what another thread kept first (then
  // `facts` is left as it was). Null when the table is full: the caller's facts serve that line
  // only.
  const CodeFacts* keep(std::unique_ptr<CodeFacts>& facts);

private:
  std::size_t first_slot(const schedule::Edition* edition, std::uint64_t code) const;
  std::size_t m_mask;
  std::size_t m_most;                 // three quarters of the slots: probes stay short
  std::atomic<std::size_t> m_kept{0};
  std::unique_ptr<std::atomic<CodeFacts*>[]> m_slots; // open addressing, linear probing
};

} // namespace dutycalc::pricing
