// fmt formatting of Money: plain decimals with the currency's minor units ("25000.00");
// the `'` spec adds thousands separators ("25,000.00") for tables. Never rounds: an amount with
// more places than the currency has shows them all.
#pragma once

#include <dutycalc/money/money.hpp>

#include <fmt/core.h>

template <> struct fmt::formatter<dutycalc::Money> {
  bool m_grouped = false;
  constexpr auto parse(format_parse_context& ctx) {
    auto it = ctx.begin();
    if (it != ctx.end() && *it == '\'') {
      m_grouped = true;
      ++it;
    }
    return it;
  }
  template <class FormatContext> auto format(const dutycalc::Money& m, FormatContext& ctx) const {
    const int places = m.currency.minor_units();
    const std::string text =
        m_grouped ? m.amount.to_grouped_string(places) : m.amount.to_string(places);
    return fmt::format_to(ctx.out(), "{}", text);
  }
};
