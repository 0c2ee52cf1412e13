// Each subcommand: an options struct and a setup function in its own file. setup_x() adds the
// subcommand to the app and arranges for it to run; the run sets `exit_code`.
#pragma once

#include <dutycalc/exit_code.hpp>

#include <filesystem>

namespace CLI {
class App;
}

namespace dutycalc::cmd {

// What every subcommand may need from main().
struct Context {
  std::filesystem::path executable; // argv[0] resolved, to find bundled schedules
  ExitCode exit_code = ExitCode::ok;
};

void setup_price(CLI::App& app, Context& context);
void setup_explain(CLI::App& app, Context& context);
void setup_eval(CLI::App& app, Context& context);
void setup_import(CLI::App& app, Context& context);
void setup_quota(CLI::App& app, Context& context);
void setup_check(CLI::App& app, Context& context);
void setup_diff(CLI::App& app, Context& context);

} // namespace dutycalc::cmd
