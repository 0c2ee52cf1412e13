#include <dutycalc/explain/write_explanation.hpp>

#include <dutycalc/error.hpp>

namespace dutycalc::explain {

void write_explanation(const Explanation& explanation, OutputFormat format, Output& out) {
  switch (format) {
  case OutputFormat::table: out.write(explanation_text(explanation)); break;
  case OutputFormat::jsonl: out.write(explanation_json(explanation)); break;
  case OutputFormat::csv:
    throw Error("explain writes table or jsonl, not csv (an explanation is not one record)");
  }
  out.flush();
}

std::string quantity_text(const rate::Quantity& quantity, bool grouped) {
  std::string text = grouped ? quantity.amount.to_grouped_string() : quantity.amount.to_string();
  text += ' ';
  text += rate::name(quantity.unit);
  if (quantity.qualifier != rate::Qualifier::none) {
    text += ' ';
    text += rate::name(quantity.qualifier);
  }
  return text;
}

} // namespace dutycalc::explain
