// The duty expression grammar (recursive descent over bytes; never throws, never reads past the
// end). Keywords are case-insensitive; whitespace, no-break spaces and inline markup are free.
//
//   rate     := bounded END
//   bounded  := sum { ("MIN" | "MAX") sum }      A MIN B = max(A, B); A MAX B = min(A, B)
//   sum      := term { ("+" | "plus") term }
//   term     := primary [qualifier]               "on drained weight", "on the case" (unit.hpp)
//   primary  := "Free" | "No change" | APPLICABLE | ("max"|"min") "(" bounded {"," bounded} ")"
//             | "(" bounded ")" | number [int "/" int] ("%" | "percent")
//             | money ( "/" [number] unit | "each" )
//   money    := number "¢" | "$" number | number "€" | number ISO-4217-code
//   APPLICABLE := "The duty provided [for] in the applicable subheading" (spaces optional)
//
// "No change" (chapter 99 special and column 2 texts) means the column's rate of the applicable
// subheading, unchanged, so it parses as that.
#include <dutycalc/rate/expression.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/rate/text_match.hpp>

#include <optional>

namespace dutycalc::rate {

using detail::fold;
using detail::is_alnum;
using detail::is_alpha;
using detail::is_digit;

class Parser {
public:
  explicit Parser(std::string_view text) : m_text(text) {}

  detail::ExpressionData run() {
    detail::ExpressionData result;
    std::size_t begin = detail::skip_whitespace(m_text, 0);
    std::size_t end = m_text.size();
    while (end > begin && is_blank_byte(m_text[end - 1])) --end;
    result.text = std::string(m_text.substr(begin, end - begin));
    if (begin == m_text.size()) return result;
    m_pos = begin;
    const auto root = bounded();
    if (root) {
      skip();
      if (m_pos != m_text.size()) fail(m_pos, "expected '+', MIN, MAX or the end of the rate");
    }
    if (m_problem) {
      result.problem = std::move(*m_problem);
      return result;
    }
    result.nodes = std::move(m_nodes);
    result.root = *root;
    return result;
  }

private:
  static constexpr int k_max_depth = 32;
  using Index = std::optional<std::uint32_t>;

  static bool is_blank_byte(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }

  void skip() { m_pos = detail::skip_whitespace(m_text, m_pos); }
  bool at_end() const { return m_pos >= m_text.size(); }
  char peek() const { return at_end() ? '\0' : m_text[m_pos]; }

  Index fail(std::size_t at, std::string message) {
    if (!m_problem) m_problem = ParseProblem{at, std::move(message)};
    return std::nullopt;
  }

  // Consumes `spelling` (see match_spelling) after whitespace, or leaves the position alone.
  bool accept(std::string_view spelling) {
    const std::size_t start = detail::skip_whitespace(m_text, m_pos);
    const std::size_t n = detail::match_spelling(m_text, start, spelling);
    if (n == 0) return false;
    m_pos = start + n;
    return true;
  }

  bool accept_char(char c) {
    skip();
    if (peek() != c) return false;
    ++m_pos;
    return true;
  }

  std::uint32_t add(Node node) {
    m_nodes.push_back(std::move(node));
    return static_cast<std::uint32_t>(m_nodes.size() - 1);
  }

  std::uint32_t combine(Node::Kind kind, std::uint32_t a, std::uint32_t b) {
    Node node;
    node.kind = kind;
    node.children = {a, b};
    return add(std::move(node));
  }

  Index bounded() {
    if (++m_depth > k_max_depth) return fail(m_pos, "rate is nested too deeply");
    Index left = sum();
    while (left) {
      // "MAX(" after a complete sum is not a cap but a stray function call: leave it to the caller.
      const std::size_t save = m_pos;
      if (accept("min")) {
        if (const Index right = sum()) left = combine(Node::Kind::maximum, *left, *right);
        else left = std::nullopt;
      } else if (accept("max")) {
        if (const Index right = sum()) left = combine(Node::Kind::minimum, *left, *right);
        else left = std::nullopt;
      } else {
        m_pos = save;
        break;
      }
    }
    --m_depth;
    return left;
  }

  Index sum() {
    Index first = term();
    if (!first) return first;
    Node node;
    node.kind = Node::Kind::sum;
    node.children.push_back(*first);
    while (accept_char('+') || accept("plus")) {
      const Index next = term();
      if (!next) return next;
      node.children.push_back(*next);
    }
    if (node.children.size() == 1) return first;
    return add(std::move(node));
  }

  Index term() {
    const Index index = primary();
    if (!index) return index;
    Node& node = m_nodes[*index];
    if (node.kind != Node::Kind::ad_valorem && node.kind != Node::Kind::specific) return index;
    const auto match = match_qualifier(m_text.substr(m_pos));
    if (!match) return index;
    const bool value_part = is_value_part(match->qualifier) ||
                            match->qualifier == Qualifier::entire_set;
    if (value_part != (node.kind == Node::Kind::ad_valorem)) {
      return fail(detail::skip_whitespace(m_text, m_pos),
                  node.kind == Node::Kind::ad_valorem
                      ? "a percentage cannot be on a quantity"
                      : "an amount per unit cannot be on a part's value");
    }
    node.basis = match->qualifier;
    node.qualifier = std::string(name(match->qualifier));
    m_pos += match->length;
    return index;
  }

  Index primary() {
    skip();
    const std::size_t start = m_pos;
    if (at_end()) return fail(start, "expected a rate after this");
    if (accept("free")) return add(Node{});
    if (accept("no change") || accept_applicable()) {
      Node node;
      node.kind = Node::Kind::applicable_subheading;
      return add(std::move(node));
    }
    if (accept("max") && accept_char('(')) return function(Node::Kind::maximum);
    m_pos = start;
    if (accept("min") && accept_char('(')) return function(Node::Kind::minimum);
    m_pos = start;
    if (accept_char('(')) {
      const Index inner = bounded();
      if (!inner) return inner;
      if (!accept_char(')')) return fail(m_pos, "expected ')'");
      return inner;
    }
    if (peek() == '$') {
      ++m_pos;
      skip();
      Decimal amount;
      if (!number(amount)) return std::nullopt;
      return per_unit(amount, Currency::usd(), Node::Notation::dollars);
    }
    if (is_digit(peek()) || peek() == '.') return number_led();
    return fail(start, "expected a rate: a number, Free, $, max(...) or the applicable subheading");
  }

  // "The duty provided [for] in the applicable subheading", letters compared with every space
  // optional: the HTS prints "inthe" and "subheading+ 25%".
  bool accept_applicable() {
    for (const std::string_view phrase : {std::string_view("thedutyprovidedintheapplicablesubheading"),
                                          std::string_view("thedutyprovidedforintheapplicablesubheading")}) {
      std::size_t i = m_pos;
      std::size_t k = 0;
      while (k < phrase.size()) {
        i = detail::skip_whitespace(m_text, i);
        if (i >= m_text.size() || fold(m_text[i]) != phrase[k]) break;
        ++i;
        ++k;
      }
      if (k == phrase.size() && !(i < m_text.size() && is_alnum(m_text[i]))) {
        m_pos = i;
        return true;
      }
    }
    return false;
  }

  Index function(Node::Kind kind) {
    Node node;
    node.kind = kind;
    do {
      const Index argument = bounded();
      if (!argument) return argument;
      node.children.push_back(*argument);
    } while (accept_char(','));
    if (!accept_char(')')) return fail(m_pos, "expected ',' or ')'");
    return add(std::move(node));
  }

  // A plain decimal at the position ("2.6", ".5", "100"); reports a problem when there is none.
  bool number(Decimal& out) {
    const std::size_t start = m_pos;
    while (!at_end() && (is_digit(peek()) || peek() == '.')) ++m_pos;
    switch (Decimal::parse(m_text.substr(start, m_pos - start), out)) {
    case Decimal::ParseStatus::ok: return true;
    case Decimal::ParseStatus::too_many_places:
      fail(start, "number has more than 12 decimal places");
      return false;
    case Decimal::ParseStatus::overflow:
      fail(start, "number is too large");
      return false;
    case Decimal::ParseStatus::syntax: break;
    }
    fail(start, "expected a number");
    return false;
  }

  // The count in "/100 kg" or "/1,000 pins": a plain decimal, or an integer with ',' between
  // groups of three digits (only here: elsewhere a comma separates max() arguments).
  bool per_count(Decimal& out) {
    std::size_t i = m_pos;
    while (i < m_text.size() && is_digit(m_text[i]) && i - m_pos < 4) ++i;
    const std::size_t lead = i - m_pos;
    std::string digits(m_text.substr(m_pos, lead));
    while (lead <= 3 && digits.size() < 18 && i + 3 < m_text.size() && m_text[i] == ',' &&
           is_digit(m_text[i + 1]) && is_digit(m_text[i + 2]) && is_digit(m_text[i + 3])) {
      digits.append(m_text.substr(i + 1, 3));
      i += 4;
    }
    if (digits.size() == lead) return number(out); // no separator: decimals allowed
    m_pos = i;
    if (Decimal::parse(digits, out) == Decimal::ParseStatus::ok) return true;
    fail(i, "number is too large");
    return false;
  }

  // What follows a number: "%", a fraction and "%", "¢", "€" or a currency code.
  Index number_led() {
    const std::size_t start = m_pos;
    Decimal value;
    if (!number(value)) return std::nullopt;
    const std::size_t after_number = m_pos;
    skip();
    if (is_digit(peek()) && m_text.substr(start, after_number - start).find('.') == std::string_view::npos) {
      if (const Index fraction = fraction_percent(value)) return fraction;
      if (m_problem) return std::nullopt;
    }
    if (accept_char('%') || accept("percent")) {
      Node node;
      node.kind = Node::Kind::ad_valorem;
      node.percent = value;
      node.divisor = Decimal::from_integer(1);
      return add(std::move(node));
    }
    // U+00A2 CENT SIGN is C2 A2; U+20AC EURO SIGN is E2 82 AC.
    if (m_text.substr(m_pos, 2) == "\xC2\xA2") {
      m_pos += 2;
      return per_unit(value.divided_by(Decimal::from_integer(100)), Currency::usd(),
                      Node::Notation::cents);
    }
    if (m_text.substr(m_pos, 3) == "\xE2\x82\xAC") {
      m_pos += 3;
      return per_unit(value, Currency::eur(), Node::Notation::code);
    }
    if (m_pos + 3 <= m_text.size() && is_alpha(m_text[m_pos]) && is_alpha(m_text[m_pos + 1]) &&
        is_alpha(m_text[m_pos + 2]) && !(m_pos + 3 < m_text.size() && is_alnum(m_text[m_pos + 3]))) {
      char code[3];
      for (int i = 0; i < 3; ++i) {
        const char c = m_text[m_pos + static_cast<std::size_t>(i)];
        code[i] = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
      }
      if (const auto currency = Currency::from_code(std::string_view(code, 3))) {
        m_pos += 3;
        return per_unit(value, *currency, Node::Notation::code);
      }
      return fail(m_pos, "unknown currency code");
    }
    return fail(m_pos, "expected %, ¢ or a currency after the number");
  }

  // "33 1/3%": `whole` is read; the position is at the numerator. Returns nullopt without a
  // problem when the text is not a fraction after all.
  Index fraction_percent(Decimal whole) {
    const std::size_t start = m_pos;
    std::size_t i = m_pos;
    auto digits = [&](Decimal& out) {
      const std::size_t from = i;
      while (i < m_text.size() && is_digit(m_text[i]) && i - from < 9) ++i;
      if (i == from || (i < m_text.size() && is_digit(m_text[i]))) return false;
      return Decimal::parse(m_text.substr(from, i - from), out) == Decimal::ParseStatus::ok;
    };
    Decimal numerator, denominator;
    if (!digits(numerator) || i >= m_text.size() || m_text[i] != '/') return std::nullopt;
    ++i;
    if (!digits(denominator)) return std::nullopt;
    m_pos = i;
    if (!(accept_char('%') || accept("percent"))) {
      m_pos = start;
      return std::nullopt;
    }
    if (denominator.is_zero() || numerator >= denominator)
      return fail(start, "fraction must be proper, like 1/3");
    Node node;
    node.kind = Node::Kind::ad_valorem;
    node.percent = whole * denominator + numerator;
    node.divisor = denominator;
    return add(std::move(node));
  }

  // After an amount of money: "/kg", "/ 100 kg", "/clean kg", " each".
  Index per_unit(Decimal amount, Currency currency, Node::Notation notation) {
    Node node;
    node.kind = Node::Kind::specific;
    node.amount = amount;
    node.currency = currency;
    node.notation = notation;
    node.per = Decimal::from_integer(1);
    if (accept("each")) {
      node.unit = Unit::each;
      return add(std::move(node));
    }
    if (!accept_char('/')) return fail(m_pos, "expected '/unit' or 'each' after the amount");
    skip();
    bool per_number = false;
    if (is_digit(peek())) {
      const std::size_t per_start = m_pos;
      if (!per_count(node.per)) return std::nullopt;
      if (node.per.is_zero()) return fail(per_start, "cannot be per zero units");
      per_number = true;
      skip();
    }
    if (accept("clean")) {
      node.basis = Qualifier::clean_yield;
      node.qualifier = "clean";
      skip();
    }
    const auto unit = match_unit(m_text.substr(m_pos));
    if (per_number && !unit && !(!at_end() && is_alpha(peek()))) {
      // "$1.34/1000" (cigarettes): a count of articles with no unit named.
      node.unit = Unit::each;
      return add(std::move(node));
    }
    if (!unit || unit->unit == Unit::percent_vol) return fail(m_pos, "expected a unit (kg, l, No., ...)");
    node.unit = unit->unit;
    m_pos += unit->length;
    return add(std::move(node));
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  int m_depth = 0;
  std::vector<Node> m_nodes;
  std::optional<ParseProblem> m_problem;
};

Expression parse_expression(std::string_view text) {
  detail::ExpressionData data;
  try {
    data = Parser(text).run();
  } catch (const std::exception&) {
    // Only arithmetic on absurd numbers (a fraction too large to hold) can throw: not a rate.
    data = detail::ExpressionData{};
    data.text = std::string(text);
    data.problem = ParseProblem{0, "number is too large"};
  }
  if (data.text.empty() && data.problem.message.empty()) return Expression();
  return Expression(std::make_shared<const detail::ExpressionData>(std::move(data)));
}

bool Expression::uses_applicable_subheading() const {
  for (const Node& node : m_data->nodes)
    if (node.kind == Node::Kind::applicable_subheading) return true;
  return false;
}

int display_column(std::string_view text, std::size_t offset) {
  int column = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  return column;
}

} // namespace dutycalc::rate
