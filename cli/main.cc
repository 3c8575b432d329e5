// The armlint command line: parses arguments, calls the library, maps results to exit codes.
#include <unistd.h>

#include <cstdio>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "armlint/armlint.hpp"
#include "cli/commands.h"

namespace {

using armlint::cli::kExitError;
using armlint::cli::kExitOk;

std::vector<std::string> SplitIds(const std::vector<std::string>& lists) {
  std::vector<std::string> out;
  for (const std::string& list : lists) {
    std::size_t start = 0;
    while (start <= list.size()) {
      std::size_t comma = list.find(',', start);
      if (comma == std::string::npos) comma = list.size();
      std::string id = list.substr(start, comma - start);
      while (!id.empty() && id.back() == ' ') id.pop_back();
      while (!id.empty() && id.front() == ' ') id.erase(id.begin());
      if (!id.empty()) out.push_back(id);
      start = comma + 1;
    }
  }
  return out;
}

int Run(int argc, char** argv) {
  CLI::App app{
      "armlint: policy-as-code linter for Azure ARM templates, parameter files and "
      "exported resources",
      "armlint"};
  app.footer(
      "Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage, configuration or "
      "input errors.\nDocs: README.md; rules: armlint rules");
  app.get_formatter()->column_width(34);

  armlint::cli::LintArgs lint;
  std::vector<std::string> only, disable;
  app.add_option("paths", lint.paths, "Files and directories to lint ('-' reads stdin)");
  app.add_option("-f,--format", lint.format,
                 "Output: text, json, sarif, junit, markdown, github, html")
      ->default_str("text");
  app.add_option("-o,--output", lint.output, "Write the report to FILE instead of stdout");
  CLI::Option* fail_on =
      app.add_option("--fail-on", lint.fail_on, "Lowest impact that fails: high|medium|low|none")
          ->default_str("low");
  app.add_option("--rules", lint.options.rule_dirs, "Add a rule pack folder (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_flag("--no-default-rules", lint.no_default_rules, "Do not load the built-in rules");
  app.add_option("--only", only, "Run only these rule ids (comma-separated)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--disable", disable, "Skip these rule ids (comma-separated)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("-p,--parameters", lint.options.parameters_file,
                 "Parameter file for the templates linted");
  app.add_option("--config", lint.options.config_file, "Use this config file for every file");
  app.add_flag("--no-config", lint.no_config, "Ignore .armlint.json configuration files");
  app.add_option("--baseline", lint.options.baseline_file,
                 "Report only findings not in this baseline file");
  app.add_option("--write-baseline", lint.write_baseline,
                 "Record the current findings as the baseline in FILE");
  app.add_option("-j,--jobs", lint.jobs, "Files linted in parallel (default: all cores)");
  app.add_option("--shard", lint.shard, "Lint only shard K of N (K/N, by path hash)");
  app.add_flag("--report-unknown", lint.options.report_unknown,
               "List rules whose outcome is unknown (never changes the exit code)");
  app.add_flag("--show-suppressed", lint.show_suppressed, "List suppressed findings too");
  app.add_flag("-q,--quiet", lint.quiet, "Print only findings and the summary line");
  app.add_flag("--no-color", lint.no_color, "No ANSI colours");
  bool version = false;
  app.add_flag("--version", version, "Print the version and exit");
  app.add_option("--policy", lint.options.policy_paths,
                 "Azure Policy definitions/initiatives: file or folder (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  app.add_option("--policy-parameters", lint.options.policy_parameters_file,
                 "Assignment parameter values for the policies");
  app.add_option("--aliases", lint.options.alias_files,
                 "Alias table (az provider list --expand resourceTypes/aliases), repeatable")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);

  CLI::App* rules = app.add_subcommand("rules", "List the loaded rules");
  armlint::cli::RulesArgs rules_args;
  rules->add_option("-f,--format", rules_args.format, "text, json or markdown")
      ->default_str("text");
  rules->add_option("--rules", rules_args.rule_dirs, "Add a rule pack folder (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  rules->add_flag("--no-default-rules", rules_args.no_default_rules, "Built-in rules off");
  rules->add_option("--check", rules_args.check_dir, "Validate the rule pack in DIR and exit");
  rules
      ->add_option("--policy", rules_args.policy_paths,
                   "List Azure Policy definitions: evaluated, and left out with why")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  rules->add_option("--policy-parameters", rules_args.policy_parameters_file,
                    "Assignment parameter values for the policies");
  rules->add_option("--aliases", rules_args.alias_files, "Alias table file (repeatable)")
      ->expected(1)
      ->allow_extra_args(false)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  CLI::App* show = rules->add_subcommand("show", "Show one rule in full");
  show->add_option("id", rules_args.show_id, "Rule id")->required();

  CLI::App* test_rules = app.add_subcommand("test-rules", "Run a rule pack's fixtures");
  std::string test_dir;
  test_rules->add_option("dir", test_dir, "Rule pack folder (with tests/rules/<id>/ fixtures)")
      ->required();
  std::string fixtures_dir;
  test_rules->add_option("--fixtures", fixtures_dir,
                         "Fixture folder (default: DIR/tests/rules or DIR/../tests/rules)");

  CLI::App* expand = app.add_subcommand("expand", "Print the expanded deployment as JSON");
  std::string expand_file, expand_params;
  expand->add_option("file", expand_file, "Template")->required();
  expand->add_option("-p,--parameters", expand_params, "Parameter file");

  CLI::App* merge = app.add_subcommand("merge", "Combine JSON reports into one portfolio report");
  armlint::cli::MergeArgs merge_args;
  merge->add_option("reports", merge_args.reports, "JSON reports (--format json)")->required();
  merge->add_option("-f,--format", merge_args.format, "Output format (json, markdown, html, ...)")
      ->default_str("json");
  merge->add_option("-o,--output", merge_args.output, "Write the report to FILE");
  merge->add_option("--fail-on", merge_args.fail_on, "Lowest impact that fails (default none)")
      ->default_str("none");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    std::cout << app.help();
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) {
      app.exit(e);
      return kExitOk;
    }
    std::cerr << "armlint: " << e.what() << "\nRun 'armlint --help' for usage.\n";
    return kExitError;
  }
  if (version) {
    std::cout << "armlint " << armlint::Version() << "\n";
    return kExitOk;
  }
  if (*rules) {
    if (show->parsed()) rules_args.show = true;
    return armlint::cli::RunRules(rules_args);
  }
  if (*test_rules) return armlint::cli::RunTestRules(test_dir, fixtures_dir);
  if (*expand) return armlint::cli::RunExpand(expand_file, expand_params);
  if (*merge) return armlint::cli::RunMerge(merge_args);

  if (lint.paths.empty()) {
    std::cerr << "armlint: no PATH given\nRun 'armlint --help' for usage.\n";
    return kExitError;
  }
  lint.options.only = SplitIds(only);
  lint.options.disable = SplitIds(disable);
  lint.options.builtin_rules = !lint.no_default_rules;
  lint.options.use_config = !lint.no_config;
  lint.fail_on_given = fail_on->count() > 0;
  lint.color_allowed = !lint.no_color && lint.output.empty() && isatty(STDOUT_FILENO) &&
                       std::getenv("NO_COLOR") == nullptr;
  return armlint::cli::RunLint(lint);
}

}  // namespace

int main(int argc, char** argv) {
  // `armlint --version` alone answers before the command-line parser is built (a third of
  // its start-up): editors and hooks call it to probe for the binary.
  if (argc == 2 && std::string_view(argv[1]) == "--version") {
    std::printf("armlint %s\n", armlint::Version());
    return kExitOk;
  }
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "armlint: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "armlint: internal error\n";
  }
  return kExitError;
}
