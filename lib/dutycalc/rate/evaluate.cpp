// Evaluation of parsed duty expressions in exact decimals. Nothing is rounded here; with
// explain off no text is built unless something fails.
#include <dutycalc/rate/expression.hpp>

#include <dutycalc/error.hpp>

namespace dutycalc::rate {

namespace {

class Evaluator {
public:
  Evaluator(const EvaluationContext& context, Evaluation& out) : m_context(context), m_out(out) {}

  bool run(const Expression& expression) {
    if (expression.is_empty()) return error("no rate is stated");
    if (expression.is_prose())
      return error("rate is legal text the grammar cannot read: \"" + expression.text() + "\"");
    return node(expression, expression.root(), m_out.amount);
  }

private:
  bool error(std::string message) {
    m_out.error = std::move(message);
    return false;
  }

  std::string money(Decimal amount) const {
    return amount.to_string(m_context.currency.minor_units());
  }

  void line(const std::string& text) {
    if (!m_out.worked.empty()) m_out.worked += '\n';
    m_out.worked += m_prefix;
    m_out.worked += text;
  }

  bool node(const Expression& expression, std::uint32_t index, Decimal& amount) {
    const Node& n = expression.nodes()[index];
    switch (n.kind) {
    case Node::Kind::free:
      amount = Decimal();
      if (m_context.explain) line("Free = " + money(amount));
      return true;
    case Node::Kind::ad_valorem: return ad_valorem(expression, index, amount);
    case Node::Kind::specific: return specific(expression, index, amount);
    case Node::Kind::applicable_subheading: return applicable(amount);
    case Node::Kind::sum: {
      Decimal total;
      for (const std::uint32_t child : n.children) {
        Decimal part;
        if (!node(expression, child, part)) return false;
        total += part;
      }
      amount = total;
      // A sum inside max()/min() gets its own line so the comparison below it reads.
      if (m_context.explain && index != expression.root())
        line(to_string(expression, index) + " = " + money(amount));
      return true;
    }
    case Node::Kind::maximum:
    case Node::Kind::minimum: return extreme(expression, index, amount);
    }
    return error("unknown rate node");
  }

  bool ad_valorem(const Expression& expression, std::uint32_t index, Decimal& amount) {
    const Node& n = expression.nodes()[index];
    if (is_value_part(n.basis))
      return error("needs the value " + n.qualifier + " (a part's own value cannot be declared yet)");
    // value * percent / (100 * divisor), rounded once at the 12th place. Most percentages are
    // not fractions ("33 1/3%"): their divisor is 1, and 100 * 1 needs no multiplication.
    constexpr Decimal k_one = Decimal::from_integer(1);
    constexpr Decimal k_hundred = Decimal::from_integer(100);
    amount = m_context.value.scaled(n.percent, n.divisor == k_one ? k_hundred : k_hundred * n.divisor);
    if (m_context.explain)
      line(to_string(expression, index) + " × " + money(m_context.value) + " = " + money(amount));
    return true;
  }

  bool specific(const Expression& expression, std::uint32_t index, Decimal& amount) {
    const Node& n = expression.nodes()[index];
    if (!(n.currency == m_context.currency))
      return error("rate is in " + std::string(n.currency.code()) + " but the value is in " +
                   std::string(m_context.currency.code()));
    std::optional<Decimal> quantity;
    if (m_context.quantities != nullptr) quantity = m_context.quantities->in(n.unit, n.basis);
    if (!quantity) {
      std::string message = "needs a quantity in " + std::string(name(n.unit));
      if (n.basis != Qualifier::none) message += " " + std::string(name(n.basis));
      const std::string_view others = convertible_names(n.unit);
      if (!others.empty()) message += " (" + std::string(others) + " convert)";
      return error(std::move(message));
    }
    // amount per `per` units times the quantity, rounded once at the 12th place.
    amount = n.amount.scaled(*quantity, n.per);
    if (m_context.explain) {
      std::string unit(name(n.unit));
      if (n.basis != Qualifier::none) unit += " " + std::string(name(n.basis));
      line(to_string(expression, index) + " × " + quantity->to_string() + " " + unit + " = " +
           money(amount));
    }
    return true;
  }

  bool applicable(Decimal& amount) {
    const Expression* base = m_context.applicable_subheading;
    if (base == nullptr)
      return error("needs the rate of the applicable subheading, which is not known here");
    if (m_in_applicable || base->uses_applicable_subheading())
      return error("the applicable subheading's rate refers to an applicable subheading itself");
    if (base->is_empty()) return error("the applicable subheading states no rate");
    if (base->is_prose())
      return error("the applicable subheading's rate is legal text the grammar cannot read: \"" +
                   base->text() + "\"");
    m_in_applicable = true;
    if (m_context.explain) m_prefix = "applicable subheading: ";
    const bool ok = node(*base, base->root(), amount);
    m_prefix.clear();
    m_in_applicable = false;
    if (ok && m_context.explain && base->nodes()[base->root()].kind == Node::Kind::sum)
      line("applicable subheading (" + to_string(*base, base->root()) + ") = " + money(amount));
    return ok;
  }

  bool extreme(const Expression& expression, std::uint32_t index, Decimal& amount) {
    const Node& n = expression.nodes()[index];
    const bool want_max = n.kind == Node::Kind::maximum;
    std::string compared;
    for (std::size_t i = 0; i < n.children.size(); ++i) {
      Decimal part;
      if (!node(expression, n.children[i], part)) return false;
      if (i == 0 || (want_max ? part > amount : part < amount)) amount = part;
      if (m_context.explain) compared += (i > 0 ? ", " : "") + money(part);
    }
    if (m_context.explain) line((want_max ? "max(" : "min(") + compared + ") = " + money(amount));
    return true;
  }

  const EvaluationContext& m_context;
  Evaluation& m_out;
  std::string m_prefix;
  bool m_in_applicable = false;
};

} // namespace

Evaluation evaluate(const Expression& expression, const EvaluationContext& context) {
  Evaluation result;
  try {
    Evaluator evaluator(context, result);
    result.ok = evaluator.run(expression);
  } catch (const OverflowError& e) {
    // Too large to compute exactly: an error on this line, never a wrong number.
    result.ok = false;
    result.error = e.message();
  }
  if (!result.ok) {
    result.amount = Decimal();
    result.worked.clear();
  }
  return result;
}

} // namespace dutycalc::rate
