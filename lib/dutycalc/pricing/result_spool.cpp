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

// An amount in as few bytes as its size needs, most being far below the 128 bits a Decimal
// holds: a tag (`extra` bits added to it) and then nothing (zero), 8 bytes or 16.
enum AmountTag : unsigned char { k_zero = 0, k_narrow = 1, k_wide = 2, k_amount_bits = 0x0F };
constexpr unsigned char k_other_currency = 0x10; // a Money's currency follows its tag

void put_amount(std::string& out, Decimal amount, unsigned char extra = 0) {
  const Decimal::Raw raw = amount.raw();
  const auto narrow = static_cast<std::int64_t>(raw);
  if (raw == 0) {
    out.push_back(static_cast<char>(k_zero | extra));
  } else if (narrow == raw) {
    out.push_back(static_cast<char>(k_narrow | extra));
    put(out, narrow);
  } else {
    out.push_back(static_cast<char>(k_wide | extra));
    put(out, raw);
  }
}

// Money as its amount, its currency written only when it is not `usual`.
void put_money(std::string& out, const Money& money, const Currency& usual) {
  const bool same = money.currency == usual;
  put_amount(out, money.amount, same ? 0 : k_other_currency);
  if (!same) put(out, money.currency);
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
  std::size_t used() const { return m_pos; }
  Decimal get_amount() { return amount(get<unsigned char>()); }
  // The amount whose tag is `tag` (extra bits ignored).
  Decimal amount(unsigned char tag) {
    switch (tag & k_amount_bits) {
    case k_zero: return Decimal{};
    case k_narrow: return Decimal::from_raw(get<std::int64_t>());
    case k_wide: return Decimal::from_raw(get<Decimal::Raw>());
    }
    throw Error("a spooled line result is not as written");
  }
  Money get_money(const Currency& usual) {
    const auto tag = get<unsigned char>();
    Money money;
    money.amount = amount(tag);
    money.currency = tag & k_other_currency ? get<Currency>() : usual;
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

void ResultSpool::append(const SpooledLine& line) {
  const std::string& result = line.result;
  const std::string& message = line.message;
  put(m_buffer, static_cast<std::uint32_t>(result.size()));
  m_buffer.append(result);
  put(m_buffer, line.entry);
  if (line.entry != SpooledLine::k_no_entry) put_amount(m_buffer, line.value);
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

std::size_t ResultSpool::fill_up_to(std::size_t bytes) {
  if (m_buffer.size() - m_pos >= bytes) return bytes;
  m_buffer.erase(0, m_pos);
  m_pos = 0;
  while (m_buffer.size() < bytes) {
    const std::size_t old = m_buffer.size();
    m_buffer.resize(std::max(old + k_buffer_bytes, bytes));
    const ssize_t n = ::read(m_fd, m_buffer.data() + old, m_buffer.size() - old);
    m_buffer.resize(old + static_cast<std::size_t>(std::max<ssize_t>(n, 0)));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(io_reason("cannot read back the first pass's temporary file"));
    if (n == 0) break; // the end of the file
  }
  return std::min(bytes, m_buffer.size());
}

bool ResultSpool::fill(std::size_t bytes) {
  const std::size_t had = m_buffer.size() - m_pos;
  if (fill_up_to(bytes) == bytes) return true;
  if (had == 0 && m_buffer.size() == 0) return false;
  throw Error("the first pass's temporary file ends inside a line");
}

void ResultSpool::take(void* to, std::size_t bytes) {
  if (!fill(bytes)) throw Error("the first pass's temporary file ends inside a line");
  std::memcpy(to, m_buffer.data() + m_pos, bytes);
  m_pos += bytes;
}

bool ResultSpool::next(SpooledLine& line) {
  if (!m_reading) throw Error("the first pass's results are read before they are all written");
  if (!fill(sizeof(std::uint32_t))) return false;
  std::uint32_t size = 0;
  take(&size, sizeof size);
  fill(size);
  line.result.assign(m_buffer.data() + m_pos, size);
  m_pos += size;
  take(&line.entry, sizeof line.entry);
  if (line.entry != SpooledLine::k_no_entry) {
    // An amount's bytes: at most 17, and then at least the message's byte follows.
    const std::size_t have = fill_up_to(17);
    Reader amount(std::string_view(m_buffer).substr(m_pos, have));
    line.value = amount.get_amount();
    m_pos += amount.used();
  }
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
  line.message.assign(m_last_message);
  return true;
}

} // namespace dutycalc::pricing
