// The in-memory ledger: one run's draws in a map, gone when the run ends. It keeps the same
// books as the SQLite ledger (an official level per period, draws per entry that count until an
// official level is recorded after them), so both behave the same under the same calls.
#include <dutycalc/quota/ledger.hpp>

#include <map>
#include <utility>

namespace dutycalc::quota {

namespace {

struct Draw {
  Decimal amount;
  bool counted = true;
};

struct PeriodBook {
  Decimal official;
  bool has_official = false;
  std::map<std::string, Draw, std::less<>> draws;
  // The amounts of the counted draws, kept as they change: a run asks for the balance once per
  // line that draws, and adding up every entry's draw each time made a run of n such lines take
  // time in n squared.
  Decimal counted;

  Decimal drawn() const { return official + counted; }
};

class MemoryLedger final : public Ledger {
public:
  Decimal drawn(std::string_view quota, std::string_view period) override {
    const auto it = m_books.find(key(quota, period));
    return it == m_books.end() ? Decimal{} : it->second.drawn();
  }

  void clear_entry(std::string_view quota, std::string_view period,
                   std::string_view entry) override {
    const auto it = m_books.find(key(quota, period));
    if (it == m_books.end()) return;
    const auto draw = it->second.draws.find(entry);
    if (draw != it->second.draws.end()) {
      if (draw->second.counted) it->second.counted -= draw->second.amount;
      it->second.draws.erase(draw);
    }
    if (it->second.draws.empty() && !it->second.has_official) m_books.erase(it);
  }

  void add(std::string_view quota, std::string_view period, std::string_view entry,
           Decimal amount) override {
    PeriodBook& book = m_books[key(quota, period)];
    const auto it = book.draws.find(entry);
    if (it == book.draws.end()) {
      book.draws.emplace(std::string(entry), Draw{amount, true});
    } else {
      // A draw the official level already covers is replaced, not added to (as in SQLite).
      it->second.amount = it->second.counted ? it->second.amount + amount : amount;
      it->second.counted = true;
    }
    book.counted += amount;
  }

  void finish() override {}

  void set_official(std::string_view quota, std::string_view period, Decimal drawn) override {
    PeriodBook& book = m_books[key(quota, period)];
    book.official = drawn;
    book.has_official = true;
    for (auto& [entry, draw] : book.draws) draw.counted = false;
    book.counted = Decimal{};
  }

  void reset(std::string_view quota, std::string_view period) override {
    std::erase_if(m_books, [&](const auto& item) {
      return (quota.empty() || item.first.first == quota) &&
             (period.empty() || item.first.second == period);
    });
  }

  std::vector<LedgerBalance> balances() override {
    std::vector<LedgerBalance> out;
    out.reserve(m_books.size());
    for (const auto& [k, book] : m_books)
      out.push_back({k.first, k.second, book.official, book.drawn()});
    return out;
  }

private:
  using Key = std::pair<std::string, std::string>;
  static Key key(std::string_view quota, std::string_view period) {
    return {std::string(quota), std::string(period)};
  }
  std::map<Key, PeriodBook> m_books; // sorted by quota then period, as balances() promises
};

} // namespace

std::unique_ptr<Ledger> open_memory_ledger() { return std::make_unique<MemoryLedger>(); }

} // namespace dutycalc::quota
