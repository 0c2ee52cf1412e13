// What a rate text the grammar cannot read is, in a lines table. The lines format keeps legal
// prose on purpose ("The rate applicable to each garment in the ensemble if separately entered",
// "1.5 percent of the fair retail value"); `dutycalc check` must still catch a typo.
#pragma once

#include <dutycalc/rate/expression.hpp>

#include <string_view>

namespace dutycalc::schedule {

enum class UnreadableRate {
  prose,           // words the grammar does not know: legal text, kept as the format allows
  mistyped_number, // the grammar stopped inside a number: "2,6%", "12,5O%", "3.O%", "O5%" (an error)
  no_words,        // neither a rate nor prose: ":", "37% /" (a warning: published that way)
};

// Classifies `text`, which parse_expression() could not read because of `problem`. Prose fails
// at a word, after a space or a '/', never in the middle of a number; a text without a single
// letter cannot be prose. Checked against every rate text of the bundled US and EU tables: their
// prose (tests/data/rate/prose_texts.txt, the EU's seasonal and agricultural-component texts)
// all reads as prose, "37% /" and ":" as neither.
UnreadableRate classify_unreadable_rate(std::string_view text, const rate::ParseProblem& problem);

} // namespace dutycalc::schedule
