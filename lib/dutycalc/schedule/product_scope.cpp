#include <dutycalc/schedule/product_scope.hpp>

#include <algorithm>

namespace dutycalc::schedule {

bool CodeRange::contains(HsCode code) const {
  if (code.length() < low.length()) {
    // A shorter code (a heading) is inside only when all it covers is: its extent must lie
    // within the range. E.g. 7208 is inside 7206.10-7216.50, 7216 is not.
    const int n = code.length();
    return low.prefix(n).digits_value() < code.digits_value() &&
           code.digits_value() < high.prefix(n).digits_value();
  }
  const std::uint64_t v = code.prefix(low.length()).digits_value();
  return low.digits_value() <= v && v <= high.digits_value();
}

std::string CodeRange::describe() const {
  if (low == high) return low.formatted();
  return low.formatted() + "-" + high.formatted();
}

std::optional<CodeRange> parse_code_range(std::string_view text, std::string& why) {
  const std::size_t dash = text.find('-');
  const auto low = HsCode::parse(text.substr(0, dash), 4, &why);
  if (!low) return std::nullopt;
  if (dash == std::string_view::npos) return CodeRange{*low, *low};
  const auto high = HsCode::parse(text.substr(dash + 1), 4, &why);
  if (!high) return std::nullopt;
  if (high->length() != low->length()) {
    why = "both ends of a code range must have the same number of digits";
    return std::nullopt;
  }
  if (high->digits_value() < low->digits_value()) {
    why = "a code range must go from the lower code to the higher";
    return std::nullopt;
  }
  return CodeRange{*low, *high};
}

bool ProductScope::matches(HsCode code) const {
  const auto in = [&](const CodeRange& r) { return r.contains(code); };
  return std::any_of(include.begin(), include.end(), in) &&
         std::none_of(exclude.begin(), exclude.end(), in);
}

} // namespace dutycalc::schedule
