// Which rules may reach a code, found without scanning them all. The US schedule holds hundreds of
// product-scoped rules (Section 301 lists alone name thousands of codes); testing each against
// every manifest line dominated pricing. The index turns the rules' code ranges into sorted,
// disjoint segments per code length, each listing the rules that cover it, so a code's
// candidates are a few binary searches away.
#pragma once

#include <dutycalc/hs_code.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <cstdint>
#include <vector>

namespace dutycalc::schedule {

// The rules whose product scope may reach one code, each list in schedule order. A superset:
// callers still ask the rule itself (exclusions and dates are theirs to decide).
struct RuleCandidates {
  std::vector<const Measure*> measures;
  std::vector<const Notice*> notices;
  std::vector<const quota::Quota*> quotas;
  // True when an included range of every candidate is known to cover the code (the code is as
  // long as the ranges); then only exclusions are left to check. False for short headings.
  bool included = true;
  // Whether `scope` (a candidate's products) reaches the code.
  bool reaches(const ProductScope& scope, HsCode code) const {
    return included ? !scope.excludes(code) : scope.matches(code);
  }
  void clear() {
    included = true;
    measures.clear();
    notices.clear();
    quotas.clear();
  }
};

class RuleIndex {
public:
  // Indexes the measures, notices and quotas of `schedule`, which must outlive the index.
  explicit RuleIndex(const Schedule& schedule);

  // Fills `out` (cleared first) with the rules whose included ranges cover `code`.
  void candidates(HsCode code, RuleCandidates& out) const;

private:
  enum class Kind : std::uint32_t { measure = 0, notice = 1, quota = 2 };
  static std::uint32_t tag(Kind kind, std::size_t index) {
    return (static_cast<std::uint32_t>(kind) << 30) | static_cast<std::uint32_t>(index);
  }
  // Codes of one length: segment i covers [starts[i], starts[i+1]) and lists the rules
  // rules[offsets[i] .. offsets[i+1]).
  struct Level {
    int length = 0;
    std::vector<std::uint64_t> starts;
    std::vector<std::uint32_t> offsets;
    std::vector<std::uint32_t> rules;
  };
  // A rule's range, for building.
  struct Span {
    int length;
    std::uint64_t low;
    std::uint64_t high;
    std::uint32_t rule;
  };
  void add_scope(const ProductScope& scope, std::uint32_t rule, std::vector<Span>& spans);
  void build_level(int length, const std::vector<Span>& spans);

  std::vector<const Measure*> m_measures;
  std::vector<const Notice*> m_notices;
  std::vector<const quota::Quota*> m_quotas;
  std::vector<Level> m_levels;          // by length, ascending
  std::vector<std::uint32_t> m_long_rules; // rules with ranges longer than some codes: checked
                                           // for codes shorter than the range (headings)
};

} // namespace dutycalc::schedule
