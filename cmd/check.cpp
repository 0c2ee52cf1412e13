// dutycalc check: placeholder registered so the command line lists it; replaced by its implementation.
#include "commands.hpp"

#include <dutycalc/error.hpp>

#include <CLI/CLI.hpp>

namespace dutycalc::cmd {

void setup_check(CLI::App& app, Context& context) {
  auto* sub = app.add_subcommand("check", "(not available yet)");
  sub->callback([&context] {
    (void)context;
    throw Error("'check' is not available yet");
  });
}

} // namespace dutycalc::cmd
