#include <dutycalc/explain/description_path.hpp>

#include <algorithm>

namespace dutycalc::explain {

std::vector<const schedule::TariffLine*> description_path(const schedule::Nomenclature& nomenclature,
                                                          const schedule::TariffLine& line) {
  const auto& lines = nomenclature.lines();
  std::vector<const schedule::TariffLine*> path{&line};
  // Pointer comparison only within the vector: check membership through std::less, which gives a
  // total order even for unrelated pointers.
  const std::less<const schedule::TariffLine*> before;
  if (lines.empty() || before(&line, lines.data()) || !before(&line, lines.data() + lines.size()))
    return path;
  int indent = line.indent;
  for (auto i = static_cast<std::size_t>(&line - lines.data()); i > 0 && indent > 0;) {
    --i;
    if (lines[i].indent < indent) {
      path.push_back(&lines[i]);
      indent = lines[i].indent;
    }
  }
  std::reverse(path.begin(), path.end());
  return path;
}

std::string path_step(const schedule::TariffLine& line) {
  std::string text = line.description;
  while (!text.empty() && (text.back() == ':' || text.back() == ' ')) text.pop_back();
  return text;
}

} // namespace dutycalc::explain
