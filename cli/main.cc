// The armlint command line: parses arguments, calls the library, maps results to exit codes.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <CLI/CLI.hpp>

#include "armlint/armlint.hpp"
#include "cli/commands.h"
#include "cli/heap.h"

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

// The subcommand `word` was probably meant to be ("" when none is near): `armlint rule` is a
// typo for `armlint rules`, not a file to lint.
std::string NearestCommand(CLI::App& app, std::string_view word) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    names.push_back(sub->get_name());
    // A prefix ("exp") or an extension ("rulesx") of a command is meant as that command.
    if (word.size() >= 3 && (names.back().starts_with(word) || word.starts_with(names.back())))
      return names.back();
  }
  const std::vector<std::string_view> views(names.begin(), names.end());
  return std::string(armlint::NearestName(word, views));
}

// An option that may be given more than once, one value each time (--rules A --rules B); null
// for an option not built (Named).
CLI::Option* Repeatable(CLI::Option* option) {
  if (option == nullptr) return nullptr;
  return option->expected(1)->allow_extra_args(false)->multi_option_policy(
      CLI::MultiOptionPolicy::TakeAll);
}

// The commands Run adds, in the order `armlint help` lists them.
constexpr std::string_view kCommands[] = {"rules", "test-rules", "expand", "merge"};

// A word that may be meant as a command: not an option, a path or a file name.
bool CommandLike(std::string_view arg) {
  return !arg.empty() && arg[0] != '-' && arg.find('/') == std::string_view::npos &&
         arg.find('.') == std::string_view::npos;
}

// What a command line can name, so that the parser is built with those options and commands
// only: most of a small run's start-up was building options it never sees. CLI11 matches names
// exactly (no prefixes), looking up only the names written in the arguments, so an option or
// command named in none of them takes no part in parsing: leaving it out changes nothing. Help
// lists them all, and a mistyped command is matched against every command: when either may be
// asked for, everything is built.
class Named {
 public:
  Named(int argc, char** argv) : args_(argv + 1, argv + argc) {
    // A word other than a command in first place: `help` or, for HelpOrTypo, maybe a typo.
    all_ = argc >= 2 && CommandLike(argv[1]) &&
           std::find(std::begin(kCommands), std::end(kCommands), argv[1]) == std::end(kCommands);
    all_ = all_ || Option("-h,--help");
  }

  // Whether an argument may name the option `names` ("-f,--format"; a positional's name is always
  // built): --name or --name=VALUE for a long name, for a short one any argument starting with
  // one '-' that holds its letter (clusters like -qv, values like -j2; CLI11 reads no short
  // names in an argument starting with "--").
  bool Option(std::string_view names) const {
    if (all_ || names.find('-') == std::string_view::npos) return true;
    while (!names.empty()) {
      const std::size_t comma = std::min(names.find(','), names.size());
      const std::string_view name = names.substr(0, comma);
      names.remove_prefix(std::min(comma + 1, names.size()));
      for (std::string_view arg : args_) {
        if (name.starts_with("--")) {
          if (arg.starts_with("--") && arg.substr(2, arg.find('=') - 2) == name.substr(2)) {
            return true;
          }
        } else if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-' &&
                   arg.find(name[1]) != std::string_view::npos) {
          return true;
        }
      }
    }
    return false;
  }

  // Whether an argument may name the command `name` (an argument equal to it).
  bool Command(std::string_view name) const {
    return all_ || std::find(args_.begin(), args_.end(), name) != args_.end();
  }

 private:
  std::vector<std::string_view> args_;
  bool all_ = false;
};

// `armlint help [COMMAND]` and mistyped commands; -1 when argv is something else.
int HelpOrTypo(CLI::App& app, int argc, char** argv) {
  if (argc < 2) return -1;
  const std::string_view first = argv[1];
  if (first == "help") {
    if (argc == 2) {
      std::cout << app.help();
      return kExitOk;
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
      if (sub->get_name() == argv[2]) {
        std::cout << sub->help();
        return kExitOk;
      }
    }
    std::string near = NearestCommand(app, argv[2]);
    std::cerr << "armlint: help: no command '" << argv[2] << "'"
              << (near.empty() ? std::string() : " (did you mean '" + near + "'?)")
              << "; the commands are ";
    for (std::string_view c : kCommands) std::cerr << (c == kCommands[0] ? "" : ", ") << c;
    std::cerr << "\n";
    return kExitError;
  }
  if (!CommandLike(first) || access(argv[1], F_OK) == 0) return -1;
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
    if (sub->get_name() == first) return -1;
  }
  std::string near = NearestCommand(app, first);
  if (near.empty()) return -1;
  std::cerr << "armlint: unknown command '" << first << "' (did you mean 'armlint " << near
            << "'?); to lint a file of that name, write ./" << first
            << "\nRun 'armlint help' for usage.\n";
  return kExitError;
}

// --context KEY=VALUE into `into`; false (after saying why) when malformed.
bool ParseContextArgs(const std::vector<std::string>& args,
                      std::map<std::string, std::string>& into) {
  for (const std::string& a : args) {
    std::size_t eq = a.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::cerr << "armlint: --context takes KEY=VALUE (e.g. location=westeurope), not '" << a
                << "'\n";
      return false;
    }
    into[a.substr(0, eq)] = a.substr(eq + 1);
  }
  return true;
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

  // Only what the arguments can name is built (Named); a command named is built whole.
  const Named named(argc, argv);
  // An option or flag added only when the arguments may name it (its strings made only then).
  auto option = [&](const char* names, auto& into, const char* help) -> CLI::Option* {
    return named.Option(names) ? app.add_option(names, into, help) : nullptr;
  };
  auto flag = [&](const char* names, auto& into, const char* help) -> CLI::Option* {
    return named.Option(names) ? app.add_flag(names, into, help) : nullptr;
  };
  armlint::cli::LintArgs lint;
  std::vector<std::string> only, disable;
  app.add_option("paths", lint.paths, "Files and directories to lint ('-' reads stdin)");
  if (named.Option("-f,--format")) {  // its help is made, not written out
    Repeatable(app.add_option("-f,--format", lint.formats,
                              "Output: " + armlint::cli::FormatNames() +
                                  "; FMT:PATH writes that format to PATH (repeatable)"))
        ->default_str("text");
  }
  option("-o,--output", lint.output, "Write the report to FILE instead of stdout");
  CLI::Option* fail_on =
      option("--fail-on", lint.fail_on, "Lowest impact that fails: high|medium|low|none");
  if (fail_on != nullptr) fail_on->default_str("low");
  option("--min-impact", lint.min_impact,
         "Show only findings at or above high|medium|low (exit code: --fail-on)");
  Repeatable(option("--rules", lint.options.rule_dirs, "Add a rule pack folder (repeatable)"));
  flag("--no-default-rules", lint.no_default_rules, "Do not load the built-in rules");
  Repeatable(option("--only", only, "Run only these rule ids (comma-separated)"));
  Repeatable(option("--disable", disable, "Skip these rule ids (comma-separated)"));
  option("-p,--parameters", lint.options.parameters_file,
         "Parameter file for the templates linted");
  option("--config", lint.options.config_file, "Use this config file for every file");
  flag("--no-config", lint.no_config, "Ignore .armlint.json configuration files");
  option("--baseline", lint.options.baseline_file,
         "Report only findings not in this baseline file");
  option("--write-baseline", lint.write_baseline,
         "Record the current findings as the baseline in FILE");
  option("-j,--jobs", lint.jobs, "Files linted in parallel (default: all cores)");
  option("--shard", lint.shard, "Lint only shard K of N (K/N, by path hash)");
  flag("--report-unknown", lint.options.report_unknown,
       "List rules whose outcome is unknown (never changes the exit code)");
  flag("--show-suppressed", lint.show_suppressed, "List suppressed findings too");
  flag("-q,--quiet", lint.quiet, "Print only findings and the summary line");
  flag("--no-color", lint.no_color, "No ANSI colours (--color never)");
  if (CLI::Option* o = option("--color", lint.color,
                              "ANSI colours: auto (a terminal, NO_COLOR unset), always, never")) {
    o->default_str("auto");
  }
  flag("-v,--verbose", lint.verbose, "Solution and link under every finding");
  std::vector<std::string> context;
  Repeatable(option("--context", context,
                    "Deployment context KEY=VALUE (repeatable): subscriptionId, tenantId, "
                    "resourceGroup, location, deploymentName, environment"));
  option("--workload-root", lint.options.workload_root,
         "Workload = first folder below DIR, from wherever armlint runs");
  option("--label", lint.options.label,
         "Repository/run name: in workloads (NAME/web) and, merged, in paths");
  flag("--allow-empty", lint.options.allow_empty,
       "Exit 0 when the paths hold nothing to lint (pre-commit hooks)");
  bool version = false;
  flag("--version", version, "Print the version and exit");
  Repeatable(option("--policy", lint.options.policy_paths,
                    "Azure Policy definitions/initiatives: file or folder (repeatable)"));
  option("--policy-parameters", lint.options.policy_parameters_file,
         "Assignment parameter values for the policies");
  Repeatable(option("--aliases", lint.options.alias_files,
                    "Alias table (az provider list --expand resourceTypes/aliases), repeatable"));

  CLI::App* rules = nullptr;
  CLI::App* show = nullptr;
  armlint::cli::RulesArgs rules_args;
  if (named.Command("rules")) {
    rules = app.add_subcommand("rules", "List the loaded rules");
    rules->add_option("-f,--format", rules_args.format, "text, json or markdown")
        ->default_str("text");
    Repeatable(
        rules->add_option("--rules", rules_args.rule_dirs, "Add a rule pack folder (repeatable)"));
    rules->add_flag("--no-default-rules", rules_args.no_default_rules, "Built-in rules off");
    rules->add_option("--check", rules_args.check_dir, "Validate the rule pack in DIR and exit");
    Repeatable(
        rules->add_option("--policy", rules_args.policy_paths,
                          "List Azure Policy definitions: evaluated, and left out with why"));
    rules->add_option("--policy-parameters", rules_args.policy_parameters_file,
                      "Assignment parameter values for the policies");
    Repeatable(
        rules->add_option("--aliases", rules_args.alias_files, "Alias table file (repeatable)"));
    rules->add_option("--write-cache", rules_args.write_cache,
                      "Write the --policy definitions to a cache FILE for --policy FILE.cache");
    show = rules->add_subcommand("show", "Show one rule in full");
    show->add_option("id", rules_args.show_id, "Rule id")->required();
  }

  CLI::App* test_rules = nullptr;
  std::string test_dir;
  std::string fixtures_dir;
  if (named.Command("test-rules")) {
    test_rules = app.add_subcommand("test-rules", "Run a rule pack's fixtures");
    test_rules->add_option("dir", test_dir, "Rule pack folder (with tests/rules/<id>/ fixtures)")
        ->required();
    test_rules->add_option("--fixtures", fixtures_dir,
                           "Fixture folder (default: DIR/tests/rules or DIR/../tests/rules)");
  }

  CLI::App* expand = nullptr;
  armlint::cli::ExpandArgs expand_args;
  bool expand_no_config = false;
  if (named.Command("expand")) {
    expand = app.add_subcommand("expand", "Print the expanded deployment as JSON");
    expand->add_option("file", expand_args.file, "Template")->required();
    expand->add_option("-p,--parameters", expand_args.options.parameters_file, "Parameter file");
    expand->add_option("-f,--format", expand_args.format, "json (the only format)")
        ->default_str("json");
    expand->add_option("--config", expand_args.options.config_file, "Use this config file");
    expand->add_flag("--no-config", expand_no_config, "Ignore .armlint.json configuration files");
  }

  CLI::App* merge = nullptr;
  armlint::cli::MergeArgs merge_args;
  if (named.Command("merge")) {
    merge = app.add_subcommand("merge", "Combine JSON reports into one portfolio report");
    merge->add_option("reports", merge_args.reports, "JSON reports (--format json)")->required();
    merge->add_option("-f,--format", merge_args.format, "Output format (json, markdown, html, ...)")
        ->default_str("json");
    merge->add_option("-o,--output", merge_args.output, "Write the report to FILE");
    merge->add_option("--fail-on", merge_args.fail_on, "Lowest impact that fails (default none)")
        ->default_str("none");
  }

  if (int code = HelpOrTypo(app, argc, argv); code >= 0) return code;
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
  if (rules != nullptr && *rules) {
    if (show->parsed()) rules_args.show = true;
    return armlint::cli::RunRules(rules_args);
  }
  if (test_rules != nullptr && *test_rules) {
    return armlint::cli::RunTestRules(test_dir, fixtures_dir);
  }
  if (expand != nullptr && *expand) {
    expand_args.options.use_config = !expand_no_config;
    return armlint::cli::RunExpand(expand_args);
  }
  if (merge != nullptr && *merge) return armlint::cli::RunMerge(merge_args);

  if (lint.paths.empty()) {
    std::cerr << "armlint: no PATH given\nRun 'armlint --help' for usage.\n";
    return kExitError;
  }
  if (!ParseContextArgs(context, lint.options.context)) return kExitError;
  if (!lint.options.workload_root.empty() &&
      !std::filesystem::is_directory(lint.options.workload_root)) {
    std::cerr << "armlint: --workload-root: no folder '" << lint.options.workload_root << "'\n";
    return kExitError;
  }
  if (lint.options.label.find_first_of("/\\") != std::string::npos) {
    std::cerr << "armlint: --label names one repository or run, without '/': '"
              << lint.options.label << "'\n";
    return kExitError;
  }
  lint.options.only = SplitIds(only);
  lint.options.disable = SplitIds(disable);
  lint.options.builtin_rules = !lint.no_default_rules;
  lint.options.use_config = !lint.no_config;
  lint.fail_on_given = fail_on != nullptr && fail_on->count() > 0;
  if (lint.color != "auto" && lint.color != "always" && lint.color != "never") {
    std::cerr << "armlint: --color takes auto, always or never, not '" << lint.color << "'\n";
    return kExitError;
  }
  if (lint.no_color) lint.color = "never";
  lint.color_allowed =
      lint.color == "always" || (lint.color == "auto" && lint.output.empty() &&
                                 isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
  return armlint::cli::RunLint(lint);
}

// The malloc heap set up before any constructor runs (.preinit_array), so that the C++ runtime's
// start-up already allocates from the huge-page heap. Not for `armlint --version` (see main),
// which allocates too little to gain from it.
void PrepareMemory(int argc, char** argv, char**) {
  if (argc == 2 && std::string_view(argv[1]) == "--version") return;
  // The library then takes a file's blocks under 2 MB from the heap too (armlint.hpp).
  if (armlint::cli::UseHugePagesForHeap()) armlint::SetHeapInHugePages(true);
}
[[gnu::used, gnu::section(".preinit_array")]] void (*const prepare_memory)(int, char**,
                                                                           char**) = &PrepareMemory;

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
