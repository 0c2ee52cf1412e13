#include <dutycalc/schedule/rule_index.hpp>

#include <algorithm>

namespace dutycalc::schedule {

RuleIndex::RuleIndex(const Schedule& schedule) {
  std::vector<Span> spans;
  for (const Measure& m : schedule.measures) {
    add_scope(m.products, tag(Kind::measure, m_measures.size()), spans);
    m_measures.push_back(&m);
  }
  for (const Notice& n : schedule.notices) {
    add_scope(n.products, tag(Kind::notice, m_notices.size()), spans);
    m_notices.push_back(&n);
  }
  for (const quota::Quota& q : schedule.quotas) {
    add_scope(q.products, tag(Kind::quota, m_quotas.size()), spans);
    m_quotas.push_back(&q);
  }
  std::vector<int> lengths;
  for (const Span& s : spans) lengths.push_back(s.length);
  std::sort(lengths.begin(), lengths.end());
  lengths.erase(std::unique(lengths.begin(), lengths.end()), lengths.end());
  for (const int length : lengths) build_level(length, spans);
  for (const Span& s : spans)
    if (s.length > lengths.front()) m_long_rules.push_back(s.rule);
  std::sort(m_long_rules.begin(), m_long_rules.end());
  m_long_rules.erase(std::unique(m_long_rules.begin(), m_long_rules.end()), m_long_rules.end());
}

void RuleIndex::add_scope(const ProductScope& scope, std::uint32_t rule, std::vector<Span>& spans) {
  for (const CodeRange& r : scope.include)
    spans.push_back({r.low.length(), r.low.digits_value(), r.high.digits_value(), rule});
}

// A sweep over the range ends: each point where the set of covering rules may change starts a
// segment, and the segment lists the rules covering it.
void RuleIndex::build_level(int length, const std::vector<Span>& spans) {
  Level level;
  level.length = length;
  std::vector<const Span*> of_length;
  for (const Span& s : spans)
    if (s.length == length) of_length.push_back(&s);
  std::vector<std::uint64_t> points;
  for (const Span* s : of_length) {
    points.push_back(s->low);
    points.push_back(s->high + 1);
  }
  std::sort(points.begin(), points.end());
  points.erase(std::unique(points.begin(), points.end()), points.end());
  // Rules starting at each point, ordered by low end, then swept with an active set.
  std::sort(of_length.begin(), of_length.end(),
            [](const Span* a, const Span* b) { return a->low < b->low; });
  std::vector<const Span*> active;
  std::size_t next = 0;
  for (const std::uint64_t point : points) {
    active.erase(std::remove_if(active.begin(), active.end(),
                                [&](const Span* s) { return s->high < point; }),
                 active.end());
    while (next < of_length.size() && of_length[next]->low == point) active.push_back(of_length[next++]);
    level.starts.push_back(point);
    level.offsets.push_back(static_cast<std::uint32_t>(level.rules.size()));
    const std::size_t first = level.rules.size();
    for (const Span* s : active) level.rules.push_back(s->rule);
    std::sort(level.rules.begin() + static_cast<std::ptrdiff_t>(first), level.rules.end());
    level.rules.erase(std::unique(level.rules.begin() + static_cast<std::ptrdiff_t>(first), level.rules.end()),
                      level.rules.end());
  }
  level.offsets.push_back(static_cast<std::uint32_t>(level.rules.size()));
  m_levels.push_back(std::move(level));
}

void RuleIndex::candidates(HsCode code, RuleCandidates& out) const {
  out.clear();
  // Tags of the covering rules, gathered per level; few, so a small sort merges them.
  std::uint32_t found[64];
  std::size_t count = 0;
  std::vector<std::uint32_t> overflow;
  const auto add = [&](std::uint32_t rule) {
    if (count < std::size(found)) found[count++] = rule;
    else overflow.push_back(rule);
  };
  bool shorter = false;
  for (const Level& level : m_levels) {
    if (code.length() < level.length) {
      shorter = true;
      continue;
    }
    const std::uint64_t v = code.prefix(level.length).digits_value();
    const auto it = std::upper_bound(level.starts.begin(), level.starts.end(), v);
    if (it == level.starts.begin()) continue;
    const auto segment = static_cast<std::size_t>(it - level.starts.begin() - 1);
    for (std::uint32_t i = level.offsets[segment]; i < level.offsets[segment + 1]; ++i) add(level.rules[i]);
  }
  // A heading shorter than some ranges may lie wholly inside them: those rules decide for
  // themselves (rare: manifests give 6 to 10 digits).
  if (shorter) {
    out.included = false;
    for (const std::uint32_t rule : m_long_rules) add(rule);
  }
  std::uint32_t* first = found;
  std::uint32_t* last = found + count;
  if (!overflow.empty()) {
    overflow.insert(overflow.end(), found, found + count);
    first = overflow.data();
    last = overflow.data() + overflow.size();
  }
  std::sort(first, last);
  last = std::unique(first, last);
  for (const std::uint32_t* p = first; p != last; ++p) {
    const std::uint32_t t = *p;
    const std::uint32_t index = t & 0x3FFFFFFFu;
    switch (static_cast<Kind>(t >> 30)) {
    case Kind::measure: out.measures.push_back(m_measures[index]); break;
    case Kind::notice: out.notices.push_back(m_notices[index]); break;
    case Kind::quota: out.quotas.push_back(m_quotas[index]); break;
    }
  }
}

} // namespace dutycalc::schedule
