#include <dutycalc/pricing/code_facts.hpp>

#include <algorithm>
#include <bit>

namespace dutycalc::pricing {

CodeFactsTable::CodeFactsTable(std::size_t capacity) {
  const std::size_t slots = std::bit_ceil(std::max<std::size_t>(capacity, 1024) * 4 / 3 + 1);
  m_mask = slots - 1;
  m_most = slots / 4 * 3;
  m_slots = std::make_unique<std::atomic<CodeFacts*>[]>(slots);
  for (std::size_t i = 0; i < slots; ++i) m_slots[i].store(nullptr, std::memory_order_relaxed);
}

CodeFactsTable::~CodeFactsTable() {
  for (std::size_t i = 0; i <= m_mask; ++i) delete m_slots[i].load(std::memory_order_relaxed);
}

std::size_t CodeFactsTable::first_slot(const schedule::Edition* edition, std::uint64_t code) const {
  // Codes share their low digits in long runs ("...00", "...10"): every bit is mixed in
  // (splitmix64's finaliser) before the table takes the low ones.
  std::uint64_t h = code ^ (reinterpret_cast<std::uintptr_t>(edition) >> 4) * 0xC2B2AE3D27D4EB4Full;
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ull;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBull;
  h ^= h >> 31;
  return static_cast<std::size_t>(h) & m_mask;
}

const CodeFacts* CodeFactsTable::find(const schedule::Edition* edition, std::uint64_t code) const {
  for (std::size_t at = first_slot(edition, code);; at = (at + 1) & m_mask) {
    const CodeFacts* facts = m_slots[at].load(std::memory_order_acquire);
    if (!facts) return nullptr;
    if (facts->code == code && facts->edition == edition) return facts;
  }
}

void CodeFactsTable::prefetch(std::size_t at, int stage) const {
  const std::atomic<CodeFacts*>& slot = m_slots[at & m_mask];
  if (stage == 0) {
    __builtin_prefetch(&slot);
    return;
  }
  // Acquire: stage 2 reads the facts, which another thread may have just published.
  const CodeFacts* facts = slot.load(std::memory_order_acquire);
  if (!facts) return;
  if (stage == 1) {
    __builtin_prefetch(facts);
    __builtin_prefetch(reinterpret_cast<const char*>(facts) + 64);
    return;
  }
  // Stage 2: what the facts point at, read for every line of the code: its tariff line (the
  // rates) and the rules that may reach it.
  __builtin_prefetch(facts->rated);
  __builtin_prefetch(reinterpret_cast<const char*>(facts->rated) + 64);
  if (!facts->candidates.measures.empty()) __builtin_prefetch(facts->candidates.measures.data());
  if (!facts->candidates.quotas.empty()) __builtin_prefetch(facts->candidates.quotas.data());
}

const CodeFacts* CodeFactsTable::keep(std::unique_ptr<CodeFacts>& facts) {
  if (m_kept.load(std::memory_order_relaxed) >= m_most) return nullptr;
  for (std::size_t at = first_slot(facts->edition, facts->code);; at = (at + 1) & m_mask) {
    CodeFacts* there = m_slots[at].load(std::memory_order_acquire);
    if (!there) {
      if (m_slots[at].compare_exchange_strong(there, facts.get(), std::memory_order_acq_rel,
                                              std::memory_order_acquire)) {
        m_kept.fetch_add(1, std::memory_order_relaxed);
        return facts.release();
      }
      // Another thread took the slot first: `there` is what it kept; look at it below.
    }
    if (there->code == facts->code && there->edition == facts->edition) return there;
  }
}

} // namespace dutycalc::pricing
