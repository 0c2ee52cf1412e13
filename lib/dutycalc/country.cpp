#include <dutycalc/country.hpp>

#include <array>
#include <cstddef>
#include <string_view>

namespace dutycalc {

namespace {
// The 249 officially assigned ISO 3166-1 alpha-2 codes, taken from Debian's iso-codes 4.15.0
// (/usr/share/iso-codes/json/iso_3166-1.json), sorted.
constexpr std::string_view k_assigned[] = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
};

// XK (Kosovo) is a user-assigned code, not part of ISO 3166-1, but the European Commission and
// US CBP use it for origin, so manifests carry it.
constexpr std::string_view k_user_assigned[] = {"XK"};

constexpr std::size_t k_letters = 26;

constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

constexpr std::size_t slot(std::string_view code) {
  return static_cast<std::size_t>(code[0] - 'A') * k_letters +
         static_cast<std::size_t>(code[1] - 'A');
}

// A 26x26 table indexed by the two letters: one load per lookup, since every manifest line checks
// its origin (a binary search over 250 codes would be eight compares).
constexpr std::array<bool, k_letters * k_letters> make_table() {
  std::array<bool, k_letters * k_letters> table{};
  for (std::string_view code : k_assigned) table[slot(code)] = true;
  for (std::string_view code : k_user_assigned) table[slot(code)] = true;
  return table;
}
constexpr auto k_table = make_table();

constexpr bool sorted_upper_pairs() {
  for (std::size_t i = 0; i < std::size(k_assigned); ++i) {
    const std::string_view code = k_assigned[i];
    if (code.size() != 2 || !is_upper(code[0]) || !is_upper(code[1])) return false;
    if (i > 0 && !(k_assigned[i - 1] < code)) return false;
  }
  return true;
}
static_assert(std::size(k_assigned) == 249, "ISO 3166-1 assigns 249 alpha-2 codes");
static_assert(sorted_upper_pairs(), "country codes must be two upper-case letters, sorted");
} // namespace

bool is_country_code(std::string_view code) {
  if (code.size() != 2 || !is_upper(code[0]) || !is_upper(code[1])) return false;
  return k_table[slot(code)];
}

} // namespace dutycalc
