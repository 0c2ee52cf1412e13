#include <dutycalc/check/checks.hpp>

#include <dutycalc/check/code_set.hpp>
#include <dutycalc/check/witnesses.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <string_view>
#include <vector>

namespace dutycalc::check {

namespace {

using schedule::CountryCode;
using schedule::Diagnostics;
using schedule::Measure;
using schedule::Schedule;

constexpr CountryCode k_other = Witnesses::k_other;

// Where the other rule of a pair is written, as the message names it: "line 40" in the same
// file, the file and line otherwise.
std::string place_of(const SourceLocation& other, const SourceLocation& here) {
  if (other.file == here.file) return fmt::format("line {}", other.line);
  return fmt::format("{}:{}", other.file, other.line);
}

bool contains(const std::vector<CountryCode>& list, CountryCode c) {
  return std::find(list.begin(), list.end(), c) != list.end();
}

bool melt_allows(const std::vector<CountryCode>& melt_countries, CountryCode melt) {
  return melt_countries.empty() || contains(melt_countries, melt);
}

// Where two measures both apply: a code, origin, melt country and date.
struct Witness {
  HsCode code;
  CountryCode origin;
  CountryCode melt;
  Date date;
};

// A code to name in a message: the first line of an edition that lies wholly in `codes`, so the
// example is a code a manifest can carry; else the set's first code.
HsCode example(const CodeSet& codes, const Schedule& schedule) {
  for (const auto& edition : schedule.editions)
    for (const auto& line : edition.nomenclature.lines())
      if (line.code.length() > 0 && codes.contains(line.code)) return line.code;
  return *codes.first();
}

class MeasureOverlaps {
public:
  MeasureOverlaps(const Schedule& schedule, const Witnesses& witnesses)
      : m_schedule(schedule), m_witnesses(witnesses) {
    for (const Measure& m : schedule.measures) m_codes.push_back(CodeSet::of(m.products));
    for (const auto& e : schedule.exemptions)
      m_exempt_codes.push_back(e.products.empty() ? CodeSet::all() : CodeSet::of(e.products));
    std::vector<CountryCode> melts;
    for (const Measure& m : schedule.measures)
      melts.insert(melts.end(), m.melt_countries.begin(), m.melt_countries.end());
    for (const auto& e : schedule.exemptions)
      melts.insert(melts.end(), e.melt_countries.begin(), e.melt_countries.end());
    std::sort(melts.begin(), melts.end());
    melts.erase(std::unique(melts.begin(), melts.end()), melts.end());
    melts.erase(std::remove(melts.begin(), melts.end(), k_other), melts.end());
    // The stand-in first: an example needs a melt country only when the overlap does.
    melts.insert(melts.begin(), k_other);
    m_melts = std::move(melts);
  }

  void report(Diagnostics& sink) const {
    const auto& measures = m_schedule.measures;
    for (std::size_t j = 0; j < measures.size(); ++j) {
      for (std::size_t i = 0; i < j; ++i) {
        const auto witness = find(i, j);
        if (!witness) continue;
        const Measure& a = measures[i];
        const Measure& b = measures[j];
        const std::string melt =
            witness->melt == k_other ? "" : fmt::format(" melted in {}", schedule::view(witness->melt));
        sink.error(b.origin.where,
                   fmt::format("measure '{}' overlaps measure '{}' ({}), of the same kind '{}': "
                               "both apply to {} from {}{} on {}, and neither replaces the other",
                               b.id, a.id, place_of(a.origin.where, b.origin.where), b.kind,
                               witness->code.formatted(), Witnesses::describe(witness->origin),
                               melt, witness->date.to_string()));
      }
    }
  }

private:
  std::optional<Witness> find(std::size_t i, std::size_t j) const {
    const Measure& a = m_schedule.measures[i];
    const Measure& b = m_schedule.measures[j];
    if (a.kind != b.kind) return std::nullopt;
    const auto replaces = [](const Measure& x, const Measure& y) {
      return std::find(x.replaces.begin(), x.replaces.end(), &y) != x.replaces.end();
    };
    if (replaces(a, b) || replaces(b, a)) return std::nullopt;
    const auto window = intersect(window_of(a.window), window_of(b.window));
    if (!window) return std::nullopt;
    const CodeSet codes = m_codes[i].intersect(m_codes[j]);
    if (codes.empty()) return std::nullopt;
    for (const Date date : m_witnesses.dates(*window)) {
      for (const CountryCode origin : m_witnesses.origins()) {
        if (!a.origins.matches(origin, date) || !b.origins.matches(origin, date)) continue;
        for (const CountryCode melt : m_melts) {
          if (!melt_allows(a.melt_countries, melt) || !melt_allows(b.melt_countries, melt))
            continue;
          const CodeSet left = codes.minus(exempted(a, origin, melt, date))
                                   .minus(exempted(b, origin, melt, date));
          if (!left.empty()) return Witness{example(left, m_schedule), origin, melt, date};
        }
      }
    }
    return std::nullopt;
  }

  // The codes exemptions take out of `measure` for this origin, melt country and date.
  CodeSet exempted(const Measure& measure, CountryCode origin, CountryCode melt, Date date) const {
    CodeSet out;
    const auto& exemptions = m_schedule.exemptions;
    for (std::size_t k = 0; k < exemptions.size(); ++k) {
      const auto& e = exemptions[k];
      if (std::find(e.measures.begin(), e.measures.end(), &measure) == e.measures.end()) continue;
      if (!e.window.contains(date) || !e.origins.matches(origin, date)) continue;
      if (!melt_allows(e.melt_countries, melt)) continue;
      out.add(m_exempt_codes[k]);
    }
    return out;
  }

  const Schedule& m_schedule;
  const Witnesses& m_witnesses;
  std::vector<CodeSet> m_codes;        // per measure
  std::vector<CodeSet> m_exempt_codes; // per exemption
  std::vector<CountryCode> m_melts;    // the stand-in, then every melt country named
};

void quota_overlaps(const Schedule& schedule, const Witnesses& witnesses, Diagnostics& sink) {
  const auto& quotas = schedule.quotas;
  std::vector<CodeSet> codes;
  for (const auto& q : quotas) codes.push_back(CodeSet::of(q.products));
  const auto melt_ok = [](const quota::Quota& q, CountryCode melt, Date date) {
    return !q.melt_origins || q.melt_origins->matches(melt, date);
  };
  for (std::size_t j = 0; j < quotas.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const auto& a = quotas[i];
      const auto& b = quotas[j];
      const auto window = intersect(window_of(a.window), window_of(b.window));
      const CodeSet both = codes[i].intersect(codes[j]);
      if (!window || both.empty()) continue;
      const auto found = [&]() -> std::optional<std::pair<CountryCode, Date>> {
        for (const Date date : witnesses.dates(*window))
          for (const CountryCode origin : witnesses.origins())
            if (a.origins.matches(origin, date) && b.origins.matches(origin, date))
              for (const CountryCode melt : witnesses.origins())
                if (melt_ok(a, melt, date) && melt_ok(b, melt, date))
                  return std::pair{origin, date};
        return std::nullopt;
      }();
      if (!found) continue;
      sink.error(b.origin.where,
                 fmt::format("quota '{}' overlaps quota '{}' ({}): a line of {} from {} on {} "
                             "would draw on both",
                             b.id, a.id, place_of(a.origin.where, b.origin.where),
                             example(both, schedule).formatted(), Witnesses::describe(found->first),
                             found->second.to_string()));
    }
  }
}

void de_minimis_overlaps(const Schedule& schedule, const Witnesses& witnesses, Diagnostics& sink) {
  const auto& rules = schedule.de_minimis;
  for (std::size_t j = 0; j < rules.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const auto& a = rules[i];
      const auto& b = rules[j];
      const auto window = intersect(window_of(a.window), window_of(b.window));
      if (!window) continue;
      const auto found = [&]() -> std::optional<std::pair<CountryCode, Date>> {
        for (const Date date : witnesses.dates(*window))
          for (const CountryCode origin : witnesses.origins())
            if (a.origins.matches(origin, date) && b.origins.matches(origin, date))
              return std::pair{origin, date};
        return std::nullopt;
      }();
      if (!found) continue;
      sink.error(b.origin.where,
                 fmt::format("de minimis '{}' overlaps de minimis '{}' ({}): both set the "
                             "threshold for goods from {} on {}",
                             b.id, a.id, place_of(a.origin.where, b.origin.where),
                             Witnesses::describe(found->first), found->second.to_string()));
    }
  }
}

void tax_overlaps(const Schedule& schedule, Diagnostics& sink) {
  const auto& taxes = schedule.taxes;
  for (std::size_t j = 0; j < taxes.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const auto& a = taxes[i];
      const auto& b = taxes[j];
      const auto window =
          intersect(window_of(a.window, a.open_start), window_of(b.window, b.open_start));
      if (!window) continue;
      const auto common = std::find_if(b.destinations.begin(), b.destinations.end(),
                                       [&](CountryCode c) { return contains(a.destinations, c); });
      if (common == b.destinations.end()) continue;
      sink.error(b.origin.where,
                 fmt::format("tax '{}' overlaps tax '{}' ({}): both tax goods bound for {} {}",
                             b.id, a.id, place_of(a.origin.where, b.origin.where),
                             schedule::view(*common), describe_start(*window)));
    }
  }
}

// What a fee is a version or variant of: its title up to a comma or parenthesis, which name the
// version or the entries it is for ("Merchandise processing fee (FY2024)" and "Merchandise
// processing fee, informal entry (FY2024)" are both the merchandise processing fee: one entry pays
// one of them, told apart by entry value).
std::string_view fee_family(std::string_view title) {
  const std::size_t end = std::min(title.find(", "), title.find(" ("));
  return title.substr(0, end);
}

// Two versions of one fee (the same id, or the same title but for what follows a comma or
// parenthesis) must not both be charged on one entry.
void fee_overlaps(const Schedule& schedule, Diagnostics& sink) {
  const auto& fees = schedule.fees;
  const auto modes_meet = [](const schedule::Fee& a, const schedule::Fee& b) {
    if (a.modes.empty() || b.modes.empty()) return true;
    return std::any_of(a.modes.begin(), a.modes.end(), [&](auto mode) {
      return std::find(b.modes.begin(), b.modes.end(), mode) != b.modes.end();
    });
  };
  // Entry values above `entry_value_above` and at most `entry_value_at_most`.
  const auto values_meet = [](const schedule::Fee& a, const schedule::Fee& b) {
    std::optional<Decimal> above = a.entry_value_above;
    if (b.entry_value_above && (!above || *above < *b.entry_value_above)) above = b.entry_value_above;
    std::optional<Decimal> at_most = a.entry_value_at_most;
    if (b.entry_value_at_most && (!at_most || *b.entry_value_at_most < *at_most))
      at_most = b.entry_value_at_most;
    return !above || !at_most || *above < *at_most;
  };
  for (std::size_t j = 0; j < fees.size(); ++j) {
    for (std::size_t i = 0; i < j; ++i) {
      const auto& a = fees[i];
      const auto& b = fees[j];
      if (a.id != b.id && fee_family(a.title) != fee_family(b.title)) continue;
      const auto window = intersect(window_of(a.window), window_of(b.window));
      if (!window || !modes_meet(a, b) || !values_meet(a, b)) continue;
      sink.error(b.origin.where,
                 fmt::format("fee '{}' overlaps fee '{}' ({}), a version of the same fee ('{}'): "
                             "both would be charged on one entry {}",
                             b.id, a.id, place_of(a.origin.where, b.origin.where),
                             fee_family(b.title), describe_start(*window)));
    }
  }
}

} // namespace

void check_overlaps(const Schedule& schedule, Diagnostics& sink) {
  const Witnesses witnesses(schedule);
  MeasureOverlaps(schedule, witnesses).report(sink);
  quota_overlaps(schedule, witnesses, sink);
  de_minimis_overlaps(schedule, witnesses, sink);
  tax_overlaps(schedule, sink);
  fee_overlaps(schedule, sink);
}

} // namespace dutycalc::check
