// The full description of a tariff line: its own text and the texts of the headings above it.
#pragma once

#include <dutycalc/schedule/nomenclature.hpp>

#include <string>
#include <vector>

namespace dutycalc::explain {

// The headings above `line` and then `line` itself, outermost first. Walks back through the
// edition's lines in file order: each earlier line with a smaller indent than the last one taken
// is an ancestor (text-only rows like "Other:" included), up to an indent-0 heading. `line`
// must be one of `nomenclature.lines()`; otherwise the path is `line` alone.
std::vector<const schedule::TariffLine*> description_path(const schedule::Nomenclature& nomenclature,
                                                          const schedule::TariffLine& line);

// A heading's text as a step of a path: the published text without its closing ':' ("Other:"
// reads "Other").
std::string path_step(const schedule::TariffLine& line);

} // namespace dutycalc::explain
