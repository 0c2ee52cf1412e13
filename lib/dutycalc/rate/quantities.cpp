#include <dutycalc/rate/quantities.hpp>

#include <dutycalc/rate/text_match.hpp>

namespace dutycalc::rate {

bool Quantities::add(Quantity q) {
  if (m_size == k_capacity) return false;
  m_items[m_size++] = q;
  return true;
}

std::optional<Decimal> Quantities::in(Unit unit) const { return in(unit, Qualifier::none); }

std::optional<Decimal> Quantities::in(Unit unit, Qualifier qualifier) const {
  // A quantity declared in the very unit wins over one that needs converting.
  for (const Quantity& q : *this)
    if (q.unit == unit && q.qualifier == qualifier) return q.amount;
  for (const Quantity& q : *this) {
    if (q.qualifier != qualifier) continue;
    if (const auto factor = conversion_factor(q.unit, unit)) return q.amount * *factor;
  }
  if (unit == Unit::proof_liter) {
    // A proof liter is a liter at 50 %vol: proof liters = liters * strength / 50.
    const auto liters = in(Unit::liter, qualifier);
    const auto strength = in(Unit::percent_vol, Qualifier::none);
    if (liters && strength) return liters->scaled(*strength, Decimal::from_integer(50));
  }
  return std::nullopt;
}

std::optional<Quantity> parse_quantity(std::string_view text, std::string& error) {
  using detail::is_digit;
  std::size_t i = detail::skip_whitespace(text, 0);
  const std::size_t number_start = i;
  while (i < text.size() && (is_digit(text[i]) || text[i] == '.' || text[i] == '-' || text[i] == ',')) ++i;
  const std::string_view number = text.substr(number_start, i - number_start);
  Decimal amount;
  switch (Decimal::parse(number, amount)) {
  case Decimal::ParseStatus::ok: break;
  case Decimal::ParseStatus::too_many_places:
    error = "quantity '" + std::string(text) + "' has more than 12 decimal places";
    return std::nullopt;
  case Decimal::ParseStatus::overflow:
    error = "quantity '" + std::string(text) + "' is too large";
    return std::nullopt;
  case Decimal::ParseStatus::syntax:
    error = "quantity '" + std::string(text) +
            "' must be a plain decimal and a unit, like 50kg or 12.5 l";
    return std::nullopt;
  }
  if (amount.sign() < 0) {
    error = "quantity '" + std::string(text) + "' is negative";
    return std::nullopt;
  }
  i = detail::skip_whitespace(text, i);
  const auto unit = match_unit(text.substr(i));
  if (!unit) {
    error = i == text.size() ? "quantity '" + std::string(text) + "' has no unit, like 50kg"
                             : "quantity '" + std::string(text) + "' has an unknown unit '" +
                                   std::string(text.substr(i)) + "'";
    return std::nullopt;
  }
  i += unit->length;
  Qualifier qualifier = Qualifier::none;
  if (detail::skip_whitespace(text, i) != text.size()) {
    const auto q = match_qualifier(text.substr(i));
    if (!q || detail::skip_whitespace(text, i + q->length) != text.size()) {
      error = "quantity '" + std::string(text) + "' has unreadable text after the unit: '" +
              std::string(text.substr(detail::skip_whitespace(text, i))) + "'";
      return std::nullopt;
    }
    qualifier = q->qualifier;
  }
  return Quantity{amount, unit->unit, qualifier};
}

} // namespace dutycalc::rate
