// Duty expressions as tariff schedules print them ("Free", "2.6%", "2.2¢/kg + 10%",
// "13.8% MIN 13 EUR/100 kg MAX 15 EUR/100 kg", "The duty provided in the applicable subheading + 25%"),
// parsed once and evaluated on a value and quantities.
#pragma once

#include <dutycalc/money/currency.hpp>
#include <dutycalc/money/decimal.hpp>
#include <dutycalc/rate/quantities.hpp>
#include <dutycalc/rate/unit.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dutycalc::rate {

// One node of a parsed expression. Nodes live in the Expression's vector; children are indices.
struct Node {
  enum class Kind : std::uint8_t {
    free,                  // "Free": zero
    ad_valorem,            // percent of value: percent / divisor ("33 1/3%" = 100 / 3)
    specific,              // amount of currency per `per` units: "1.5¢/kg", "13 EUR/100 kg"
    applicable_subheading, // "The duty provided in the applicable subheading": the base rate
    sum,                   // children added: compound "2.2¢/kg + 10%"
    maximum,               // greatest child: "max(5%, 0.10 USD/kg)", or "A MIN B" (a floor)
    minimum,               // least child: "min(...)", or "A MAX B" (a cap)
  };
  Kind kind = Kind::free;
  Decimal percent;           // ad_valorem
  Decimal divisor;           // ad_valorem: 1 unless a fraction was written
  Decimal amount;            // specific: in `currency` (1.5¢ is 0.015 USD)
  Currency currency;         // specific
  Decimal per;               // specific: units per amount (1, or 100 for "/100 kg")
  Unit unit = Unit::kg;      // specific
  // specific, ad_valorem: canonical text of what the term is measured on ("on drained weight",
  // "on the case"; see Qualifier). A qualified term needs a quantity declared with the same
  // qualifier, or fails for a part's value: never evaluated on the plain quantity.
  std::string qualifier;
  Qualifier basis = Qualifier::none; // what `qualifier` means; none when there is no qualifier
  // How the amount was written, so explanations echo it: 1.5¢ (cents), $1.32, or 12 EUR.
  enum class Notation : std::uint8_t { cents, dollars, code } notation = Notation::code;
  std::vector<std::uint32_t> children; // sum, maximum, minimum
};

// Why a text is not a readable expression: the byte offset (into the text given to
// parse_expression, before trimming) of the first character the grammar could not read, and
// what it expected there.
struct ParseProblem {
  std::size_t offset = 0;
  std::string message;
};

namespace detail {
// What a parsed expression holds. Shared, never changed once built.
struct ExpressionData {
  std::string text;
  std::vector<Node> nodes;
  std::uint32_t root = 0;
  ParseProblem problem;
};
// What an empty Expression points at, so accessors need no branch. (Not constinit: clang does
// not evaluate libstdc++'s std::string at compile time. Expressions made during static
// initialisation only take its address, which needs no initialisation.)
inline const ExpressionData k_empty_expression{};
} // namespace detail

// An immutable parsed expression. Copies share one parse: a schedule's tens of thousands of
// lines mostly print a few hundred distinct rates ("Free", "5%"), so each is held once.
class Expression {
public:
  Expression() = default;

  // The text as written (trimmed).
  const std::string& text() const { return m_data->text; }
  // No text at all: the line states no rate in this column.
  bool is_empty() const { return m_data->text.empty(); }
  // Text the grammar cannot read (legal prose): kept, never priced as zero.
  bool is_prose() const { return !m_data->text.empty() && m_data->nodes.empty(); }
  const ParseProblem& problem() const { return m_data->problem; }
  // Whether it refers to "the duty provided in the applicable subheading".
  bool uses_applicable_subheading() const;

  const std::vector<Node>& nodes() const { return m_data->nodes; }
  // The one parse this expression shares with its copies: equal for copies of one parse, and
  // unique to it while any copy lives (the same text parsed twice gives two).
  const void* identity() const { return m_data; }
  std::uint32_t root() const { return m_data->root; }

private:
  friend Expression parse_expression(std::string_view text);
  explicit Expression(std::shared_ptr<const detail::ExpressionData> data)
      : m_data(data.get()), m_owner(std::move(data)) {}
  const detail::ExpressionData* m_data = &detail::k_empty_expression;
  std::shared_ptr<const detail::ExpressionData> m_owner; // null for the empty expression
};

// Parses a duty expression. Never throws: text the grammar cannot read comes back as prose with
// its ParseProblem. Accepts what real schedules print, including "¢", "$", ISO currency codes,
// "33 1/3%", "each", "/pf. liter", "on drained weight", "MIN"/"MAX" clauses and max(...)/min(...).
Expression parse_expression(std::string_view text);

// The 1-based column of byte `offset` in `text` for messages, counting UTF-8 characters ("¢" is
// one column).
int display_column(std::string_view text, std::size_t offset);

// The canonical rendering of one node and its children ("2.2¢/kg + 10%"), for explanations.
std::string to_string(const Expression& expression, std::uint32_t node);

// What a chapter 99 rate adds to the base rate, as text: "25%" of "The duty provided in the
// applicable subheading + 25%"; "0" when it adds nothing; prose as written.
std::string added_to_base(const Expression& expression);

// What an evaluation needs from the line being priced.
struct EvaluationContext {
  Decimal value;                        // the dutiable value, in `currency`
  Currency currency;                    // the currency value and result are in
  const Quantities* quantities = nullptr;
  // The expression "the duty provided in the applicable subheading" (and "No change") stands
  // for in chapter 99 texts: the same column's rate of the goods' own subheading.
  const Expression* applicable_subheading = nullptr;
  // Fill Evaluation::worked with the computation, for people. Off on the pricing hot path.
  bool explain = false;
};

struct Evaluation {
  bool ok = false;
  Decimal amount;      // unrounded, in the context's currency; meaningful only when ok
  std::string error;   // when !ok: "needs a quantity in kg (g and t convert)", "rate is legal text..."
  // When explain: one line per step, '\n' between lines, no total line (the caller rounds and
  // prints the total): "2.2¢/kg × 50 kg = 1.10\n10% × 1000.00 = 100.00".
  std::string worked;
};

// Evaluates on a value and quantities. Amounts are not rounded here: the caller rounds once,
// at the point the schedule documents.
Evaluation evaluate(const Expression& expression, const EvaluationContext& context);

} // namespace dutycalc::rate
