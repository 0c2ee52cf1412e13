// dutycalc check: validate schedule directories, every problem at its file, line and column.
#include "commands.hpp"

#include <dutycalc/check/check_schedule.hpp>
#include <dutycalc/check/write_diagnostics.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <CLI/CLI.hpp>
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>
#include <vector>

namespace dutycalc::cmd {

namespace {

struct CheckOptions {
  std::vector<std::string> schedules; // names or directories; none: --schedule
  std::string schedule = "us";
  std::string format = "text";
  bool warnings_as_errors = false;
  std::string output;
};

ExitCode run_check(const CheckOptions& options, const Context& context) {
  const auto format = check::parse_diagnostic_format(options.format);
  std::vector<std::string> names = options.schedules;
  if (names.empty()) names.push_back(options.schedule);
  // Resolve every name first: a misspelt one is a usage error before anything is printed.
  std::vector<std::filesystem::path> directories;
  for (const std::string& name : names)
    directories.push_back(schedule::find_schedule(name, context.executable));
  std::unique_ptr<Output> output =
      options.output.empty() ? std::make_unique<Output>() : std::make_unique<Output>(options.output);
  bool failed = false;
  for (const auto& directory : directories) {
    const auto found = check::check_schedule(directory);
    check::write_diagnostics(found, *format, *output);
    output->flush();
    fmt::print(stderr, "{}\n", check::summarise(directory.string(), found));
    for (const auto& d : found)
      if (d.severity == schedule::Severity::error || options.warnings_as_errors) failed = true;
  }
  return failed ? ExitCode::error : ExitCode::ok;
}

} // namespace

void setup_check(CLI::App& app, Context& context) {
  auto options = std::make_shared<CheckOptions>();
  auto* sub = app.add_subcommand("check", "Validate schedule files; exit 2 on any error");
  sub->footer(
      "Examples:\n"
      "  $ dutycalc check schedules/us --format github\n"
      "  $ dutycalc check us eu --warnings-as-errors\n"
      "Reads every file of each schedule and reports every problem found, one per line, as\n"
      "file:line:column: error|warning: message (sorted by file, line and column), then a\n"
      "summary per schedule on stderr. Errors: what would stop or falsify pricing (syntax,\n"
      "unknown keys, unreadable rates and codes, missing sources, dangling references, windows\n"
      "that end before they start, overlapping rules of one kind). Warnings: what is probably a\n"
      "slip but prices as written. With no schedule_dir, checks --schedule.\n"
      "Exit codes: 0 no errors (warnings alone pass unless --warnings-as-errors); 2 errors, or\n"
      "a usage error.");
  sub->add_option("schedule_dir", options->schedules,
                  "Schedule directories or bundled schedule names (default: --schedule)");
  sub->add_option("--schedule", options->schedule,
                  "Bundled schedule name or directory checked when none is given")
      ->capture_default_str();
  sub->add_option("--format", options->format,
                  "text (file:line:column: ...), github (Actions annotations) or jsonl")
      ->check(CLI::IsMember({"text", "github", "jsonl"}))
      ->capture_default_str();
  sub->add_flag("--warnings-as-errors", options->warnings_as_errors,
                "Exit 2 when there are warnings too");
  sub->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
  sub->callback([options, &context] { context.exit_code = run_check(*options, context); });
}

} // namespace dutycalc::cmd
