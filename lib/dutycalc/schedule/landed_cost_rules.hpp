// The rules that turn duties into a landed cost: fees charged per customs entry (the US
// merchandise processing and harbor maintenance fees), taxes on the line (EU import VAT), and de
// minimis thresholds under which an entry pays nothing.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/expression.hpp>
#include <dutycalc/schedule/country_group.hpp>
#include <dutycalc/schedule/measure.hpp>

#include <optional>
#include <string>
#include <vector>

namespace dutycalc::schedule {

// A fee computed once per entry on the entry's total value, bounded by a minimum and maximum,
// and shared among the entry's lines in proportion to their value.
struct Fee {
  std::string id;
  std::string title;
  std::optional<rate::Expression> rate; // ad valorem on the entry's value ("0.3464%")
  std::optional<Decimal> amount;        // or a flat amount per entry
  std::optional<Decimal> minimum;
  std::optional<Decimal> maximum;
  // Only entries whose total value is in this band (formal vs informal entries).
  std::optional<Decimal> entry_value_above;
  std::optional<Decimal> entry_value_at_most;
  std::vector<manifest::TransportMode> modes; // empty: every mode
  DateRange window;
  RuleOrigin origin;

  bool applies(Decimal entry_value, manifest::TransportMode mode, Date date) const;
};

enum class TaxBase { customs_value, customs_value_plus_duties };

// A tax on each line at the rate of the line's destination (EU import VAT).
struct Tax {
  std::string id;
  std::string title;
  std::vector<CountryCode> destinations;
  rate::Expression rate;
  TaxBase base = TaxBase::customs_value_plus_duties;
  DateRange window;
  bool open_start = false;
  RuleOrigin origin;

  bool applies(CountryCode destination, Date date) const;
};

// Entries whose total value is at or below the threshold enter free of duty, fees and taxes.
struct DeMinimis {
  std::string id;
  Decimal threshold;
  OriginScope origins;
  DateRange window;
  RuleOrigin origin;
};

// Which date's exchange rate converts a line's currency into the schedule's.
enum class FxDate {
  entry,  // the entry date
  export_date, // the date of exportation (the line's export_date; the entry date when missing)
  month,  // the rate dated the first day of the entry's month (monthly customs rates)
};

} // namespace dutycalc::schedule
