#include <dutycalc/check/code_set.hpp>

#include <algorithm>
#include <string>

namespace dutycalc::check {

namespace {

constexpr std::uint64_t k_last = 9'999'999'999; // the greatest ten-digit code

std::uint64_t power_of_ten(int n) {
  std::uint64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

// The ten-digit codes whose first low.length() digits lie between low and high.
std::pair<std::uint64_t, std::uint64_t> interval_of(const schedule::CodeRange& range) {
  const std::uint64_t scale = power_of_ten(10 - range.low.length());
  return {range.low.digits_value() * scale, (range.high.digits_value() + 1) * scale - 1};
}

} // namespace

CodeSet CodeSet::all() {
  CodeSet set;
  set.m_intervals.push_back({0, k_last});
  return set;
}

CodeSet CodeSet::normalised(std::vector<Interval> intervals) {
  std::sort(intervals.begin(), intervals.end());
  CodeSet set;
  for (const Interval& i : intervals) {
    if (!set.m_intervals.empty() && i.first <= set.m_intervals.back().second + 1)
      set.m_intervals.back().second = std::max(set.m_intervals.back().second, i.second);
    else
      set.m_intervals.push_back(i);
  }
  return set;
}

CodeSet CodeSet::of(const schedule::ProductScope& scope) {
  std::vector<Interval> include;
  std::vector<Interval> exclude;
  for (const auto& range : scope.include) include.push_back(interval_of(range));
  for (const auto& range : scope.exclude) exclude.push_back(interval_of(range));
  return normalised(std::move(include)).minus(normalised(std::move(exclude)));
}

CodeSet CodeSet::intersect(const CodeSet& other) const {
  CodeSet out;
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < m_intervals.size() && j < other.m_intervals.size()) {
    const Interval& a = m_intervals[i];
    const Interval& b = other.m_intervals[j];
    const std::uint64_t low = std::max(a.first, b.first);
    const std::uint64_t high = std::min(a.second, b.second);
    if (low <= high) out.m_intervals.push_back({low, high});
    if (a.second < b.second) ++i;
    else ++j;
  }
  return out;
}

CodeSet CodeSet::minus(const CodeSet& other) const {
  CodeSet out;
  std::size_t j = 0;
  for (Interval a : m_intervals) {
    while (j < other.m_intervals.size() && other.m_intervals[j].second < a.first) ++j;
    std::size_t k = j;
    bool left = true;
    while (k < other.m_intervals.size() && other.m_intervals[k].first <= a.second) {
      const Interval& b = other.m_intervals[k];
      if (b.first > a.first) out.m_intervals.push_back({a.first, b.first - 1});
      if (b.second >= a.second) {
        left = false;
        break;
      }
      a.first = b.second + 1;
      ++k;
    }
    if (left) out.m_intervals.push_back(a);
  }
  return out;
}

void CodeSet::add(const CodeSet& other) {
  std::vector<Interval> both = m_intervals;
  both.insert(both.end(), other.m_intervals.begin(), other.m_intervals.end());
  *this = normalised(std::move(both));
}

bool CodeSet::contains(HsCode code) const {
  const std::uint64_t scale = power_of_ten(10 - code.length());
  const std::uint64_t low = code.digits_value() * scale;
  const std::uint64_t high = low + (scale - 1);
  const auto after = std::upper_bound(
      m_intervals.begin(), m_intervals.end(), low,
      [](std::uint64_t value, const Interval& interval) { return value < interval.first; });
  return after != m_intervals.begin() && high <= std::prev(after)->second;
}

std::optional<HsCode> CodeSet::first() const {
  if (m_intervals.empty()) return std::nullopt;
  const auto [low, high] = m_intervals.front();
  std::string digits = std::to_string(low);
  digits.insert(0, 10 - digits.size(), '0');
  for (int n = 4; n <= 10; n += 2) {
    const std::uint64_t extent = power_of_ten(10 - n);
    if (low % extent == 0 && low + (extent - 1) <= high) return HsCode::parse(digits.substr(0, n), 4);
  }
  return HsCode::parse(digits, 4);
}

} // namespace dutycalc::check
