// Small matching helpers shared by the rate parsers: ASCII case folding, whitespace (including
// no-break space and inline HTML markup the USITC data carries) and spelling tables.
#pragma once

#include <cstddef>
#include <string_view>

namespace dutycalc::rate::detail {

inline char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

// Bytes of whitespace at `pos`: ASCII blanks, U+00A0 and formatting tags with no meaning for a
// rate (<il>, </il>, <u>, </u>, <b>, </b>, <i>, </i>, <nl/>). 0 when none.
std::size_t whitespace_at(std::string_view text, std::size_t pos);
// Position after any run of whitespace starting at `pos`.
std::size_t skip_whitespace(std::string_view text, std::size_t pos);

// Matches `spelling` at `pos`, case-insensitively. A ' ' in the spelling matches any run of
// whitespace, including none; "^2" matches an exponent written "2", "²" or "<sup ...>2</sup>".
// Returns the bytes matched, 0 for no match. A match must end at a word boundary.
std::size_t match_spelling(std::string_view text, std::size_t pos, std::string_view spelling);

} // namespace dutycalc::rate::detail
