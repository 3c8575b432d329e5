// .armlint.json: per-repository configuration (rule selection, impact overrides, failOn, extra
// rule packs, ignores, parameter files, rule options, suppressions). JSON with comments; the
// schema is docs/armlint.schema.json.
//
// Discovery: for each linted file, the nearest .armlint.json in its folder or a parent folder,
// stopping at the folder that holds .git (the repository root). `--config FILE` replaces
// discovery; `--no-config` turns it off. Precedence: a CLI flag > the config > the default.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "arm/template_context.h"
#include "armlint/armlint.hpp"
#include "rules/check_options.h"
#include "util/folder_facts.h"
#include "util/input_error.h"

namespace armlint::internal {

struct ConfigSuppression {
  std::string rule;      // rule id or "*"
  std::string resource;  // glob over resource type, name or id ("" = any)
  std::string file;      // glob over the linted file path relative to the config ("" = any)
  std::string justification;
  std::string expires;  // "YYYY-MM-DD" or ""
};

struct ParameterMapping {
  std::string template_glob;  // relative to the config folder
  std::string file;           // parameter file, resolved to a path
};

// A rule id the config names, where it names it (for "unknown rule id" errors).
struct ConfigRuleRef {
  std::string id;
  std::string key;  // "rules.disable", "suppressions[].rule", ...
  SourceLocation at;
};

// "policies": Azure Policy definitions with assignment values (policy/policy_loader.h).
struct ConfigPolicy {
  std::string path;                  // resolved file or folder
  std::string parameters_json;       // {"name": {"value": ...}} as compact JSON; "" when none
  std::optional<Category> category;  // "category": the findings' pillar; unset: Security
};

struct Config {
  std::string path;                              // the config file
  std::string dir;                               // its folder ("" for none)
  std::vector<std::string> enable;               // if set: only these rule ids
  std::vector<std::string> disable;              // rule ids
  std::vector<Category> disable_categories;      // whole pillars
  std::map<std::string, Impact> impact;          // rule id -> impact override
  std::optional<std::optional<Impact>> fail_on;  // set: failOn (inner nullopt = "none")
  std::vector<std::string> rule_packs;           // resolved folders
  std::vector<std::string> ignore;               // globs relative to the config folder
  std::vector<ParameterMapping> parameters;
  std::vector<ConfigSuppression> suppressions;
  // rules.options: each native check's options, by rule id (rules/check_options.h).
  CheckOptionsMap check_options;
  // "workloads": {glob: name}, globs relative to the config folder; the first match names a
  // file's workload (findings/workloads.h).
  std::vector<std::pair<std::string, std::string>> workloads;
  // "workloadRoot", resolved against the config folder ("" when absent): the workloads of the
  // files below it are its first-level subfolders (--workload-root beats it).
  std::string workload_root;
  // "workloadEnvironment" (canonical, rules/environments.h; "" when absent) and
  // "workloadEnvironments" {glob or workload name: environment}, in order: a file's workload
  // environment (findings/workload_environment.h).
  std::string workload_environment;
  std::vector<std::pair<std::string, std::string>> workload_environments;
  // "context": the deployment's subscription, resource group, location ... (README "Offline
  // context"); --context beats it.
  ContextValues context;
  std::vector<ConfigRuleRef> rule_refs;  // every rule id named in rules.* and suppressions
  std::vector<ConfigPolicy> policies;
};

// Loads and validates one config file. Unknown keys and wrong types are InputErrors with the
// config's line:col.
absl::StatusOr<std::shared_ptr<const Config>> LoadConfig(const std::string& path);

// Finds and caches the config that applies to each file. Thread-safe.
class ConfigResolver {
 public:
  // `explicit_path`: --config (used for every file); `enabled` false: --no-config.
  ConfigResolver(std::string explicit_path, bool enabled)
      : explicit_path_(std::move(explicit_path)), enabled_(enabled) {}

  // The config for `file` (null when none), or the config's load error.
  absl::StatusOr<std::shared_ptr<const Config>> For(const std::string& file);

  // What a tree walk saw in the folders it listed, by absolute path (FolderFacts): a folder
  // listed without a .armlint.json or .git entry is not looked at for them again. Set before
  // the first For(); it must outlive the resolver's use.
  void set_folder_facts(const FolderFacts* facts) { facts_ = facts; }

 private:
  absl::StatusOr<std::shared_ptr<const Config>> Cached(const std::string& path);
  std::string explicit_path_;
  bool enabled_;
  const FolderFacts* facts_ = nullptr;
  std::mutex mu_;
  std::map<std::string, absl::StatusOr<std::shared_ptr<const Config>>> by_path_;
  std::map<std::string, std::string> dir_to_config_;  // folder -> config path ("" none)
};

// The path of `file` relative to `dir` (forward slashes), or `file` when not below it.
std::string RelativeTo(const std::string& file, const std::string& dir);

}  // namespace armlint::internal
