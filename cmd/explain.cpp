// dutycalc explain: every rule and option for one code, origin and entry date, with sources.
#include "commands.hpp"

#include <dutycalc/date.hpp>
#include <dutycalc/explain/explain.hpp>
#include <dutycalc/explain/write_explanation.hpp>
#include <dutycalc/report/output.hpp>
#include <dutycalc/report/output_format.hpp>
#include <dutycalc/schedule/schedule_loader.hpp>

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace dutycalc::cmd {

namespace {

struct ExplainOptions {
  explain::ExplainArguments arguments;
  std::string schedule = "us";
  std::string format = "table";
  std::string output;
};

ExitCode run_explain(const ExplainOptions& options, const Context& context) {
  const explain::ExplainRequest request = explain::make_request(options.arguments, Date::today());
  const schedule::Schedule schedule =
      schedule::load_schedule(schedule::find_schedule(options.schedule, context.executable));
  const explain::Explanation explanation = explain::explain_code(schedule, request);
  std::unique_ptr<Output> output =
      options.output.empty() ? std::make_unique<Output>() : std::make_unique<Output>(options.output);
  explain::write_explanation(explanation, *parse_output_format(options.format), *output);
  return ExitCode::ok;
}

} // namespace

void setup_explain(CLI::App& app, Context& context) {
  auto options = std::make_shared<ExplainOptions>();
  auto& arguments = options->arguments;
  auto* sub = app.add_subcommand(
      "explain", "Every rule and option for one code, origin and date, with sources");
  sub->footer(
      "Examples:\n"
      "  $ dutycalc explain 7208.51.0030 --origin JP --date 2022-05-02 --value 100000 --quantity 80000kg\n"
      "  $ dutycalc explain 7601.10.3000 --origin KR --program KR --value 100000 --format jsonl\n"
      "Shows the tariff line and its description, each base-rate option (general, the special\n"
      "column's programmes, column 2) with whether this origin may use it, each additional duty\n"
      "considered and why it applies or not, and the bottom line as `dutycalc price` prices it.\n"
      "Amounts only with --value. Output: text (table) even when not a terminal; jsonl is one\n"
      "JSON object on one line.");
  sub->add_option("hs_code", arguments.code, "HS code: 7208.51.0030, 7208.51.00.30, 7208510030")
      ->required();
  sub->add_option("--origin", arguments.origin, "Country of origin, ISO 3166-1 alpha-2 (JP)")
      ->required();
  sub->add_option("--date", arguments.date, "Entry date (YYYY-MM-DD); default today");
  sub->add_option("--value", arguments.value, "Dutiable value, a plain decimal, for amounts");
  sub->add_option("--quantity", arguments.quantities,
                  "Quantity with its unit, e.g. 80000kg or \"12.5 l\" (repeatable)")
      ->allow_extra_args(false); // one value per --quantity, so a later positional stays positional
  sub->add_option("--program", arguments.programme, "Preference programme claimed (KR, JP, S...)");
  sub->add_option("--melt-country", arguments.melt_country,
                  "Where the steel was melted and poured, the aluminum smelted and cast");
  sub->add_option("--schedule", options->schedule, "Bundled schedule name or schedule directory")
      ->capture_default_str();
  sub->add_option("--format", options->format, "Output format: table (text) or jsonl")
      ->check(CLI::IsMember({"table", "jsonl"}))
      ->capture_default_str();
  sub->add_option("-o,--output", options->output, "Write to FILE instead of standard output");
  sub->callback([options, &context] { context.exit_code = run_explain(*options, context); });
}

} // namespace dutycalc::cmd
