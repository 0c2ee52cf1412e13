// A tariff schedule: its settings and its nomenclature editions (rules, quotas, fees and taxes
// join in later format revisions).
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/schedule/nomenclature.hpp>

#include <string>
#include <vector>

namespace dutycalc::schedule {

// The schedule file format versions this program reads.
constexpr int k_oldest_format = 1;
constexpr int k_current_format = 1;

enum class ValuationBasis { transaction_value, cif };

struct Rounding {
  int places = 2;
  RoundingMode mode = RoundingMode::half_up;
  std::string point; // where rounding happens, for people: "each duty amount per line"
};

// One nomenclature edition (an HTS basic edition, a revision, a CN year).
struct Edition {
  std::string id;        // "HTS 2024 Basic Edition"
  Date effective;
  std::string source;    // where the data came from
  std::string file;      // path of the lines table, relative to the schedule directory
  Nomenclature nomenclature; // its edition() is `id`
};

struct Schedule {
  std::string name;          // "us"
  std::string title;
  std::string directory;     // where it was loaded from
  Currency currency;
  ValuationBasis valuation = ValuationBasis::transaction_value;
  Rounding rounding;
  std::string coverage;      // what the schedule models, for people
  std::vector<Edition> editions; // sorted by effective date, oldest first

  // The newest edition effective on or before `date`; the oldest when `date` precedes all
  // (then `before_oldest` is set so the line can say so).
  const Edition& edition_for(Date date, bool& before_oldest) const;
};

} // namespace dutycalc::schedule
