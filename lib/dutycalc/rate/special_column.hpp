// The special column of a tariff line: rates granted under preference programmes, each followed
// by the programmes' symbols ("Free (A+,AU,BH,...) 3.2% (JP) See 9822.04.01-9822.04.03 (AU)").
#pragma once

#include <dutycalc/rate/expression.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::rate {

// One rate of the special column and the programmes that grant it.
struct SpecialRate {
  Expression rate;                     // prose for references and legal text
  std::vector<std::string> programmes; // symbols as written: "A", "A*", "A+", "KR", "S+", "P+"...
  // "See 9822.04.01-9822.04.03 (AU)": the programme's rate lives in another (chapter 98/99)
  // provision; the text is kept as prose and cannot be priced from this line.
  bool is_reference = false;
  std::size_t offset = 0; // byte offset of the rate text in the column (for messages)
};

// Splits a special column into its rates, in order. Never throws. A programme list is a
// parenthesised list of symbols (one or two capital letters, then optionally '*' or '+'), with
// any commas and spaces; other parentheses ("(see U.S. note 3)", "1(b)") belong to the text.
// Text after the last list (or a column with no list at all, as in chapter 99's
// "The duty provided in the applicable subheading + 25%") gives a rate with no programmes.
// Tolerates "Free(A, AU...)", newlines, "...SG)2.7% (JP)", "(B,C,)" and a stray ".OM".
std::vector<SpecialRate> parse_special_column(std::string_view text);

// The rate a claimed programme gets: the entry listing it, and the symbol as listed. A claim
// matches its own symbol, the same symbol with '*' (the programme with some countries excluded
// for this line: the caller checks the origin) and, for "A" (GSP), "A+" (least-developed
// beneficiaries only). rate is nullptr when no entry lists the programme.
struct ProgrammeMatch {
  const SpecialRate* rate = nullptr;
  std::string_view symbol;
};
ProgrammeMatch find_programme(const std::vector<SpecialRate>& rates, std::string_view programme);

} // namespace dutycalc::rate
