#include <dutycalc/importers/usitc_text.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/importers/json_reader.hpp>
#include <dutycalc/importers/utf8.hpp>

#include <fmt/format.h>

#include <array>
#include <cctype>
#include <cstdint>

namespace dutycalc::importers {

namespace {

// White space, and every other ASCII control character: none belongs in plain text (and a NUL
// from a JSON "\u0000" would make the lines table unreadable).
bool is_space(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return byte <= 0x20 || byte == 0x7F;
}

// The superscript form of a character, or empty when Unicode has none.
std::string_view superscript(char c) {
  static constexpr std::array<std::string_view, 10> k_digits = {"⁰", "¹", "²", "³", "⁴",
                                                                "⁵", "⁶", "⁷", "⁸", "⁹"};
  if (c >= '0' && c <= '9') return k_digits[static_cast<std::size_t>(c - '0')];
  if (c == '-') return "⁻";
  if (c == '+') return "⁺";
  return {};
}

// Decodes the entity starting at text[0] == '&'; returns the characters consumed (0: not one).
std::size_t decode_entity(std::string_view text, std::string& out) {
  const std::size_t semi = text.find(';');
  if (semi == std::string_view::npos || semi > 10) return 0;
  const std::string_view name = text.substr(1, semi - 1);
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 6> k_named = {
      {{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", " "}}};
  for (const auto& [entity, replacement] : k_named) {
    if (name == entity) {
      out.append(replacement);
      return semi + 1;
    }
  }
  if (name.size() >= 2 && name[0] == '#') {
    std::uint32_t cp = 0;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty()) return 0;
    for (const char c : digits) {
      const int d = std::isdigit(static_cast<unsigned char>(c)) ? c - '0'
                    : hex && std::isxdigit(static_cast<unsigned char>(c))
                        ? std::tolower(static_cast<unsigned char>(c)) - 'a' + 10
                        : -1;
      if (d < 0 || cp > 0x10FFFF) return 0;
      cp = cp * (hex ? 16u : 10u) + static_cast<std::uint32_t>(d);
    }
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    append_utf8(out, cp);
    return semi + 1;
  }
  return 0;
}

struct Tag {
  std::size_t length = 0; // characters consumed, 0 when not a tag
  std::string name;       // lower case, without '/'
  bool closing = false;
};

// Reads a tag at text[0] == '<': "<sup>", "</sup>", "<\/sup>" (JSON-escaped), "<nl/>",
// "<sup style=...>". Anything else ("< 5 mm") is not a tag.
Tag read_tag(std::string_view text) {
  Tag tag;
  std::size_t i = 1;
  if (i < text.size() && text[i] == '\\') ++i;
  if (i < text.size() && text[i] == '/') {
    tag.closing = true;
    ++i;
  }
  while (i < text.size() && std::isalpha(static_cast<unsigned char>(text[i])))
    tag.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(text[i++]))));
  if (tag.name.empty()) return {};
  const std::size_t end = text.find('>', i);
  if (end == std::string_view::npos) return {};
  tag.length = end + 1;
  return tag;
}

} // namespace

std::string plain_text(std::string_view markup) {
  std::string out;
  out.reserve(markup.size());
  bool in_sup = false;
  bool pending_space = false;
  const auto emit = [&](std::string_view text) {
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    out.append(text);
  };
  for (std::size_t i = 0; i < markup.size();) {
    const char c = markup[i];
    if (is_space(c)) {
      pending_space = true;
      ++i;
    } else if (c == '<') {
      const Tag tag = read_tag(markup.substr(i));
      if (tag.length == 0) {
        emit("<");
        ++i;
        continue;
      }
      if (tag.name == "sup") in_sup = !tag.closing;
      if (!tag.closing && (tag.name == "nl" || tag.name == "br" || tag.name == "newline"))
        pending_space = true;
      i += tag.length;
    } else if (c == '&') {
      std::string decoded;
      const std::size_t used = decode_entity(markup.substr(i), decoded);
      if (used == 0) {
        emit("&");
        ++i;
      } else {
        if (decoded.size() == 1 && is_space(decoded[0])) pending_space = true; // &nbsp; &#10;
        else emit(decoded);
        i += used;
      }
    } else if (in_sup && !superscript(c).empty()) {
      emit(superscript(c));
      ++i;
    } else {
      emit(std::string_view(&markup[i], 1));
      ++i;
    }
  }
  return out;
}

void add_unit(std::string_view exported, std::vector<std::string>& units) {
  std::string unit = plain_text(exported);
  if (!unit.empty()) units.push_back(std::move(unit));
}

std::optional<std::vector<std::string>> parse_units(std::string_view field, std::string& why) {
  std::vector<std::string> units;
  const std::size_t first = field.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return units;
  if (field[first] != '[') {
    why = "units are not a JSON array of strings";
    return std::nullopt;
  }
  JsonReader json(field, "units");
  try {
    json.begin_array();
    std::string unit;
    while (json.next_element()) {
      if (json.peek() != JsonType::string) {
        why = "units are not a JSON array of strings";
        return std::nullopt;
      }
      json.read_string(unit);
      add_unit(unit, units);
    }
    json.finish();
  } catch (const Error& e) {
    why = fmt::format("units are not valid JSON: {} (at byte {} of the field)", e.message(),
                      e.where().column);
    return std::nullopt;
  }
  return units;
}

} // namespace dutycalc::importers
