#include <dutycalc/pricing/result_spool.hpp>

#include <dutycalc/error.hpp>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <type_traits>
#include <unistd.h>

namespace dutycalc::pricing {

namespace {

static_assert(std::is_trivially_copyable_v<Money>);
static_assert(std::is_trivially_copyable_v<Decimal>);

constexpr std::size_t k_buffer_bytes = std::size_t{1} << 20;

template <class T> void put(std::string& out, const T& value) {
  static_assert(std::is_trivially_copyable_v<T>);
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

void put_text(std::string& out, std::string_view text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out.append(text);
}

// An amount in as few bytes as its size needs (most are far below the 128 bits a Decimal holds):
// zigzag, then seven bits a byte, low first, the top bit set on all but the last.
__extension__ using Wide = unsigned __int128;

void put_amount(std::string& out, Decimal amount) {
  const Decimal::Raw raw = amount.raw();
  Wide bits = (static_cast<Wide>(raw) << 1) ^ static_cast<Wide>(raw >> 127);
  while (bits >= 0x80) {
    out.push_back(static_cast<char>(static_cast<unsigned char>(bits) | 0x80));
    bits >>= 7;
  }
  out.push_back(static_cast<char>(bits));
}

// Money as its amount, its currency written only when it is not `usual`.
void put_money(std::string& out, const Money& money, const Currency& usual) {
  const bool same = money.currency == usual;
  out.push_back(same ? 0 : 1);
  if (!same) put(out, money.currency);
  put_amount(out, money.amount);
}

// A view kept as its address: valid in the process that encoded it.
void put_view(std::string& out, std::string_view view) {
  put(out, reinterpret_cast<std::uintptr_t>(view.data()));
  put(out, static_cast<std::uint64_t>(view.size()));
}

class Reader {
public:
  explicit Reader(std::string_view bytes) : m_bytes(bytes) {}
  template <class T> T get() {
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  void get_text(std::string& out) {
    const auto size = get<std::uint32_t>();
    out.assign(take(size), size);
  }
  std::string_view get_view() {
    const auto address = get<std::uintptr_t>();
    const auto size = get<std::uint64_t>();
    return {reinterpret_cast<const char*>(address), static_cast<std::size_t>(size)};
  }
  bool done() const { return m_pos == m_bytes.size(); }
  Decimal get_amount() {
    Wide bits = 0;
    for (int shift = 0;; shift += 7) {
      if (shift > 127) throw Error("a spooled line result is not as written");
      const auto byte = static_cast<unsigned char>(*take(1));
      bits |= static_cast<Wide>(byte & 0x7F) << shift;
      if (!(byte & 0x80)) break;
    }
    const auto raw = static_cast<Decimal::Raw>(bits >> 1) ^ -static_cast<Decimal::Raw>(bits & 1);
    return Decimal::from_raw(raw);
  }
  Money get_money(const Currency& usual) {
    Money money;
    money.currency = *take(1) ? get<Currency>() : usual;
    money.amount = get_amount();
    return money;
  }

private:
  const char* take(std::size_t bytes) {
    if (m_bytes.size() - m_pos < bytes) throw Error("a spooled line result is cut short");
    const char* at = m_bytes.data() + m_pos;
    m_pos += bytes;
    return at;
  }
  std::string_view m_bytes;
  std::size_t m_pos = 0;
};

std::string io_reason(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

} // namespace

void encode_result(const LineResult& result, std::string& out) {
  out.clear();
  put(out, static_cast<std::uint8_t>(result.status));
  put(out, static_cast<std::uint8_t>(result.problem_column));
  put_view(out, result.schedule_version);
  put_text(out, result.rate);
  put_text(out, result.quota);
  const Currency usual = result.value.currency;
  put(out, usual);
  for (const Money* money : {&result.base_duty, &result.additional_duty, &result.fees,
                             &result.taxes, &result.landed_cost, &result.value, &result.freight,
                             &result.insurance, &result.customs_value})
    put_money(out, *money, usual);
  put(out, static_cast<std::uint32_t>(result.rules.size()));
  for (const AppliedRule& rule : result.rules) {
    put_view(out, rule.measure);
    put_text(out, rule.rate);
    put_text(out, rule.source);
    put_amount(out, rule.amount);
  }
}

void decode_result(std::string_view bytes, LineResult& out) {
  Reader in(bytes);
  out.status = static_cast<LineStatus>(in.get<std::uint8_t>());
  out.problem_column = static_cast<manifest::Column>(in.get<std::uint8_t>());
  out.schedule_version = in.get_view();
  in.get_text(out.rate);
  in.get_text(out.quota);
  const auto usual = in.get<Currency>();
  for (Money* money : {&out.base_duty, &out.additional_duty, &out.fees, &out.taxes,
                       &out.landed_cost, &out.value, &out.freight, &out.insurance,
                       &out.customs_value})
    *money = in.get_money(usual);
  const auto rules = in.get<std::uint32_t>();
  out.rules.resize(rules);
  for (AppliedRule& rule : out.rules) {
    rule.measure = in.get_view();
    in.get_text(rule.rate);
    in.get_text(rule.source);
    rule.amount = in.get_amount();
  }
  if (!in.done()) throw Error("a spooled line result has bytes past its end");
}

ResultSpool::ResultSpool() {
  std::string pattern =
      (std::filesystem::temp_directory_path() / "dutycalc-results-XXXXXX").string();
  m_fd = ::mkstemp(pattern.data());
  if (m_fd < 0) throw Error(io_reason("cannot create a temporary file for the first pass"));
  // Unnamed from now on: the file goes when it is closed, also when the run stops early.
  ::unlink(pattern.c_str());
  m_buffer.reserve(k_buffer_bytes);
}

ResultSpool::~ResultSpool() {
  if (m_fd >= 0) ::close(m_fd);
}

void ResultSpool::append(std::string_view result, std::string_view message) {
  put(m_buffer, static_cast<std::uint32_t>(result.size()));
  m_buffer.append(result);
  // The lines of an entry usually carry the same message: it is written once.
  const bool same = message == m_last_message;
  put(m_buffer, static_cast<std::uint8_t>(same ? 0 : 1));
  if (!same) {
    put_text(m_buffer, message);
    m_last_message.assign(message);
  }
  if (m_buffer.size() >= k_buffer_bytes) flush();
}

void ResultSpool::flush() {
  std::size_t done = 0;
  while (done < m_buffer.size()) {
    const ssize_t n = ::write(m_fd, m_buffer.data() + done, m_buffer.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(io_reason("cannot write the first pass's temporary file"));
    }
    done += static_cast<std::size_t>(n);
  }
  m_buffer.clear();
}

void ResultSpool::rewind() {
  flush();
  if (::lseek(m_fd, 0, SEEK_SET) != 0)
    throw Error(io_reason("cannot read back the first pass's temporary file"));
  m_reading = true;
  m_pos = 0;
  m_last_message.clear();
}

bool ResultSpool::fill(std::size_t bytes) {
  if (m_buffer.size() - m_pos >= bytes) return true;
  m_buffer.erase(0, m_pos);
  m_pos = 0;
  const std::size_t had = m_buffer.size();
  while (m_buffer.size() < bytes) {
    const std::size_t old = m_buffer.size();
    m_buffer.resize(std::max(old + k_buffer_bytes, bytes));
    const ssize_t n = ::read(m_fd, m_buffer.data() + old, m_buffer.size() - old);
    if (n < 0 && errno == EINTR) {
      m_buffer.resize(old);
      continue;
    }
    if (n < 0) throw Error(io_reason("cannot read back the first pass's temporary file"));
    m_buffer.resize(old + static_cast<std::size_t>(n));
    if (n == 0) {
      if (m_buffer.empty() && had == 0) return false;
      throw Error("the first pass's temporary file ends inside a line");
    }
  }
  return true;
}

void ResultSpool::take(void* to, std::size_t bytes) {
  fill(bytes);
  std::memcpy(to, m_buffer.data() + m_pos, bytes);
  m_pos += bytes;
}

bool ResultSpool::next(std::string& result, std::string& message) {
  if (!m_reading) throw Error("the first pass's results are read before they are all written");
  if (!fill(sizeof(std::uint32_t))) return false;
  std::uint32_t size = 0;
  take(&size, sizeof size);
  fill(size);
  result.assign(m_buffer.data() + m_pos, size);
  m_pos += size;
  std::uint8_t kind = 0;
  take(&kind, sizeof kind);
  if (kind == 1) {
    take(&size, sizeof size);
    fill(size);
    m_last_message.assign(m_buffer.data() + m_pos, size);
    m_pos += size;
  } else if (kind != 0) {
    throw Error("the first pass's temporary file is not as written");
  }
  message.assign(m_last_message);
  return true;
}

} // namespace dutycalc::pricing
