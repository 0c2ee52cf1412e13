// libFuzzer entry point for rule files (groups, programmes, measures, exemptions, notices,
// quotas, fees, taxes, de minimis), read as `dutycalc price` reads them (the first problem throws)
// and as `dutycalc check` does (every problem recorded, then the whole-schedule checks). Both
// modes run over a small 2024 edition, so references to headings and codes are checked too.
// Promises: the throwing mode loads or fails with dutycalc::Error; the collecting mode never
// throws, records every problem at a place in the file, reports the throwing mode's error among
// its own, and loads the same rules when the throwing mode loads.
#include <dutycalc/check/checks.hpp>
#include <dutycalc/error.hpp>
#include <dutycalc/schedule/rules_loader.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>

namespace {

using namespace dutycalc;

constexpr const char* k_name = "fuzz.toml";

// Rows of the HTS 2024 Basic Edition the bundled rules name (tests/data/check/good).
constexpr std::string_view k_lines = R"csv(# dutycalc lines format 1
hs_code,indent,description,units,general,special,column2,footnotes
7208,0,Flat-rolled products of iron or nonalloy steel,,,,,
7208.51.00,2,Of a thickness exceeding 10 mm,,Free,,20%,
7208.51.00.30,3,Universal mill plate,kg,,,,
7601,0,Unwrought aluminum:,,,,,
7601.10.30.00,2,In coils,kg,2.6%,"Free (A,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)",18.5%,
7614.10.50,2,Other,,4.9%,"Free (A,AU,BH,CL,CO,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)",35%,
0804.50.80,2,Dried,,1.5¢/kg,"Free (A*,AU,BH,CL,CO,D,E,IL,JO,KR,MA,OM,P,PA,PE,S,SG)",33.1¢/kg,
9903.80.01,0,Products of iron or steel,,The duty provided in the applicable subheading + 25%,,,
9903.85.01,0,Products of aluminum,,The duty provided in the applicable subheading + 10%,,,
9903.88.01,0,Articles the product of China,,The duty provided in the applicable subheading + 25%,,,
)csv";

schedule::Schedule with_edition() {
  static const schedule::Edition k_edition = [] {
    schedule::Edition edition;
    edition.id = "HTS 2024 Basic Edition";
    edition.effective = *Date::parse("2024-01-01");
    edition.nomenclature.set_edition(edition.id);
    schedule::parse_lines_table(k_lines, "lines.csv", edition.nomenclature);
    return edition;
  }();
  schedule::Schedule s;
  s.editions.push_back(k_edition);
  return s;
}

// How many rules of each kind loaded, to compare the two modes.
std::array<std::size_t, 9> counts(const schedule::Schedule& s) {
  return {s.groups.size(),  s.programmes.size(), s.measures.size(),
          s.exemptions.size(), s.notices.size(), s.quotas.size(),
          s.fees.size(),    s.taxes.size(),      s.de_minimis.size()};
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  schedule::Schedule thrown_into = with_edition();
  std::optional<Error> thrown;
  try {
    schedule::parse_rules_file(text, k_name, thrown_into);
  } catch (const Error& e) {
    if (e.message().empty()) std::abort();
    thrown = e;
  }

  schedule::Schedule collected = with_edition();
  schedule::Diagnostics sink;
  schedule::parse_rules_file(text, k_name, collected, &sink); // must not throw
  check::check_overlaps(collected, sink);
  check::check_duplicate_ids(collected, sink);
  check::check_programmes(collected, sink);
  for (const schedule::Diagnostic& d : sink.all()) {
    if (d.message.empty() || d.where.file != k_name || d.where.line < 0 || d.where.column < 0)
      std::abort();
  }
  if (thrown) {
    const bool reported = std::any_of(sink.all().begin(), sink.all().end(), [&](const auto& d) {
      return d.severity == schedule::Severity::error && d.message == thrown->message() &&
             d.where.line == thrown->where().line && d.where.column == thrown->where().column;
    });
    if (!reported) std::abort();
  } else if (counts(thrown_into) != counts(collected)) {
    std::abort();
  }
  return 0;
}
