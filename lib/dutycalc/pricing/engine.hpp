// The pricing engine: one manifest line in, its duties and landed cost out, under the schedule as
// in force on the line's entry date.
#pragma once

#include <dutycalc/date.hpp>
#include <dutycalc/manifest/manifest_line.hpp>
#include <dutycalc/pricing/line_result.hpp>
#include <dutycalc/quota/allocation.hpp>
#include <dutycalc/schedule/schedule.hpp>

namespace dutycalc::pricing {

struct EngineOptions {
  Date default_date; // entry date of lines that carry none
};

class Engine {
public:
  Engine(const schedule::Schedule& schedule, EngineOptions options);

  // Prices `line` into `out` (cleared first). `draw` is what the line drew on a quota (see
  // quota::allocate), or null. Never throws for a problem of the line: a line that cannot be
  // priced gets status error and the reason; arithmetic overflow is such a problem too.
  void price(const manifest::ManifestLine& line, LineResult& out,
             const quota::QuotaDraw* draw = nullptr) const;

  // The entry date a line is priced at.
  Date date_of(const manifest::ManifestLine& line) const {
    return line.date.value_or(m_options.default_date);
  }
  const schedule::Schedule& schedule() const { return m_schedule; }

private:
  void price_checked(const manifest::ManifestLine& line, LineResult& out,
                     const quota::QuotaDraw* draw) const;
  const schedule::Schedule& m_schedule;
  EngineOptions m_options;
};

} // namespace dutycalc::pricing
