// A small program that uses a SQLite quota ledger the way a pricing run does, for the
// process-level tests in this folder (concurrent runs, killed runs, locked files):
//
//   ledger_driver LEDGER draw QUOTA PERIOD ENTRY AMOUNT [--volume V] [--pause-ms N] [--dry-run]
//       one run: forgets ENTRY's earlier draw, reads what is drawn, prints "read <drawn>",
//       pauses, draws AMOUNT (no more than is left of V), finishes, prints "drew <amount>"
//   ledger_driver LEDGER fill QUOTA PERIOD COUNT [--pause-ms N]
//       draws 1 for each of COUNT entries, prints "filled", pauses, finishes (to be killed while
//       pausing: COUNT large enough makes SQLite spill changes into the file before commit)
//   ledger_driver LEDGER drawn QUOTA PERIOD
//       prints what is drawn (a dry run)
// Every command takes --lock-timeout-ms N. Errors print "ledger_driver: error: ..." and exit 2.
#include <dutycalc/error.hpp>
#include <dutycalc/quota/ledger.hpp>

#include <fmt/core.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

using dutycalc::Decimal;

namespace {

Decimal decimal(const std::string& text) {
  const auto value = Decimal::parse(text);
  if (!value) throw dutycalc::Error(fmt::format("'{}' is not a decimal", text));
  return *value;
}

struct Args {
  std::vector<std::string> positional;
  std::string volume;
  long pause_ms = 0;
  bool dry_run = false;
  dutycalc::quota::LedgerOptions options;
};

Args parse(int argc, char** argv) {
  Args args;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const auto value = [&] {
      if (i + 1 >= argc) throw dutycalc::Error(arg + " needs a value");
      return std::string(argv[++i]);
    };
    if (arg == "--volume") args.volume = value();
    else if (arg == "--pause-ms") args.pause_ms = std::stol(value());
    else if (arg == "--lock-timeout-ms")
      args.options.lock_timeout = std::chrono::milliseconds(std::stol(value()));
    else if (arg == "--dry-run") args.options.dry_run = true;
    else args.positional.push_back(arg);
  }
  return args;
}

void say(const std::string& line) {
  fmt::print("{}\n", line);
  std::fflush(stdout); // the tests wait for these lines while the run holds the ledger
}

int run(const Args& args) {
  const auto& p = args.positional;
  constexpr const char* k_usage = "usage: ledger_driver LEDGER draw|fill|drawn QUOTA PERIOD ...";
  if (p.size() < 4) throw dutycalc::Error(k_usage);
  const std::string& command = p[1];
  const auto pause = [&] { std::this_thread::sleep_for(std::chrono::milliseconds(args.pause_ms)); };
  if (command == "draw" && p.size() == 6) {
    const auto ledger = dutycalc::quota::open_sqlite_ledger(p[0], args.options);
    ledger->clear_entry(p[2], p[3], p[4]);
    const Decimal drawn = ledger->drawn(p[2], p[3]);
    say("read " + drawn.to_string());
    pause();
    Decimal take = decimal(p[5]);
    if (!args.volume.empty()) {
      const Decimal left = decimal(args.volume) - drawn;
      if (left < take) take = left.sign() < 0 ? Decimal{} : left;
    }
    if (take.sign() > 0) ledger->add(p[2], p[3], p[4], take);
    ledger->finish();
    say("drew " + take.to_string());
  } else if (command == "fill" && p.size() == 5) {
    const auto ledger = dutycalc::quota::open_sqlite_ledger(p[0], args.options);
    const long count = std::stol(p[4]);
    for (long i = 0; i < count; ++i)
      ledger->add(p[2], p[3], fmt::format("fill-{}", i), Decimal::from_integer(1));
    say("filled");
    pause();
    ledger->finish();
  } else if (command == "drawn" && p.size() == 4) {
    auto options = args.options;
    options.dry_run = true;
    const auto ledger = dutycalc::quota::open_sqlite_ledger(p[0], options);
    say(ledger->drawn(p[2], p[3]).to_string());
    ledger->finish();
  } else {
    throw dutycalc::Error(k_usage);
  }
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  try {
    return run(parse(argc, argv));
  } catch (const std::exception& e) {
    fmt::print(stderr, "ledger_driver: error: {}\n", e.what());
    return 2;
  }
}
