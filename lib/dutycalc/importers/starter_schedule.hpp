// The schedule.toml that `dutycalc import` writes into a directory that has none, and the
// [[edition]] table to add to one that has.
#pragma once

#include <dutycalc/date.hpp>

#include <string>
#include <string_view>

namespace dutycalc::importers {

// What an import knows about the edition it made.
struct EditionInfo {
  std::string id;     // "HTS 2024 Basic Edition"
  Date effective;
  std::string file;   // the lines table, relative to the schedule directory
  std::string source; // citation of the data
};

// A lines-table file name from an edition id: "HTS 2024 Basic Edition" -> "hts-2024-basic-edition.csv".
std::string table_file_name(std::string_view edition_id);

// The [[edition]] table for `edition`, in TOML, ending with a newline.
std::string edition_toml(const EditionInfo& edition);

// A complete format-1 schedule.toml holding one edition, USD, transaction value, rounding half-up
// to cents per duty amount, and coverage saying that only general (MFN) rates are modelled.
std::string starter_schedule_toml(std::string_view name, const EditionInfo& edition);

} // namespace dutycalc::importers
