#include <dutycalc/importers/starter_schedule.hpp>

#include <dutycalc/schedule/schedule.hpp>

#include <fmt/format.h>

#include <cctype>

namespace dutycalc::importers {

namespace {

// A TOML basic string.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (static_cast<unsigned char>(c) < 0x20) {
      out += fmt::format("\\u{:04X}", static_cast<unsigned>(c));
    } else {
      out.push_back(c);
    }
  }
  out.push_back('"');
  return out;
}

} // namespace

std::string table_file_name(std::string_view edition_id) {
  std::string name;
  for (const char c : edition_id) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else if (!name.empty() && name.back() != '-') {
      name.push_back('-');
    }
  }
  while (!name.empty() && name.back() == '-') name.pop_back();
  if (name.empty()) name = "lines";
  return name + ".csv";
}

std::string edition_toml(const EditionInfo& edition) {
  return fmt::format("[[edition]]\nid = {}\neffective = {}\nfile = {}\nsource = {}\n",
                     quoted(edition.id),
                     edition.effective ? edition.effective->to_string() : "YYYY-MM-DD",
                     quoted(edition.file),
                     quoted(edition.source));
}

std::string starter_schedule_toml(std::string_view name, const EditionInfo& edition,
                                  const StarterSettings& settings) {
  return fmt::format("format = {}\n"
                     "name = {}\n"
                     "title = {}\n"
                     "currency = {}\n"
                     "{}valuation = {}\n"
                     "coverage = {}\n"
                     "\n"
                     "[rounding]\n"
                     "places = 2\n"
                     "mode = \"half-up\"\n"
                     "point = \"each duty amount per line\"\n"
                     "\n{}",
                     schedule::k_current_format, quoted(name), quoted(edition.id),
                     quoted(settings.currency), settings.valuation_note, quoted(settings.valuation),
                     quoted(settings.coverage), edition_toml(edition));
}

StarterSettings hts_starter_settings(const EditionInfo& edition) {
  return {"USD", "transaction-value", "",
          fmt::format("general (MFN) rates of {}; not yet modelled: preference programmes, "
                      "column 2, additional duties, quotas, fees, taxes",
                      edition.id)};
}

} // namespace dutycalc::importers
