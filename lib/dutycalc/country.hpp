// ISO 3166-1 alpha-2 country codes.
#pragma once

#include <string_view>

namespace dutycalc {

// Whether `code` is an assigned ISO 3166-1 alpha-2 code (upper case, e.g. "JP"; "jp" and "XX" are
// not). Also accepts XK (Kosovo), user-assigned but used by customs authorities for origin.
bool is_country_code(std::string_view code);

} // namespace dutycalc
