// ISO 3166-1 alpha-2 country codes.
#pragma once

#include <string_view>

namespace dutycalc {

// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case, e.g. "JP"; "XX" is not).
bool is_country_code(std::string_view code);

} // namespace dutycalc
