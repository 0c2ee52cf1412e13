// Tariff-rate and absolute quotas: a volume per period that lines draw on first come, first
// served; what a line pays depends on whether its quantity falls in or over the quota.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/rate/unit.hpp>
#include <dutycalc/schedule/country_group.hpp>
#include <dutycalc/schedule/measure.hpp>
#include <dutycalc/schedule/product_scope.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dutycalc::quota {

enum class PeriodKind { year, half_year, quarter, month };

// A quota period: its kind and first day, with a label such as "2022", "2022-H1", "2022-Q3",
// "2022-07" (for years starting on 1 January; otherwise "2022/23", "2022/23-Q1"...).
struct Period {
  PeriodKind kind = PeriodKind::year;
  Date start;
  Date end; // first day after the period
  std::string label;
};

// The period of `kind` containing `date`, for years starting on `year_start_month`/`_day`.
Period period_containing(PeriodKind kind, int year_start_month, int year_start_day, Date date);
// Parses a period label as period_containing() writes it; nullopt when it is not one.
std::optional<Period> parse_period(PeriodKind kind, int year_start_month, int year_start_day,
                                   std::string_view label);
std::optional<PeriodKind> parse_period_kind(std::string_view text); // "year", "half-year"...
std::string_view to_string(PeriodKind kind);

// What a quota measures drawn amounts in: a unit of quantity (kg, t...) or the line's value.
struct VolumeUnit {
  bool is_value = false;
  rate::Unit unit = rate::Unit::kg; // when !is_value
};

enum class QuotaKind {
  tariff_rate, // over the volume, a higher duty
  absolute,    // over the volume, goods are refused entry
};

struct Quota {
  std::string id;
  std::string title;
  QuotaKind kind = QuotaKind::tariff_rate;
  schedule::ProductScope products;
  schedule::OriginScope origins;
  // Goods qualify only when melted/smelted in these (empty: no condition), as an origin scope
  // so that "the EU" can be named.
  std::optional<schedule::OriginScope> melt_origins;
  DateRange window;
  PeriodKind period = PeriodKind::year;
  int year_start_month = 1;
  int year_start_day = 1;
  Decimal volume;    // per period, in `unit`
  VolumeUnit unit;
  // In quota: measures that do not apply to the in-quota part, and the rate that replaces the
  // base rate there (none: the base rate stays). Over quota: the rate that replaces the base rate.
  std::vector<const schedule::Measure*> in_quota_exempts;
  std::optional<rate::Expression> in_quota_rate;
  std::optional<rate::Expression> over_quota_rate;
  schedule::RuleOrigin origin;

  // Whether a line of this code, origin, melt country and date draws on this quota.
  bool reaches(HsCode code, schedule::CountryCode origin_country,
               schedule::CountryCode melt_country, Date date) const;
  Period period_of(Date date) const {
    return period_containing(period, year_start_month, year_start_day, date);
  }
};

} // namespace dutycalc::quota
