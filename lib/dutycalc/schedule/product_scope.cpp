#include <dutycalc/schedule/product_scope.hpp>

#include <algorithm>

namespace dutycalc::schedule {

bool CodeRange::contains(HsCode code) const {
  if (code.length() < low.length()) {
    // A shorter code (a heading) is inside only when all it covers is: its extent must lie
    // within the range. E.g. 7208 is inside 7206.10-7216.50, 7216 is not.
    const int n = code.length();
    return low.prefix(n).digits_value() < code.digits_value() &&
           code.digits_value() < high.prefix(n).digits_value();
  }
  const std::uint64_t v = code.prefix(low.length()).digits_value();
  return low.digits_value() <= v && v <= high.digits_value();
}

std::string CodeRange::describe() const {
  if (low == high) return low.formatted();
  return low.formatted() + "-" + high.formatted();
}

std::optional<CodeRange> parse_code_range(std::string_view text, std::string& why) {
  const std::size_t dash = text.find('-');
  const auto low = HsCode::parse(text.substr(0, dash), 4, &why);
  if (!low) return std::nullopt;
  if (dash == std::string_view::npos) return CodeRange{*low, *low};
  const auto high = HsCode::parse(text.substr(dash + 1), 4, &why);
  if (!high) return std::nullopt;
  if (high->length() != low->length()) {
    why = "both ends of a code range must have the same number of digits";
    return std::nullopt;
  }
  if (high->digits_value() < low->digits_value()) {
    why = "a code range must go from the lower code to the higher";
    return std::nullopt;
  }
  return CodeRange{*low, *high};
}

namespace {
// Ranges ordered by length, then low end: the ranges of one length form a sorted run. One
// integer (digits fit in 34 bits), so sorting Section 301's long lists is cheap.
std::uint64_t order_key(const CodeRange& r) {
  return static_cast<std::uint64_t>(r.low.length()) << 40 | r.low.digits_value();
}
// Sorts and merges overlapping ranges of one length, so each length's ranges are disjoint and a
// binary search finds the only candidate.
void merge_sorted(std::vector<CodeRange>& ranges) {
  const auto less = [](const CodeRange& a, const CodeRange& b) {
    return order_key(a) < order_key(b);
  };
  if (!std::is_sorted(ranges.begin(), ranges.end(), less)) // lists are mostly written in order
    std::sort(ranges.begin(), ranges.end(), less);
  std::vector<CodeRange> merged;
  merged.reserve(ranges.size());
  for (const CodeRange& r : ranges) {
    if (!merged.empty() && merged.back().low.length() == r.low.length() &&
        r.low.digits_value() <= merged.back().high.digits_value()) {
      if (r.high.digits_value() > merged.back().high.digits_value()) merged.back().high = r.high;
      continue;
    }
    merged.push_back(r);
  }
  ranges = std::move(merged);
}

} // namespace

void ProductScope::index() {
  merge_sorted(include);
  merge_sorted(exclude);
  m_indexed = true;
}

bool ProductScope::any_contains(const std::vector<CodeRange>& ranges, bool indexed, HsCode code) {
  if (!indexed || ranges.size() < 8)
    return std::any_of(ranges.begin(), ranges.end(),
                       [&](const CodeRange& r) { return r.contains(code); });
  auto run = ranges.begin();
  while (run != ranges.end()) {
    const int length = run->low.length();
    const auto end = std::partition_point(
        run, ranges.end(), [&](const CodeRange& r) { return r.low.length() == length; });
    if (code.length() < length) {
      // A heading shorter than the ranges: rare (manifests give 6 to 10 digits), scanned.
      if (std::any_of(run, end, [&](const CodeRange& r) { return r.contains(code); })) return true;
    } else {
      const std::uint64_t v = code.prefix(length).digits_value();
      const auto after = std::upper_bound(run, end, v, [](std::uint64_t value, const CodeRange& r) {
        return value < r.low.digits_value();
      });
      if (after != run && std::prev(after)->contains(code)) return true;
    }
    run = end;
  }
  return false;
}

bool ProductScope::matches(HsCode code) const {
  return any_contains(include, m_indexed, code) && !any_contains(exclude, m_indexed, code);
}

} // namespace dutycalc::schedule
