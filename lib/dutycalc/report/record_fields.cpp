#include <dutycalc/report/record_fields.hpp>

namespace dutycalc::report {

ResultFields::ResultFields(const pricing::LineResult& result) {
  const bool ok = result.status == pricing::LineStatus::ok;
  std::array<std::string_view, 5> amounts{};
  if (ok) {
    const Money* money[] = {&result.base_duty, &result.additional_duty, &result.fees,
                            &result.taxes, &result.landed_cost};
    for (std::size_t i = 0; i < amounts.size(); ++i) {
      const std::size_t length =
          money[i]->amount.to_chars(m_amounts[i].data(), money[i]->currency.minor_units());
      amounts[i] = std::string_view(m_amounts[i].data(), length);
    }
  }
  m_fields = {result.schedule_version,
              result.rate,
              amounts[0],
              amounts[1],
              result.quota,
              amounts[2],
              amounts[3],
              amounts[4],
              ok ? std::string_view("ok") : std::string_view("error"),
              result.message};
}

} // namespace dutycalc::report
