#include <dutycalc/pricing/line_result.hpp>

namespace dutycalc::pricing {

void LineResult::clear() {
  status = LineStatus::ok;
  schedule_version = {};
  rate.clear();
  base_duty = additional_duty = fees = taxes = landed_cost = Money{};
  value = freight = insurance = customs_value = Money{};
  quota.clear();
  message.clear();
  rules.clear();
  claim = nullptr;
  problem_column = manifest::Column::count_;
}

void LineResult::warn(std::string_view text) {
  if (!detail) return;
  if (!message.empty()) message.append("; ");
  message.append(text);
}

void LineResult::fail(std::string_view text) {
  status = LineStatus::error;
  // The reason for failure comes first; warnings gathered so far follow it.
  std::string previous = std::move(message);
  message.assign(text);
  if (!previous.empty()) message.append("; ").append(previous);
}

} // namespace dutycalc::pricing
