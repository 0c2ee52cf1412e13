#include <dutycalc/report/text_escaping.hpp>

#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace dutycalc::report {

namespace {

// Whether `field` holds a byte that makes a CSV field need quotes (, " CR LF), many bytes at a
// time: every result field of every priced record goes through here.
bool needs_quotes(std::string_view field) {
  const char* p = field.data();
  std::size_t n = field.size();
  // The last bytes go through the same test from a zero-padded copy (zero is not a special byte).
  const auto padded = [](const char* from, std::size_t count, auto&& test) {
    char block[16] = {};
    std::memcpy(block, from, count);
    return test(block);
  };
#if defined(__SSE2__)
  // Sixteen bytes at a time where the processor has SSE2 (every x86-64 does).
  const auto block_has = [](const char* block) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block));
    const __m128i hits = _mm_or_si128(
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8(',')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('"'))),
        _mm_or_si128(_mm_cmpeq_epi8(bytes, _mm_set1_epi8('\r')), _mm_cmpeq_epi8(bytes, _mm_set1_epi8('\n'))));
    return _mm_movemask_epi8(hits) != 0;
  };
#else
  // Elsewhere sixteen bytes as two words, a byte at a time within each word.
  const auto block_has = [](const char* block) {
    constexpr std::uint64_t ones = 0x0101010101010101ull;
    constexpr std::uint64_t highs = 0x8080808080808080ull;
    const auto zero_byte = [](std::uint64_t word) { return (word - ones) & ~word & highs; };
    for (int half = 0; half < 2; ++half) {
      std::uint64_t word;
      std::memcpy(&word, block + 8 * half, 8);
      if (zero_byte(word ^ (ones * ',')) | zero_byte(word ^ (ones * '"')) |
          zero_byte(word ^ (ones * '\r')) | zero_byte(word ^ (ones * '\n')))
        return true;
    }
    return false;
  };
#endif
  for (; n >= 16; p += 16, n -= 16)
    if (block_has(p)) return true;
  return n > 0 && padded(p, n, block_has);
}

#if defined(__x86_64__) && defined(__GNUC__)
// The same test 32 bytes at a time, for processors with AVX2 (most x86-64 ones of the last ten
// years; the build targets the baseline, so this is chosen when the program starts): a row's
// message is often a few hundred bytes.
__attribute__((target("avx2"))) bool needs_quotes_avx2(std::string_view field) {
  const char* p = field.data();
  std::size_t n = field.size();
  for (; n >= 32; p += 32, n -= 32) {
    const __m256i bytes = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(p));
    const __m256i hits = _mm256_or_si256(
        _mm256_or_si256(_mm256_cmpeq_epi8(bytes, _mm256_set1_epi8(',')),
                        _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('"'))),
        _mm256_or_si256(_mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('\r')),
                        _mm256_cmpeq_epi8(bytes, _mm256_set1_epi8('\n'))));
    if (_mm256_movemask_epi8(hits) != 0) return true;
  }
  return needs_quotes(std::string_view(p, n));
}

bool (*const k_needs_quotes)(std::string_view) = [] {
  __builtin_cpu_init(); // this may run before the compiler's own start-up code has
  return __builtin_cpu_supports("avx2") ? needs_quotes_avx2 : needs_quotes;
}();
#else
bool (*const k_needs_quotes)(std::string_view) = needs_quotes;
#endif

} // namespace

bool csv_needs_quotes(std::string_view field) { return k_needs_quotes(field); }

void append_csv_field(std::string& out, std::string_view field) {
  if (!k_needs_quotes(field)) {
    out.append(field);
    return;
  }
  out.push_back('"');
  // The runs between quotes whole, each quote doubled.
  for (std::size_t at = 0;;) {
    const std::size_t quote = field.find('"', at);
    if (quote == std::string_view::npos) {
      out.append(field.substr(at));
      break;
    }
    out.append(field.substr(at, quote + 1 - at)).push_back('"');
    at = quote + 1;
  }
  out.push_back('"');
}

namespace {
// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is not valid.
std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  std::size_t n = 0;
  unsigned min = 0;
  if (b < 0x80) return 1;
  if (b >= 0xC2 && b <= 0xDF) n = 2, min = 0x80;
  else if (b >= 0xE0 && b <= 0xEF) n = 3, min = 0x800;
  else if (b >= 0xF0 && b <= 0xF4) n = 4, min = 0x10000;
  else return 0;
  if (i + n > s.size()) return 0;
  unsigned cp = b & (0xFF >> (n + 1));
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}
} // namespace

void append_json_string(std::string& out, std::string_view text) {
  static constexpr char k_hex[] = "0123456789abcdef";
  out.push_back('"');
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
      ++i;
    } else if (c < 0x20) {
      switch (c) {
      case '\n': out.append("\\n"); break;
      case '\r': out.append("\\r"); break;
      case '\t': out.append("\\t"); break;
      default:
        out.append("\\u00");
        out.push_back(k_hex[c >> 4]);
        out.push_back(k_hex[c & 0xF]);
      }
      ++i;
    } else {
      const std::size_t n = utf8_sequence_length(text, i);
      if (n == 0) {
        out.append("\xEF\xBF\xBD");
        ++i;
      } else {
        out.append(text.substr(i, n));
        i += n;
      }
    }
  }
  out.push_back('"');
}

} // namespace dutycalc::report
