// `dutycalc quota status`: each quota in force on a date, its current period and how much of
// it the ledger says is drawn.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/quota/ledger.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/output_format.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::schedule {
struct Schedule;
}

namespace dutycalc::quota {

enum class QuotaState {
  open,      // less than 90% drawn
  critical,  // at least 90% drawn (customs' own threshold for "nearly full")
  exhausted, // all drawn (or more, when an official level says so)
};

std::string_view to_string(QuotaState state);

struct QuotaStatus {
  std::string id;
  std::string title;
  std::string period;  // label, e.g. "2022-Q3"
  Date first_day;
  Date last_day;       // inclusive, for people
  Decimal volume;
  std::string unit;    // "kg", "t", or the schedule's currency for value quotas
  int places = 0;      // fraction digits amounts show at least (the currency's, for value)
  Decimal drawn;
  Decimal left;        // volume - drawn, never below zero
  QuotaState state = QuotaState::open;
};

// One row per quota of `schedule` in force on `date` (in schedule order), with its balance in
// the period containing `date`.
std::vector<QuotaStatus> quota_status(const schedule::Schedule& schedule, Ledger& ledger,
                                      Date date);

// What a state is for `drawn` of `volume`: exhausted at the volume, critical from 90% of it.
QuotaState quota_state(Decimal drawn, Decimal volume);

// Prints the rows: an aligned table with thousands separators for people, or CSV / JSON Lines
// records (plain decimals) with the fields quota, title, period, first_day, last_day, volume,
// unit, drawn, left, status.
void print_quota_status(const std::vector<QuotaStatus>& rows, OutputFormat format, Output& out);

} // namespace dutycalc::quota
