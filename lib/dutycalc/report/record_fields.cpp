#include <dutycalc/report/record_fields.hpp>

namespace dutycalc::report {

namespace {
std::string amount_text(const Money& m) { return m.amount.to_string(m.currency.minor_units()); }
} // namespace

ResultFields::ResultFields(const pricing::LineResult& result) {
  const bool ok = result.status == pricing::LineStatus::ok;
  if (ok) {
    m_amounts = {amount_text(result.base_duty), amount_text(result.additional_duty),
                 amount_text(result.fees), amount_text(result.taxes),
                 amount_text(result.landed_cost)};
  }
  m_fields = {result.schedule_version,
              result.rate,
              m_amounts[0],
              m_amounts[1],
              result.quota,
              m_amounts[2],
              m_amounts[3],
              m_amounts[4],
              ok ? std::string_view("ok") : std::string_view("error"),
              result.message};
}

} // namespace dutycalc::report
