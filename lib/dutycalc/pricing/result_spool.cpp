#include <dutycalc/pricing/result_spool.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/util/byte_reader.hpp>
#include <dutycalc/util/temporary_file.hpp>

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <unistd.h>

namespace dutycalc::pricing {

namespace {

static_assert(std::is_trivially_copyable_v<Money>);
static_assert(std::is_trivially_copyable_v<Decimal>);

constexpr std::size_t k_buffer_bytes = std::size_t{1} << 16;

// An amount in as few bytes as its size needs, most being far below the 128 bits a Decimal
// holds: a tag (`extra` bits added to it) and then nothing (zero), 8 bytes or 16.
enum AmountTag : unsigned char { k_zero = 0, k_narrow = 1, k_wide = 2, k_amount_bits = 0x0F };
constexpr unsigned char k_other_currency = 0x10; // a Money's currency follows its tag
constexpr std::size_t k_amount_bytes = 1 + sizeof(Decimal::Raw);
constexpr std::size_t k_money_bytes = k_amount_bytes + sizeof(Currency);
constexpr std::size_t k_view_bytes = sizeof(std::uintptr_t) + sizeof(std::uint64_t);
constexpr std::size_t k_text_bytes = sizeof(std::uint32_t); // and the text

// Writes into memory made large enough beforehand (the sizes above bound each item).
class Writer {
public:
  explicit Writer(char* at) : m_at(at) {}
  template <class T> void put(const T& value) {
    static_assert(std::is_trivially_copyable_v<T>);
    std::memcpy(m_at, &value, sizeof value);
    m_at += sizeof value;
  }
  void put_text(std::string_view text) {
    put(static_cast<std::uint32_t>(text.size()));
    std::memcpy(m_at, text.data(), text.size());
    m_at += text.size();
  }
  // A view kept as its address: valid in the process that encoded it.
  void put_view(std::string_view view) {
    put(reinterpret_cast<std::uintptr_t>(view.data()));
    put(static_cast<std::uint64_t>(view.size()));
  }
  void put_amount(Decimal amount, unsigned char extra = 0) {
    const Decimal::Raw raw = amount.raw();
    const auto narrow = static_cast<std::int64_t>(raw);
    if (raw == 0) {
      put(static_cast<unsigned char>(k_zero | extra));
    } else if (narrow == raw) {
      put(static_cast<unsigned char>(k_narrow | extra));
      put(narrow);
    } else {
      put(static_cast<unsigned char>(k_wide | extra));
      put(raw);
    }
  }
  // Money as its amount, its currency written only when it is not `usual`.
  void put_money(const Money& money, const Currency& usual) {
    // Compared letter by letter: operator== calls memcmp for three bytes.
    const std::string_view a = money.currency.code();
    const std::string_view b = usual.code();
    const bool same = a[0] == b[0] && a[1] == b[1] && a[2] == b[2] &&
                      money.currency.minor_units() == usual.minor_units();
    put_amount(money.amount, same ? 0 : k_other_currency);
    if (!same) put(money.currency);
  }
  char* at() const { return m_at; }

private:
  char* m_at;
};

// Runs `write` on a Writer over `bound` more bytes at the end of `out`, keeping what it wrote.
template <class Write> void append_bounded(std::string& out, std::size_t bound, Write write) {
  const std::size_t start = out.size();
  out.resize(start + bound);
  Writer writer(out.data() + start);
  write(writer);
  out.resize(static_cast<std::size_t>(writer.at() - out.data()));
}

class Reader {
public:
  explicit Reader(std::string_view bytes) : m_in(bytes, "a spooled line result is cut short") {}
  template <class T> T get() { return m_in.get<T>(); }
  void get_text(std::string& out) { out.assign(m_in.text()); }
  std::string_view get_view() {
    const auto address = get<std::uintptr_t>();
    const auto size = get<std::uint64_t>();
    return {reinterpret_cast<const char*>(address), static_cast<std::size_t>(size)};
  }
  bool done() const { return m_in.done(); }
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
  ByteReader m_in;
};

std::string io_reason(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

} // namespace

void encode_result(const LineResult& result, std::string& out) {
  std::size_t bound = 2 + k_view_bytes + 2 * k_text_bytes + result.rate.size() +
                      result.quota.size() + sizeof(Currency) + 9 * k_money_bytes + 4;
  for (const AppliedRule& rule : result.rules)
    bound += k_view_bytes + 2 * k_text_bytes + rule.rate.size() + rule.source.size() +
             k_amount_bytes;
  out.clear();
  append_bounded(out, bound, [&](Writer& w) {
    w.put(static_cast<std::uint8_t>(result.status));
    w.put(static_cast<std::uint8_t>(result.problem_column));
    w.put_view(result.schedule_version);
    w.put_text(result.rate);
    w.put_text(result.quota);
    const Currency usual = result.value.currency;
    w.put(usual);
    for (const Money* money : {&result.base_duty, &result.additional_duty, &result.fees,
                               &result.taxes, &result.landed_cost, &result.value, &result.freight,
                               &result.insurance, &result.customs_value})
      w.put_money(*money, usual);
    w.put(static_cast<std::uint32_t>(result.rules.size()));
    for (const AppliedRule& rule : result.rules) {
      w.put_view(rule.measure);
      w.put_text(rule.rate);
      w.put_text(rule.source);
      w.put_amount(rule.amount);
    }
  });
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
  std::string path;
  m_fd = make_temporary_file("results", "the first pass's results", path);
  // Unnamed from now on: the file goes when it is closed, also when the run stops early.
  ::unlink(path.c_str());
  m_buffer.reserve(k_buffer_bytes);
}

ResultSpool::~ResultSpool() {
  if (m_fd >= 0) ::close(m_fd);
}

// A line in the file: its length (of what follows), the record's length and bytes, the result's
// length and bytes, the entry number, the value (with an entry), and the message: a byte 0 (the
// same as the line before's) or 1 followed by the message's length and bytes.
void ResultSpool::append(const SpooledLine& line) {
  // The lines of an entry usually carry the same message: it is written once.
  const bool same = line.message == m_last_message;
  const std::size_t bound = 4 + 2 * k_text_bytes + line.record.size() + line.result.size() + 4 +
                            k_amount_bytes + 1 +
                            (same ? 0 : k_text_bytes + line.message.size());
  const std::size_t start = m_buffer.size();
  append_bounded(m_buffer, bound, [&](Writer& w) {
    w.put(std::uint32_t{0}); // the length, once known
    w.put_text(line.record);
    w.put_text(line.result);
    w.put(line.entry);
    if (line.entry != SpooledLine::k_no_entry) w.put_amount(line.value);
    w.put(static_cast<std::uint8_t>(same ? 0 : 1));
    if (!same) w.put_text(line.message);
  });
  const auto length = static_cast<std::uint32_t>(m_buffer.size() - start - 4);
  std::memcpy(m_buffer.data() + start, &length, sizeof length);
  if (!same) m_last_message.assign(line.message);
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
  m_pos = m_end = 0;
  m_buffer.resize(k_buffer_bytes);
  m_last_message.clear();
}

std::size_t ResultSpool::fill_up_to(std::size_t bytes) {
  if (m_end - m_pos >= bytes) return bytes;
  // What is left moves to the front, and the file fills the room after it.
  std::memmove(m_buffer.data(), m_buffer.data() + m_pos, m_end - m_pos);
  m_end -= m_pos;
  m_pos = 0;
  if (m_buffer.size() < bytes) m_buffer.resize(bytes); // a line longer than the buffer
  while (m_end < bytes) {
    const ssize_t n = ::read(m_fd, m_buffer.data() + m_end, m_buffer.size() - m_end);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(io_reason("cannot read back the first pass's temporary file"));
    if (n == 0) break; // the end of the file
    m_end += static_cast<std::size_t>(n);
  }
  return std::min(bytes, m_end);
}

bool ResultSpool::fill(std::size_t bytes) {
  const std::size_t had = m_end - m_pos;
  if (fill_up_to(bytes) == bytes) return true;
  if (had == 0 && m_end == 0) return false;
  throw Error("the first pass's temporary file ends inside a line");
}

bool ResultSpool::next(SpooledLine& line, bool& same_message) {
  if (!m_reading) throw Error("the first pass's results are read before they are all written");
  std::uint32_t length = 0;
  if (!fill(sizeof length)) return false;
  std::memcpy(&length, m_buffer.data() + m_pos, sizeof length);
  if (!fill(sizeof length + length))
    throw Error("the first pass's temporary file ends inside a line");
  Reader in(std::string_view(m_buffer.data() + m_pos + sizeof length, length));
  m_pos += sizeof length + length;
  in.get_text(line.record);
  in.get_text(line.result);
  line.entry = in.get<std::uint32_t>();
  if (line.entry != SpooledLine::k_no_entry) line.value = in.get_amount();
  const auto kind = in.get<std::uint8_t>();
  if (kind > 1) throw Error("the first pass's temporary file is not as written");
  same_message = kind == 0;
  if (!same_message) in.get_text(line.message);
  if (!in.done()) throw Error("the first pass's temporary file is not as written");
  return true;
}

bool ResultSpool::next(SpooledLine& line) {
  bool same_message = false;
  if (!next(line, same_message)) return false;
  if (same_message) line.message.assign(m_last_message);
  else m_last_message.assign(line.message);
  return true;
}

} // namespace dutycalc::pricing
