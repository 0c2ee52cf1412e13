// The pricing engine: one manifest line in, its duties and landed cost out, under the schedule as
// in force on the line's entry date.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/pricing/line_result.hpp>
#include <dutycalc/schedule/schedule.hpp>

namespace dutycalc::pricing {

struct EngineOptions {
  Date default_date; // entry date of lines that carry none
};

class Engine {
public:
  Engine(const schedule::Schedule& schedule, EngineOptions options);

  // Prices `line` into `out` (cleared first). Never throws for a problem of the line: a line that
  // cannot be priced gets status error and the reason. OverflowError propagates only from
  // arithmetic on absurd amounts and is turned into a line error here too.
  void price(const manifest::ManifestLine& line, LineResult& out) const;

  const schedule::Schedule& schedule() const { return m_schedule; }

private:
  void price_checked(const manifest::ManifestLine& line, LineResult& out) const;
  const schedule::Schedule& m_schedule;
  EngineOptions m_options;
};

} // namespace dutycalc::pricing
