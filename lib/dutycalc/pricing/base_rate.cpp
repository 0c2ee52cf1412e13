#include <dutycalc/pricing/base_rate.hpp>

#include <dutycalc/rate/special_column.hpp>

#include <fmt/format.h>

#include <cstdint>

namespace dutycalc::pricing {

namespace {

BaseRate general_rate(const schedule::Edition& edition, const schedule::TariffLine& line,
                      bool with_source, bool with_text) {
  BaseRate base;
  base.rate = &line.general;
  base.measure = "general";
  if (with_text) base.text = line.general.text();
  if (with_source) base.source = fmt::format("{}, {} general rate", edition.id, line.code.formatted());
  return base;
}

// What a tariff line's special column gives a claimed programme.
struct ProgrammeRate {
  enum class Kind { unlisted, unmodelled, granted };
  Kind kind = Kind::unlisted;
  rate::Expression rate; // as listed: legal prose or a reference when unmodelled
  std::string symbol;    // as listed: "KR", "A*"
};

// Worked out once per thread for each special column and programme and remembered, so that
// lines claiming a programme do not parse the column every time. The answer depends on the
// column's text and the programme only, and tariff lines that print the same text share one
// parsed Expression: the cache is direct-mapped on that parse's identity and the programme. Each
// entry holds a copy of the column's Expression, so the parse it names stays alive and its
// address cannot be taken by another while the entry exists (schedules come and go in one
// process). Only the answer is kept, not the parsed column, which is many times larger.
const ProgrammeRate& programme_rate(const schedule::TariffLine& line, std::string_view programme) {
  struct Entry {
    rate::Expression special;
    std::string programme;
    ProgrammeRate answer;
  };
  constexpr std::size_t k_entries = 4096; // a power of two
  thread_local std::vector<Entry> cache(k_entries);
  std::uint64_t key = reinterpret_cast<std::uintptr_t>(line.special.identity());
  for (const char c : programme) key = key * 31 + static_cast<unsigned char>(c);
  Entry& entry = cache[(key * 0x9E3779B97F4A7C15ull >> 40) & (k_entries - 1)];
  if (entry.special.identity() != line.special.identity() || entry.programme != programme) {
    entry.special = line.special;
    entry.programme.assign(programme);
    const std::string_view text = line.special.text();
    const std::vector<rate::SpecialRate> special = rate::parse_special_column(text);
    const rate::ProgrammeMatch match = rate::find_programme(special, programme);
    ProgrammeRate& answer = entry.answer;
    answer = ProgrammeRate{};
    if (match.rate) {
      answer.kind = match.rate->is_reference || match.rate->rate.is_prose()
                        ? ProgrammeRate::Kind::unmodelled
                        : ProgrammeRate::Kind::granted;
      answer.rate = match.rate->rate;
      answer.symbol.assign(match.symbol);
    }
  }
  return entry.answer;
}

} // namespace

bool programme_eligible(const schedule::Programme& programme, schedule::CountryCode origin,
                        Date date, std::string& why) {
  if (!programme.open_start && date < programme.window.from) {
    why = fmt::format("programme {} takes effect on {}", programme.id,
                      programme.window.from.to_string());
    return false;
  }
  if (programme.window.to && date >= *programme.window.to) {
    why = fmt::format("programme {} ended on {}", programme.id, programme.window.to->to_string());
    return false;
  }
  if (!programme.origins.matches(origin, date)) {
    why = fmt::format("origin {} is not eligible for programme {} ({}: {})",
                      schedule::view(origin), programme.id, programme.name,
                      programme.origins.describe());
    return false;
  }
  return true;
}

BaseRate choose_base_rate(const schedule::Schedule& schedule, const schedule::Edition& edition,
                          const schedule::TariffLine& line, schedule::CountryCode origin,
                          std::string_view programme, Date date, bool with_source,
                          bool with_text) {
  if (schedule.column2) {
    if (const auto* membership = schedule.column2->membership(origin, date)) {
      if (!line.column2.is_empty()) {
        BaseRate base;
        base.rate = &line.column2;
        base.measure = "column-2";
        base.text = line.column2.text() + " (column 2)";
        base.source = fmt::format("{}, {} column 2 rate; {}: {}", edition.id, line.code.formatted(),
                                  schedule.column2->name, schedule.column2->source);
        if (!membership->unconfirmed.empty())
          base.warnings.push_back(fmt::format("column 2 for {}: unconfirmed: {}",
                                              schedule::view(origin), membership->unconfirmed));
        if (!programme.empty())
          base.warnings.push_back(fmt::format("programme {} not granted: goods of {} pay column 2",
                                              programme, schedule::view(origin)));
        return base;
      }
    }
  }

  BaseRate base = general_rate(edition, line, with_source, with_text);
  if (programme.empty()) return base;

  const schedule::Programme* definition = schedule.find_programme(programme);
  if (!definition) {
    base.warnings.push_back(fmt::format("programme {} is not modelled in this schedule; priced at "
                                        "the general rate",
                                        programme));
    return base;
  }
  std::string why;
  if (!programme_eligible(*definition, origin, date, why)) {
    base.warnings.push_back(fmt::format("programme {} not granted: {}; priced at the general rate",
                                        programme, why));
    return base;
  }
  const ProgrammeRate& match = programme_rate(line, programme);
  if (match.kind == ProgrammeRate::Kind::unlisted) {
    base.warnings.push_back(fmt::format("programme {} not granted: {} does not list it in the "
                                        "special column; priced at the general rate",
                                        programme, line.code.formatted()));
    return base;
  }
  if (match.kind == ProgrammeRate::Kind::unmodelled) {
    base.warnings.push_back(fmt::format("programme {}'s rate for {} is \"{}\", which this schedule "
                                        "does not model; priced at the general rate",
                                        programme, line.code.formatted(), match.rate.text()));
    return base;
  }
  BaseRate granted;
  // The special rate lives in `line`'s special column: keep the parsed expression alive with it.
  granted.rate = nullptr;
  granted.measure = "programme";
  if (with_text) granted.text = fmt::format("{} ({})", match.rate.text(), match.symbol);
  if (with_source)
    granted.source = fmt::format("{}, {} special rate ({}); programme {}: {}", edition.id,
                                 line.code.formatted(), match.symbol, definition->name,
                                 definition->origin.source);
  if (match.symbol.ends_with('*'))
    granted.warnings.push_back(fmt::format("{} lists {} with '*': some countries are excluded from "
                                           "it for this line, which this schedule does not model",
                                           line.code.formatted(), match.symbol));
  if (!definition->origin.unconfirmed.empty())
    granted.warnings.push_back(
        fmt::format("programme {}: unconfirmed: {}", programme, definition->origin.unconfirmed));
  granted.special = match.rate;
  return granted;
}

} // namespace dutycalc::pricing
