#include <dutycalc/importers/usitc_footnotes.hpp>

#include <dutycalc/importers/usitc_text.hpp>

#include <algorithm>
#include <string_view>
#include <tuple>

namespace dutycalc::importers {

namespace {

// Where a column sorts: the rate columns in the order a lines table has them, then the rest.
int column_rank(std::string_view name) {
  if (name == "general") return 0;
  if (name == "special") return 1;
  if (name == "column2") return 2;
  return 3;
}

auto column_order(const std::string& name) { return std::make_tuple(column_rank(name), name); }

void append_escaped(std::string& out, std::string_view text, std::string_view specials) {
  for (const char c : text) {
    if (specials.find(c) != std::string_view::npos) out.push_back('\\');
    out.push_back(c);
  }
}

struct Rendered {
  std::vector<std::string> columns; // plain text, sorted
  std::string text;                 // plain text
};

} // namespace

std::string render_footnotes(const std::vector<UsitcFootnote>& footnotes) {
  std::vector<Rendered> rendered;
  for (const UsitcFootnote& footnote : footnotes) {
    Rendered r;
    r.text = plain_text(footnote.value);
    if (r.text.empty()) continue;
    for (const std::string& column : footnote.columns) {
      std::string name = plain_text(column);
      if (name == "other") name = "column2";
      if (!name.empty()) r.columns.push_back(std::move(name));
    }
    std::stable_sort(r.columns.begin(), r.columns.end(), [](const auto& a, const auto& b) {
      return column_order(a) < column_order(b);
    });
    rendered.push_back(std::move(r));
  }
  // Footnotes without a column sort last: rank 4 is beyond every column's.
  const auto key = [](const Rendered& r) {
    return r.columns.empty() ? std::make_tuple(4, std::string()) : column_order(r.columns.front());
  };
  std::stable_sort(rendered.begin(), rendered.end(),
                   [&](const Rendered& a, const Rendered& b) { return key(a) < key(b); });

  std::string out;
  for (const Rendered& r : rendered) {
    if (!out.empty()) out.append("; ");
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
      if (i > 0) out.push_back(',');
      append_escaped(out, r.columns[i], "\\;,:");
    }
    if (!r.columns.empty()) out.append(": ");
    append_escaped(out, r.text, "\\;");
  }
  return out;
}

} // namespace dutycalc::importers
