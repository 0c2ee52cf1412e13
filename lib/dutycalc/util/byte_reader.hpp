// Values written byte for byte (memcpy) into a buffer, and read back: for the files a run writes
// and then reads back itself. Reading throws Error with the caller's message when the bytes end
// before a value does.
#pragma once

#include <dutycalc/error.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace dutycalc {

// Appends the bytes of `value` to `out`, as ByteReader::get<T>() reads them back.
template <class T> void append_bytes(std::string& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

class ByteReader {
public:
  // `cut_short` is the message of the Error thrown when a value runs past the end of `bytes`.
  ByteReader(std::string_view bytes, const char* cut_short)
      : m_bytes(bytes), m_cut_short(cut_short) {}

  template <class T> T get() {
    static_assert(std::is_trivially_copyable_v<T>);
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  // A text written as its length (32 bits), then its bytes.
  std::string_view text() {
    const auto size = get<std::uint32_t>();
    return {take(size), size};
  }
  // The next `size` bytes.
  std::string_view bytes(std::size_t size) { return {take(size), size}; }
  // The bytes not read yet, all of them.
  std::string_view rest() {
    const std::string_view rest = m_bytes.substr(m_pos);
    m_pos = m_bytes.size();
    return rest;
  }
  bool done() const { return m_pos == m_bytes.size(); }

private:
  const char* take(std::size_t bytes) {
    if (m_bytes.size() - m_pos < bytes) throw Error(m_cut_short);
    const char* at = m_bytes.data() + m_pos;
    m_pos += bytes;
    return at;
  }
  std::string_view m_bytes;
  const char* m_cut_short;
  std::size_t m_pos = 0;
};

} // namespace dutycalc
