// The UK-published CSV of the EU Common External Tariff under the 2020 Combined Nomenclature
// ("Tariffs to trade with the UK from 1 January 2021", global-uk-tariff.csv), read into
// lines-table rows whose general rate is the EU third-country (erga omnes) duty.
#pragma once

#include <dutycalc/importers/starter_schedule.hpp>
#include <dutycalc/schedule/lines_table.hpp>

#include <istream>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::importers {

// The columns read, by header name. The UK Global Tariff and the trade-remedy flags in the same
// file are not carried: they are UK measures from 2021, not EU ones.
constexpr const char* k_eu_cn_columns[] = {"commodity", "description", "cet_duty_rate"};

// The CET rate text as the duty grammar reads it. The published text is kept except: runs of
// white space become one space and the ends are trimmed; thousands separators go ("1,024.00 EUR /
// tonne" -> "1024.00 EUR / tonne"); a bare leading number before "+" or "MIN" gets the "%" the
// CN's "rate of duty (%)" column leaves implicit ("6.4 + 24.6 EUR/100 kg" -> "6.4% + ...").
std::string normalise_cet_rate(std::string_view text);

// Reads the CSV: a header naming at least the columns above, then one record per CN (8-digit)
// or TARIC (10-digit) line. Codes must have 8 or 10 digits and appear once; a 10-digit line is
// indented under its 8-digit parent when the file has it. Throws Error with file, line and column.
std::vector<schedule::LineRow> read_eu_cn_csv(std::istream& input, const std::string& display_name);

// The starter schedule.toml settings for an imported CN edition: EUR, CIF valuation, coverage
// saying that only third-country duties are modelled.
StarterSettings eu_cn_starter_settings(const EditionInfo& edition);

} // namespace dutycalc::importers
