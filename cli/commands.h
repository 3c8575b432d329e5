// The CLI's commands: each takes parsed arguments and returns the process exit code.
#pragma once

#include <string>
#include <vector>

#include "armlint/armlint.hpp"

namespace armlint::cli {

// The exit codes (README "Exit codes"): clean, findings at or above --fail-on, errors.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitError = 2;

// "text, json, sarif, ...": the --format names, from the format table (armlint::AllFormats).
std::string FormatNames();

struct LintArgs {
  armlint::Options options;
  std::vector<std::string> paths;
  std::vector<std::string> formats;  // --format FMT[:PATH], repeatable (none: text)
  std::string output;
  std::string fail_on = "low";
  std::string min_impact;      // --min-impact: lowest impact shown ("" all)
  bool fail_on_given = false;  // --fail-on on the command line (beats the config's failOn)
  std::string write_baseline;
  bool no_default_rules = false;
  bool no_config = false;
  int jobs = 0;
  bool show_suppressed = false;
  bool quiet = false;
  bool no_color = false;
  std::string color = "auto";  // --color auto|always|never
  bool color_allowed = false;  // colours for the report written to stdout
  bool verbose = false;        // --verbose: solution and link under every text finding
  std::string shard;           // --shard K/N ("" = all files)
};

struct MergeArgs {
  std::vector<std::string> reports;
  std::string format = "json";
  std::string output;
  std::string fail_on = "none";
};

struct RulesArgs {
  std::string format = "text";
  std::vector<std::string> rule_dirs;
  bool no_default_rules = false;
  std::string check_dir;
  bool show = false;
  std::string show_id;
  std::vector<std::string> policy_paths;  // --policy: list definitions, evaluated and left out
  std::string policy_parameters_file;
  std::vector<std::string> alias_files;
  std::string write_cache;  // --write-cache FILE: the --policy definitions as a cache file
};

struct ExpandArgs {
  std::string file;
  std::string format = "json";  // the only format: the expanded deployment is JSON
  armlint::Options options;     // parameters_file, config_file, use_config
};

int RunLint(const LintArgs& args);
int RunRules(const RulesArgs& args);
int RunTestRules(const std::string& dir, const std::string& fixtures_dir);
int RunMerge(const MergeArgs& args);
int RunExpand(const ExpandArgs& args);

}  // namespace armlint::cli
