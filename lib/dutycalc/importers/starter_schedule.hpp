// The schedule.toml that `dutycalc import` writes into a directory that has none, and the
// [[edition]] table to add to one that has.
#pragma once

#include <dutycalc/date.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace dutycalc::importers {

// What an import knows about the edition it made.
struct EditionInfo {
  std::string id;     // "HTS 2024 Basic Edition"
  std::optional<Date> effective; // unknown unless given (--effective)
  std::string file;   // the lines table, relative to the schedule directory
  std::string source; // citation of the data
};

// A lines-table file name from an edition id: "HTS 2024 Basic Edition" ->
// "hts-2024-basic-edition.csv".
std::string table_file_name(std::string_view edition_id);

// The [[edition]] table for `edition`, in TOML, ending with a newline. An unknown effective date
// is written as the placeholder YYYY-MM-DD, for a person to fill in (TOML reads no such date).
std::string edition_toml(const EditionInfo& edition);

// What a starter schedule.toml says besides its edition: each importer knows its own.
struct StarterSettings {
  std::string_view currency;       // ISO 4217: "USD"
  std::string_view valuation;      // "transaction-value" or "cif"
  std::string_view valuation_note; // comment lines ("# ...\n") above `valuation`, or empty
  std::string coverage;            // what the schedule models, and what not yet
};

// A complete format-1 schedule.toml holding one edition, rounding half-up to the currency's cents
// per duty amount, with the settings given.
std::string starter_schedule_toml(std::string_view name, const EditionInfo& edition,
                                  const StarterSettings& settings);

// The settings for an HTS edition imported from a USITC export: USD, transaction value, coverage
// saying that only general (MFN) rates are modelled.
StarterSettings hts_starter_settings(const EditionInfo& edition);

} // namespace dutycalc::importers
