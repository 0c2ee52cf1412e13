// Escaping for the two machine formats: CSV fields (RFC 4180 quoting) and JSON strings.
#pragma once

#include <string>
#include <string_view>

namespace dutycalc::report {

// Appends `field` to `out`, quoted when it holds a comma, quote, CR or LF (quotes doubled).
void append_csv_field(std::string& out, std::string_view field);
// Whether append_csv_field() would quote `field`.
bool csv_needs_quotes(std::string_view field);

// Appends `text` as a JSON string literal (with the quotes). Bytes that are not valid UTF-8 are
// replaced with U+FFFD so the output is always valid JSON.
void append_json_string(std::string& out, std::string_view text);

} // namespace dutycalc::report
