// dutycalc import: placeholder until the subcommand lands.
#include "commands.hpp"

#include <CLI/CLI.hpp>

namespace dutycalc::cmd {

void setup_import(CLI::App& app, Context& context) {
  auto* sub = app.add_subcommand("import", "not yet available");
  sub->callback([&context] { context.exit_code = ExitCode::error; });
}

} // namespace dutycalc::cmd
