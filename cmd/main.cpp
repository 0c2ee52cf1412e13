// dutycalc: customs duty calculator. main() builds the command line, runs one subcommand and maps
// errors to exit codes; the work happens in the library.
#include "commands.hpp"

#include <dutycalc/error.hpp>
#include <dutycalc/report/output.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <csignal>
#include <cstdio>

int main(int argc, char** argv) {
  using dutycalc::ExitCode;
  std::signal(SIGPIPE, SIG_IGN); // a closed pipe shows up as a write error we end quietly on

  CLI::App app{"dutycalc: landed costs of imports, from tariff schedules as in force on the entry date",
               "dutycalc"};
  app.footer("Exit codes: 0 all lines priced; 1 some lines could not be priced (their records say why);\n"
             "2 usage, configuration or schedule error (nothing priced).");
  app.require_subcommand(1);
  app.set_version_flag("--version", "dutycalc 0.1.0");

  dutycalc::cmd::Context context;
  context.executable = argc > 0 ? argv[0] : "dutycalc";
  dutycalc::cmd::setup_price(app, context);
  dutycalc::cmd::setup_explain(app, context);
  dutycalc::cmd::setup_eval(app, context);
  dutycalc::cmd::setup_import(app, context);
  dutycalc::cmd::setup_quota(app, context);
  dutycalc::cmd::setup_check(app, context);
  dutycalc::cmd::setup_diff(app, context);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e); // prints help to stdout, errors to stderr
    return code == 0 ? 0 : static_cast<int>(ExitCode::error);
  } catch (const dutycalc::BrokenPipe&) {
    return static_cast<int>(ExitCode::ok);
  } catch (const dutycalc::Error& e) {
    std::fflush(stdout);
    fmt::print(stderr, "dutycalc: error: {}\n", e.what());
    return static_cast<int>(ExitCode::error);
  } catch (const std::exception& e) {
    std::fflush(stdout);
    fmt::print(stderr, "dutycalc: error: {}\n", e.what());
    return static_cast<int>(ExitCode::error);
  }
  return static_cast<int>(context.exit_code);
}
