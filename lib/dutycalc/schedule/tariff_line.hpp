// One line of a nomenclature edition: a code, its description and units, and its rate columns.
#pragma once

#include <dutycalc/hs_code.hpp>
#include <dutycalc/rate/expression.hpp>

#include <string>

namespace dutycalc::schedule {

struct TariffLine {
  HsCode code;
  int indent = 0;
  int source_line = 0;      // line in the edition file, for messages
  std::string description;  // as published, markup removed
  std::string units;        // the statistical units, ';'-separated ("kg", "No.;kg")
  rate::Expression general; // column 1 general (MFN)
  rate::Expression special; // column 1 special (preference programmes), kept as text for now
  rate::Expression column2; // column 2 (non-normal trade relations)
  std::string footnotes;
};

} // namespace dutycalc::schedule
