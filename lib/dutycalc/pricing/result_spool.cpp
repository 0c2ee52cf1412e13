#include <dutycalc/pricing/result_spool.hpp>

#include <dutycalc/error.hpp>
#include <dutycalc/util/byte_reader.hpp>
#include <dutycalc/util/temporary_file.hpp>

#include <cerrno>
#include <array>
#include <cstdint>
#include <cstring>
#include <type_traits>
#include <sys/uio.h>
#include <unistd.h>

namespace dutycalc::pricing {

namespace {

static_assert(std::is_trivially_copyable_v<Money>);
static_assert(std::is_trivially_copyable_v<Decimal>);

constexpr std::size_t k_buffer_bytes = std::size_t{1} << 16;

// An amount in as few bytes as its size needs, most being far below the 128 bits a Decimal
// holds: a tag (`extra` bits added to it) and then nothing (zero), 8 bytes or 16.
enum AmountTag : unsigned char { k_zero = 0, k_narrow = 1, k_wide = 2, k_amount_bits = 0x0F };
constexpr std::size_t k_amount_bytes = 1 + sizeof(Decimal::Raw);
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
  // Bytes whose length is kept elsewhere.
  void put_bytes(std::string_view bytes) {
    std::memcpy(m_at, bytes.data(), bytes.size());
    m_at += bytes.size();
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

// The amount put_amount() wrote with tag `tag` (extra bits ignored), read from `in`.
Decimal read_amount(ByteReader& in, unsigned char tag, const char* not_as_written) {
  switch (tag & k_amount_bits) {
  case k_zero: return Decimal{};
  case k_narrow: return Decimal::from_raw(in.get<std::int64_t>());
  case k_wide: return Decimal::from_raw(in.get<Decimal::Raw>());
  }
  throw Error(not_as_written);
}

class Reader {
public:
  explicit Reader(std::string_view bytes) : m_in(bytes, "a spooled line result is cut short") {}
  template <class T> T get() { return m_in.get<T>(); }
  void get_text(std::string& out) { out.assign(m_in.text()); }
  std::string_view get_bytes(std::size_t size) { return m_in.bytes(size); }
  std::string_view get_view() {
    const auto address = get<std::uintptr_t>();
    const auto size = get<std::uint64_t>();
    return {reinterpret_cast<const char*>(address), static_cast<std::size_t>(size)};
  }
  bool done() const { return m_in.done(); }
  Decimal get_amount() { return amount(get<unsigned char>()); }
  // The amount whose tag is `tag` (extra bits ignored).
  Decimal amount(unsigned char tag) {
    return read_amount(m_in, tag, "a spooled line result is not as written");
  }

private:
  ByteReader m_in;
};

constexpr const char* k_not_as_written = "the first pass's temporary file is not as written";

std::string io_reason(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

// A result's nine amounts, in the order they are kept.
constexpr std::size_t k_moneys = 9;
template <class Result> auto moneys_of(Result& r) {
  return std::array{&r.base_duty, &r.additional_duty, &r.fees,      &r.taxes,        &r.landed_cost,
                    &r.value,     &r.freight,         &r.insurance, &r.customs_value};
}

// What a result begins with, whole: its status, the sizes of what follows, and which amounts
// follow (most are zero, most others fit 64 bits, and all but rare ones are in the usual
// currency), so that it is read with one bounds check and no tag per amount.
struct ResultHead {
  std::uint8_t status;
  std::uint8_t problem_column;
  std::uint16_t present; // bit i: amount i is not zero, and follows
  std::uint16_t wide;    // bit i: amount i takes 128 bits (else 64)
  std::uint16_t foreign; // bit i: amount i's currency is not `usual`, and follows the amounts
  std::uint32_t rate_size;
  std::uint32_t quota_size;
  std::uint32_t rules;
  Currency usual;
  std::uintptr_t version; // the schedule_version view's address and size
  std::uint64_t version_size;
};
static_assert(std::is_trivially_copyable_v<ResultHead>);

bool same_currency(const Currency& a, const Currency& b) {
  // Letter by letter: operator== calls memcmp for three bytes.
  const std::string_view x = a.code();
  const std::string_view y = b.code();
  return x[0] == y[0] && x[1] == y[1] && x[2] == y[2] && a.minor_units() == b.minor_units();
}

// encode_result(), appended to `out`: the head, the rate and quota texts, the amounts the head
// says follow, their currencies, then the rules.
void append_result(const LineResult& result, std::string& out) {
  const auto moneys = moneys_of(result);
  ResultHead head{};
  head.status = static_cast<std::uint8_t>(result.status);
  head.problem_column = static_cast<std::uint8_t>(result.problem_column);
  head.rate_size = static_cast<std::uint32_t>(result.rate.size());
  head.quota_size = static_cast<std::uint32_t>(result.quota.size());
  head.rules = static_cast<std::uint32_t>(result.rules.size());
  head.usual = result.value.currency;
  head.version = reinterpret_cast<std::uintptr_t>(result.schedule_version.data());
  head.version_size = result.schedule_version.size();
  for (std::size_t i = 0; i < k_moneys; ++i) {
    const Decimal::Raw raw = moneys[i]->amount.raw();
    const auto bit = static_cast<std::uint16_t>(1u << i);
    if (raw != 0) head.present |= bit;
    if (static_cast<std::int64_t>(raw) != raw) head.wide |= bit;
    if (!same_currency(moneys[i]->currency, head.usual)) head.foreign |= bit;
  }
  std::size_t bound = sizeof head + result.rate.size() + result.quota.size() +
                      k_moneys * (sizeof(Decimal::Raw) + sizeof(Currency));
  for (const AppliedRule& rule : result.rules)
    bound += k_view_bytes + 2 * k_text_bytes + rule.rate.size() + rule.source.size() +
             k_amount_bytes;
  append_bounded(out, bound, [&](Writer& w) {
    w.put(head);
    w.put_bytes(result.rate);
    w.put_bytes(result.quota);
    for (std::size_t i = 0; i < k_moneys; ++i) {
      if (!(head.present >> i & 1u)) continue;
      const Decimal::Raw raw = moneys[i]->amount.raw();
      if (head.wide >> i & 1u) w.put(raw);
      else w.put(static_cast<std::int64_t>(raw));
    }
    for (std::size_t i = 0; i < k_moneys; ++i)
      if (head.foreign >> i & 1u) w.put(moneys[i]->currency);
    for (const AppliedRule& rule : result.rules) {
      w.put_view(rule.measure);
      w.put_text(rule.rate);
      w.put_text(rule.source);
      w.put_amount(rule.amount);
    }
  });
}

} // namespace

void encode_result(const LineResult& result, std::string& out) {
  out.clear();
  append_result(result, out);
}

void decode_result(std::string_view bytes, LineResult& out) {
  Reader in(bytes);
  const auto head = in.get<ResultHead>();
  constexpr std::uint16_t k_all = (1u << k_moneys) - 1;
  if (head.status > static_cast<std::uint8_t>(LineStatus::error) ||
      head.problem_column > static_cast<std::uint8_t>(manifest::Column::count_) ||
      (head.present | head.foreign) & ~k_all || head.wide & ~head.present ||
      head.rules > bytes.size()) // each rule takes bytes: a count past them is not as written
    throw Error("a spooled line result is not as written");
  out.status = static_cast<LineStatus>(head.status);
  out.problem_column = static_cast<manifest::Column>(head.problem_column);
  out.schedule_version = {reinterpret_cast<const char*>(head.version),
                          static_cast<std::size_t>(head.version_size)};
  out.rate.assign(in.get_bytes(head.rate_size));
  out.quota.assign(in.get_bytes(head.quota_size));
  const auto moneys = moneys_of(out);
  for (std::size_t i = 0; i < k_moneys; ++i) {
    Money& money = *moneys[i];
    money.currency = head.usual;
    if (!(head.present >> i & 1u)) money.amount = Decimal{};
    else if (head.wide >> i & 1u) money.amount = Decimal::from_raw(in.get<Decimal::Raw>());
    else money.amount = Decimal::from_raw(in.get<std::int64_t>());
  }
  for (std::size_t i = 0; i < k_moneys; ++i)
    if (head.foreign >> i & 1u) moneys[i]->currency = in.get<Currency>();
  out.rules.resize(head.rules);
  for (AppliedRule& rule : out.rules) {
    rule.measure = in.get_view();
    in.get_text(rule.rate);
    in.get_text(rule.source);
    rule.amount = in.get_amount();
  }
  if (!in.done()) throw Error("a spooled line result has bytes past its end");
}

// A block: the number of lines (32 bits), then for each line its record and its result (each as a
// text: length and bytes), its entry number (32 bits), its value (an amount), and its message: a
// byte 0 (the same as the line before's in the block) or 1 followed by the message as a text.
void SpoolBlock::clear() {
  m_bytes.assign(sizeof(std::uint32_t), '\0');
  m_entry_at.clear();
  m_message_size = 0;
}

void SpoolBlock::add(const manifest::CsvRecord& record, const LineResult& result) {
  if (m_bytes.empty()) clear();
  // The record's length, once encode_record() has written it.
  const std::size_t record_at = m_bytes.size();
  m_bytes.append(k_text_bytes, '\0');
  manifest::encode_record(record, m_bytes);
  const auto record_size = static_cast<std::uint32_t>(m_bytes.size() - record_at - k_text_bytes);
  std::memcpy(m_bytes.data() + record_at, &record_size, sizeof record_size);
  const std::size_t result_at = m_bytes.size();
  m_bytes.append(k_text_bytes, '\0');
  append_result(result, m_bytes);
  const auto result_size = static_cast<std::uint32_t>(m_bytes.size() - result_at - k_text_bytes);
  std::memcpy(m_bytes.data() + result_at, &result_size, sizeof result_size);

  const std::string_view message = result.message;
  const bool same = !m_entry_at.empty() && message.size() == m_message_size &&
                    std::memcmp(m_bytes.data() + m_message_at, message.data(), message.size()) == 0;
  m_entry_at.push_back(m_bytes.size());
  append_bounded(m_bytes, 4 + k_amount_bytes + 1 + k_text_bytes + message.size(), [&](Writer& w) {
    w.put(KeptLine::k_no_entry);
    w.put_amount(result.value.amount);
    w.put(static_cast<std::uint8_t>(same ? 0 : 1));
    if (!same) w.put_text(message);
  });
  if (!same) {
    m_message_at = m_bytes.size() - message.size();
    m_message_size = message.size();
  }
  const auto lines = static_cast<std::uint32_t>(m_entry_at.size());
  std::memcpy(m_bytes.data(), &lines, sizeof lines);
}

void SpoolBlock::set_entry(std::size_t line, std::uint32_t entry) {
  std::memcpy(m_bytes.data() + m_entry_at.at(line), &entry, sizeof entry);
}

SpoolBlockReader::SpoolBlockReader(std::string_view bytes)
    : m_in(bytes, "the first pass's temporary file is cut short inside a block") {
  m_lines = m_in.get<std::uint32_t>();
}

void SpoolBlockReader::next(KeptLine& line) {
  if (m_read == m_lines) throw Error("a block of the first pass's temporary file has no more lines");
  line.record = m_in.text();
  line.result = m_in.text();
  line.entry = m_in.get<std::uint32_t>();
  const auto tag = m_in.get<unsigned char>();
  if (tag & ~k_amount_bits) throw Error(k_not_as_written);
  line.value = read_amount(m_in, tag, k_not_as_written);
  const auto kind = m_in.get<std::uint8_t>();
  if (kind > 1 || (kind == 0 && m_read == 0)) throw Error(k_not_as_written);
  if (kind == 1) m_message = m_in.text();
  line.message = m_message;
  ++m_read;
}

ResultSpool::ResultSpool() {
  std::string path;
  m_fd = make_temporary_file("results", "the first pass's results", path);
  // Unnamed from now on: the file goes when it is closed, also when the run stops early.
  ::unlink(path.c_str());
}

ResultSpool::~ResultSpool() {
  if (m_fd >= 0) ::close(m_fd);
}

// In the file each block is its size in bytes (32 bits), then its bytes. Written straight from
// the block's memory: a block is some kilobytes, one system call.
void ResultSpool::append(const SpoolBlock& block) {
  if (block.lines() == 0) return;
  const std::string_view bytes = block.bytes();
  const auto size = static_cast<std::uint32_t>(bytes.size());
  iovec pieces[2] = {{const_cast<std::uint32_t*>(&size), sizeof size},
                     {const_cast<char*>(bytes.data()), bytes.size()}};
  std::size_t skip = 0; // bytes written so far
  const std::size_t total = sizeof size + bytes.size();
  while (skip < total) {
    iovec left[2];
    int count = 0;
    std::size_t offset = skip;
    for (const iovec& piece : pieces) {
      if (offset >= piece.iov_len) {
        offset -= piece.iov_len;
        continue;
      }
      left[count++] = {static_cast<char*>(piece.iov_base) + offset, piece.iov_len - offset};
      offset = 0;
    }
    const ssize_t n = ::writev(m_fd, left, count);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw Error(io_reason("cannot write the first pass's temporary file"));
    }
    if (n == 0) throw Error("cannot write the first pass's temporary file: nothing was written");
    skip += static_cast<std::size_t>(n);
  }
}

void ResultSpool::rewind() {
  if (::lseek(m_fd, 0, SEEK_SET) != 0)
    throw Error(io_reason("cannot read back the first pass's temporary file"));
  m_reading = true;
  m_pos = m_end = 0;
  m_buffer.resize(k_buffer_bytes);
}

std::size_t ResultSpool::fill_up_to(std::size_t bytes) {
  if (m_end - m_pos >= bytes) return bytes;
  // What is left moves to the front, and the file fills the room after it.
  std::memmove(m_buffer.data(), m_buffer.data() + m_pos, m_end - m_pos);
  m_end -= m_pos;
  m_pos = 0;
  if (m_buffer.size() < bytes) m_buffer.resize(bytes); // a block longer than the buffer
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
  throw Error("the first pass's temporary file ends inside a block");
}

bool ResultSpool::next(std::string& block) {
  if (!m_reading) throw Error("the first pass's results are read before they are all written");
  std::uint32_t size = 0;
  if (!fill(sizeof size)) return false;
  std::memcpy(&size, m_buffer.data() + m_pos, sizeof size);
  if (!fill(sizeof size + size)) throw Error("the first pass's temporary file ends inside a block");
  block.assign(m_buffer.data() + m_pos + sizeof size, size);
  m_pos += sizeof size + size;
  return true;
}

} // namespace dutycalc::pricing
