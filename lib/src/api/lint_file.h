// Lints one file (or buffer): load, classify, expand, evaluate rules, make findings.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "arm/template_context.h"
#include "armlint/armlint.hpp"
#include "findings/config.h"
#include "rules/rule_set.h"
#include "util/folder_facts.h"

namespace armlint::internal {

struct FileResult {
  std::vector<Finding> findings;
  std::vector<::armlint::InputError> errors;
  int files = 0;
  int resources = 0;
  int unevaluated_deployments = 0;  // LintResult::unevaluated_deployments
  // The manifest's summary (when files > 0); workload set when the config names one.
  FileSummary summary;
  // The "workloadRoot" of the file's config ("" without one), for the engine's default workload.
  std::string config_workload_root;
};

struct LintSettings {
  const RuleSet* rules = nullptr;
  // The rule set for a config with its own rule packs (null config: `rules`); may be empty.
  std::function<absl::StatusOr<const RuleSet*>(const Config&)> rules_for_config;
  bool report_unknown = false;
  std::string parameters_file;        // -p: used for every template
  ConfigResolver* configs = nullptr;  // null: no configuration
  std::string today;                  // "YYYY-MM-DD", for suppression expiry
  // Whether the run lints the template at this path anyway (named, or under a named folder):
  // a parameter file named alone then adds nothing. Unset: never.
  std::function<bool(const std::string&)> linted_in_run;
  // The deployment context given to the run (--context); a config's "context" fills the rest.
  ContextValues context;
  // What the run's tree walk saw in the folders it listed (util/folder_facts.h); may be null.
  const FolderFacts* folder_facts = nullptr;
};

// The parameter file for the template at `path`: `explicit_file` (-p), else the first mapping in
// `config`'s "parameters" whose glob matches the template, else the file found beside the
// template by the naming conventions (arm/parameter_files.h), else "" (none). Lint and
// `armlint expand` both take it from here.
std::string ParameterFileFor(const std::string& explicit_file, const Config* config,
                             const std::string& path, const FolderFacts* facts = nullptr);

// Lints `text` reported as `path`.
FileResult LintText(const LintSettings& settings, std::string path, std::string text);

// Reads and lints `path` ("-" reads standard input). A parameter file `named` as a path (not
// found in a folder) is linted with its template too; a .bicep / .bicepparam file is compiled.
FileResult LintFile(const LintSettings& settings, const std::string& path, bool named = false);

}  // namespace armlint::internal
