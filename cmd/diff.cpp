// dutycalc diff: placeholder registered so the command line lists it; replaced by its implementation.
#include "commands.hpp"

#include <dutycalc/error.hpp>

#include <CLI/CLI.hpp>

namespace dutycalc::cmd {

void setup_diff(CLI::App& app, Context& context) {
  auto* sub = app.add_subcommand("diff", "(not available yet)");
  sub->callback([&context] {
    (void)context;
    throw Error("'diff' is not available yet");
  });
}

} // namespace dutycalc::cmd
