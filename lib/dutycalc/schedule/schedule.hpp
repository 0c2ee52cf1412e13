// A tariff schedule: its settings and its nomenclature editions (rules, quotas, fees and taxes
// join in later format revisions).
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/quota/quota.hpp>
#include <dutycalc/schedule/country_group.hpp>
#include <dutycalc/schedule/landed_cost_rules.hpp>
#include <dutycalc/schedule/measure.hpp>
#include <dutycalc/schedule/nomenclature.hpp>

#include <deque>
#include <string>
#include <string_view>
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

// Rules refer to groups and measures by pointer, so a Schedule is moved, never copied.
struct Schedule {
  Schedule() = default;
  Schedule(Schedule&&) = default;
  Schedule& operator=(Schedule&&) = default;
  Schedule(const Schedule&) = delete;
  Schedule& operator=(const Schedule&) = delete;

  std::string name;          // "us"
  std::string title;
  std::string directory;     // where it was loaded from
  Currency currency;
  ValuationBasis valuation = ValuationBasis::transaction_value;
  Rounding rounding;
  std::string coverage;      // what the schedule models, for people
  std::vector<Edition> editions; // sorted by effective date, oldest first

  // Origin rules (deques: elements keep their addresses as more are added).
  std::deque<CountryGroup> groups;
  std::deque<Programme> programmes;
  std::deque<Measure> measures;       // in file order
  std::deque<Exemption> exemptions;
  std::deque<Notice> notices;
  std::deque<quota::Quota> quotas;
  std::deque<Fee> fees;
  std::deque<Tax> taxes;
  std::deque<DeMinimis> de_minimis;
  FxDate fx_date = FxDate::entry;
  // The countries whose goods pay the column 2 rates, with the dates they do; null when the
  // schedule has no column 2.
  const CountryGroup* column2 = nullptr;
  std::vector<std::string> rule_files; // as listed in schedule.toml

private:
  std::vector<Date> m_rule_changes;          // sorted, distinct
  std::vector<std::string> m_version_labels; // per edition, per change (+1 for "none yet")

public:

  // Indexes the dates rules start or end, for version(). Called once, after loading.
  void index_versions();
  // What priced a line on `date`: the edition and the latest rule change in force
  // ("HTS 2024 Basic Edition; rules as of 2025-06-04").
  std::string_view version(const Edition& edition, Date date) const;

  const CountryGroup* find_group(std::string_view id) const;
  const Programme* find_programme(std::string_view id) const;
  const Measure* find_measure(std::string_view id) const;
  const quota::Quota* find_quota(std::string_view id) const;

  // The newest edition effective on or before `date`; the oldest when `date` precedes all
  // (then `before_oldest` is set so the line can say so).
  const Edition& edition_for(Date date, bool& before_oldest) const;
};

} // namespace dutycalc::schedule
