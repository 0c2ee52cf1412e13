// Canonical text of parsed expressions, for explanations and messages: the notation the amount
// was written in is kept (1.5¢, $1.32, 12 EUR), units get their short names.
#include <dutycalc/rate/expression.hpp>

namespace dutycalc::rate {

namespace {

std::string render_percent(const Node& node) {
  const Decimal one = Decimal::from_integer(1);
  if (node.divisor == one || node.divisor.is_zero()) return node.percent.to_string() + "%";
  // A fraction was written: percent = whole * divisor + numerator, all integers ("33 1/3%").
  const Decimal whole = round(node.percent.divided_by(node.divisor), 0, RoundingMode::down);
  const Decimal numerator = node.percent - whole * node.divisor;
  std::string text = whole.is_zero() ? std::string() : whole.to_string() + " ";
  return text + numerator.to_string() + "/" + node.divisor.to_string() + "%";
}

std::string render_amount(const Node& node) {
  switch (node.notation) {
  case Node::Notation::cents: return (node.amount * Decimal::from_integer(100)).to_string() + "¢";
  case Node::Notation::dollars: return "$" + node.amount.to_string();
  case Node::Notation::code: break;
  }
  return node.amount.to_string() + " " + std::string(node.currency.code());
}

std::string render_specific(const Node& node) {
  std::string text = render_amount(node);
  const bool per_one = node.per == Decimal::from_integer(1);
  if (node.unit == Unit::each && per_one && node.basis == Qualifier::none) return text + " each";
  text += "/";
  if (!per_one) text += node.per.to_string() + " ";
  if (node.basis == Qualifier::clean_yield) text += "clean ";
  text += name(node.unit);
  return text;
}

void render(const Expression& expression, std::uint32_t index, std::string& out) {
  const auto& nodes = expression.nodes();
  if (index >= nodes.size()) return;
  const Node& node = nodes[index];
  auto join = [&](std::string_view separator) {
    for (std::size_t i = 0; i < node.children.size(); ++i) {
      if (i > 0) out += separator;
      render(expression, node.children[i], out);
    }
  };
  switch (node.kind) {
  case Node::Kind::free: out += "Free"; break;
  case Node::Kind::ad_valorem: out += render_percent(node); break;
  case Node::Kind::specific: out += render_specific(node); break;
  case Node::Kind::applicable_subheading:
    out += "the duty provided in the applicable subheading";
    break;
  case Node::Kind::sum: join(" + "); break;
  case Node::Kind::maximum:
    out += "max(";
    join(", ");
    out += ")";
    break;
  case Node::Kind::minimum:
    out += "min(";
    join(", ");
    out += ")";
    break;
  }
  if (!node.qualifier.empty() && node.basis != Qualifier::clean_yield) {
    out += " ";
    out += node.qualifier;
  }
}

} // namespace

std::string to_string(const Expression& expression, std::uint32_t node) {
  if (expression.is_prose() || expression.is_empty()) return expression.text();
  std::string out;
  render(expression, node, out);
  return out;
}

std::string added_to_base(const Expression& expression) {
  if (expression.is_prose() || expression.is_empty()) return expression.text();
  const auto& nodes = expression.nodes();
  const Node& root = nodes[expression.root()];
  if (root.kind == Node::Kind::applicable_subheading) return "0";
  if (root.kind != Node::Kind::sum) return to_string(expression, expression.root());
  std::string text;
  for (const std::uint32_t child : root.children) {
    if (nodes[child].kind == Node::Kind::applicable_subheading) continue;
    if (!text.empty()) text += " + ";
    text += to_string(expression, child);
  }
  return text.empty() ? "0" : text;
}

} // namespace dutycalc::rate
