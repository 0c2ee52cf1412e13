// The base-rate options of one tariff line for one origin and date: the general rate, each
// preference programme of the special column, and column 2 where it applies, with whether the
// importer can use each and the legal source behind it.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/quantities.hpp>
#include <dutycalc/schedule/schedule.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::explain {

struct DutyOption {
  enum class Kind { general, programme, column2 };
  enum class Status {
    applies,       // the rate the line is priced at (what `price` uses)
    available,     // the general rate, when a claimed programme applies instead
    eligible,      // a programme the origin may claim on the date (not claimed)
    not_eligible,  // a programme the origin may not claim on the date
    not_modelled,  // a programme, or a programme's rate, the schedule does not model
    not_available, // ruled out for this origin: goods of column 2 countries pay column 2
  };
  Kind kind = Kind::general;
  std::string symbol; // the programme's symbol as the special column lists it ("KR", "A+")
  std::string name;   // "general", the programme's name, "column 2"
  std::string rate;   // the rate text
  Status status = Status::available;
  std::string why;    // for people: the reason behind the status
  std::optional<Decimal> duty; // rounded as the schedule rounds; when a value was given
  std::string duty_problem;    // why there is no amount although a value was given
  // Where it comes from: the tariff line's column first, then the rule that grants or rules out
  // the option (the programme's definition, the column 2 group).
  std::vector<std::string> sources;
  std::string unconfirmed;     // a fact behind the option that the sources do not confirm
};

// "applies", "available", "eligible", "not eligible", "not modelled", "not available".
std::string_view to_string(DutyOption::Status status);
// "general", "programme", "column-2" (the engine's names for the base-rate measures).
std::string_view to_string(DutyOption::Kind kind);

// What the options are computed for.
struct OptionContext {
  const schedule::Schedule* schedule = nullptr;
  const schedule::Edition* edition = nullptr;
  const schedule::TariffLine* rated = nullptr; // the line whose rates apply
  schedule::CountryCode origin{};
  std::string_view programme; // claimed; empty for none
  Date date;
  std::optional<Decimal> value;
  const rate::Quantities* quantities = nullptr;
};

// Every base-rate option of `context.rated`, in this order: general, the special column's
// programmes as listed, then column 2 when the origin is in the schedule's column 2 group on the
// date. Which one applies is decided by pricing::choose_base_rate, as in the engine.
std::vector<DutyOption> list_options(const OptionContext& context);

} // namespace dutycalc::explain
