// armlint: a policy-as-code linter for Azure Resource Manager templates, parameter files and
// exported resource JSON. This header is the whole C++ API.
//
//   armlint::Options options;                        // built-in rule packs, defaults
//   absl::StatusOr<armlint::Engine> engine = armlint::Engine::Create(options);
//   if (!engine.ok()) { /* a rule pack or option is invalid: engine.status() says where */ }
//   armlint::LintResult result = engine->LintPaths({"infra/"});
//   for (const armlint::Finding& f : result.findings)
//     std::cout << f.location.file << ":" << f.location.line << " " << f.rule_id << "\n";
//   armlint::WriteReport(result, armlint::ReportOptions{}, std::cout);
//
// Ownership and threads: an Engine is immutable after Create and cheap to copy (it shares its
// compiled rules); any number of threads may lint with the same Engine at once. Results are
// plain values that own all their strings. Nothing here throws, prints or exits.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define ARMLINT_VERSION_MAJOR 0
#define ARMLINT_VERSION_MINOR 1
#define ARMLINT_VERSION_PATCH 0

namespace armlint {

// "X.Y.Z" of the library.
const char* Version();

// For a program whose malloc heap is in transparent huge pages (the armlint CLI advises its heap
// so; glibc does with GLIBC_TUNABLES=glibc.malloc.hugetlb=1): the memory blocks of a linted file
// under 2 MB then come from malloc, sharing the heap's huge pages, instead of each mapping pages
// of its own. Process-wide; off by default; call before linting starts. Where the system gives no
// huge pages it changes nothing.
void SetHeapInHugePages(bool on);

enum class Category { kCost, kSecurity, kReliability, kPerformance, kOperationalExcellence };
enum class Impact { kHigh, kMedium, kLow };
enum class Outcome { kFail, kUnknown };
enum class Format { kText, kJson, kSarif, kJunit, kMarkdown, kGithub, kHtml };

// The number of categories (pillars) and impacts: the sizes of the arrays indexed by them.
inline constexpr int kCategoryCount = 5;
inline constexpr int kImpactCount = 3;

// "Cost", "Security", "Reliability", "Performance", "OperationalExcellence".
std::string_view CategoryName(Category c);
std::optional<Category> ParseCategory(std::string_view name);  // case-insensitive
// "High", "Medium", "Low".
std::string_view ImpactName(Impact i);
std::optional<Impact> ParseImpact(std::string_view name);  // case-insensitive
// "text", "json", ... as --format takes them.
std::string_view FormatName(Format f);
std::optional<Format> ParseFormat(std::string_view name);
std::vector<Format> AllFormats();

// The name among `candidates` that `name` is probably a misspelling of, or "" when none is close
// (at most two edits, one per three characters; ASCII case-insensitive; ties to the first
// alphabetically): the choice behind every "did you mean" armlint prints, for tools that phrase
// their own the same way.
std::string_view NearestName(std::string_view name, std::span<const std::string_view> candidates);

struct Location {
  std::string file;     // as given to the engine
  int line = 0;         // 1-based; 0 when unknown
  int column = 0;       // 1-based, in characters
  std::string pointer;  // JSON pointer of the source value ("/resources/0/properties/x")
};

// The Azure Policy definition behind a rule or finding (--policy).
struct PolicyRef {
  std::string name;          // the definition's name (also the rule id)
  std::string display_name;  // its displayName
  std::string initiative;    // the initiative (policy set) that assigned it; empty when none
};

struct Finding {
  std::string rule_id;
  Category category = Category::kSecurity;
  Impact impact = Impact::kMedium;
  std::string impacted_field;  // the resource type
  std::string impacted_value;  // the resource name, evaluated where possible
  std::string resource_id;     // evaluated resource id where known, else the template path
  std::string problem;
  std::string solution;
  std::string learn_more_link;
  Outcome outcome = Outcome::kFail;
  Location location;
  // What the rule found at `location`: the offending scalar as written ("false", "\"TLS1_0\"",
  // "[parameters('tls')]"; long text cut, values under names that look secret never copied), or
  // empty when not known. `value_missing`: the property the rule reads is absent, and
  // `location` is where it would be added.
  std::string value;
  bool value_missing = false;
  // Outcome kUnknown: why the rule cannot decide ("parameter 'plan' has no value",
  // "reference() is evaluated at deployment"); empty when not known or not unknown.
  std::string unknown_reason;
  bool suppressed = false;
  std::string suppression_justification;
  // Stable across edits elsewhere in the file: a hash of rule id, file, resource id and the
  // property's pointer within the resource (not line numbers). Baselines and SARIF use it.
  std::string fingerprint;
  // The workload the linted file belongs to (see FileSummary::workload).
  std::string workload;
  // Azure Policy findings: the definition's effect ("audit", "deny", ...) and the definition.
  std::string effect;
  std::optional<PolicyRef> policy;
};

// An input that could not be read, parsed or evaluated; the other inputs are still linted.
struct InputError {
  Location location;
  std::string message;
};

// Assessments of a set of files, indexed [Category][Impact]. An assessment is one rule applied
// to one resource whose type it targets (a condition rule), or one native check applied to one
// template. Its outcome is healthy, failing (a finding that is not suppressed; findings left out
// by a baseline still fail) or unknown (left out of scores).
struct Assessments {
  int assessed[kCategoryCount][kImpactCount] = {};  // known outcomes: healthy + failing
  int failed[kCategoryCount][kImpactCount] = {};    // failing
  int unknown[kCategoryCount][kImpactCount] = {};   // unknown outcomes (not in `assessed`)
  void Add(const Assessments& other);
  int Total() const;  // sum of `assessed`
};

// Advisor-style scores, 0-100: per pillar, the impact-weighted share of healthy assessments
// (High 3, Medium 2, Low 1); nullopt when nothing of that pillar was assessed. `overall` is the
// mean of the pillar scores that exist (nullopt when none does). README "Portfolio view".
struct Scores {
  std::optional<double> category[kCategoryCount];  // indexed by Category
  std::optional<double> overall;
};
Scores ComputeScores(const Assessments& assessments);

// One linted manifest: its workload, resources and assessments. Merged reports (MergeReports)
// hold one entry per workload and report, with `path` empty and `files` its file count.
struct FileSummary {
  std::string path;
  // By default the top-level folder under the linted directory (a file given directly: its
  // folder's name); .armlint.json "workloads" (glob -> name) overrides it.
  std::string workload;
  int files = 1;
  int resources = 0;
  Assessments assessments;
};

struct LintResult {
  std::vector<Finding> findings;  // sorted by file, line, column, rule id
  std::vector<InputError> errors;
  int files = 0;      // manifests linted (templates, parameter files, exports)
  int resources = 0;  // resources evaluated
  int suppressed = 0;
  // Nested deployments whose template was not evaluated (a templateLink, which armlint never
  // fetches, or a template known only at deployment): their resources were not linted. Each is
  // an unknown outcome of rule linked-template-not-evaluated (--report-unknown lists them).
  int unevaluated_deployments = 0;
  int baselined = 0;       // findings left out because the baseline has them
  int baseline_fixed = 0;  // baseline entries no longer found (fixed)
  // failOn from the configuration, when one applies to the run (see Options::config_file).
  std::optional<std::optional<Impact>> config_fail_on;
  // Per linted manifest, in the order linted (see FileSummary).
  std::vector<FileSummary> files_linted;
  // The scores recorded in the --baseline file, when it has them (older baselines do not).
  std::optional<Scores> baseline_scores;
  // Options::label of the run (JSON "label"); merged results: empty.
  std::string label;
};

// A rule as loaded, for listings and documentation.
// A policy definition that is not evaluated, and why.
struct SkippedPolicy {
  std::string name;
  std::string file;
  std::string reason;
};

struct RuleInfo {
  std::string id;
  Category category = Category::kSecurity;
  Impact impact = Impact::kMedium;
  std::vector<std::string> resource_types;  // empty: any
  std::string problem;
  std::string solution;
  std::string learn_more_link;
  std::string source;               // "rules/security/x.json" or the user file path
  std::string check;                // native check name, or empty for a condition rule
  std::string condition_json;       // the rule's "if" as written (compact JSON), for `rules show`
  std::string effect;               // Azure Policy definitions: the effect
  std::optional<PolicyRef> policy;  // Azure Policy definitions: the definition
  // Built-in rules: the Azure Policy built-ins that check the same control (the rule file's
  // "azurePolicy"; name and display_name only).
  std::vector<PolicyRef> azure_policies;
};

struct Options {
  bool builtin_rules = true;
  std::vector<std::string> rule_dirs;  // extra rule pack folders
  std::vector<std::string> only;       // rule ids to keep (empty: all)
  std::vector<std::string> disable;    // rule ids to drop
  bool report_unknown = false;         // list unknown outcomes as findings (outcome kUnknown)
  std::string parameters_file;         // applies to every template linted (-p)
  bool use_config = true;              // discover .armlint.json files (false: --no-config)
  std::string config_file;             // use this config for every file (--config)
  std::string baseline_file;           // report only findings not in this baseline
  // --shard K/N: lint only the files whose path hash modulo N is K-1 (0/0: every file).
  int shard_index = 0;  // K, 1-based
  int shard_count = 0;  // N
  // What ARM knows at deployment time (README "Offline context", --context KEY=VALUE): keys
  // subscriptionId, tenantId, resourceGroup, location, deploymentName, environment. Beats a
  // config's "context"; an unknown key fails Create.
  std::map<std::string, std::string> context;
  // LintPaths over paths that hold no template, parameter file or export is an error ("nothing
  // to lint in ...") unless this is set (pre-commit hooks handed only other JSON files).
  bool allow_empty = false;
  // Azure Policy definitions and initiatives evaluated as rules (README "Policies"): files or
  // folders (walked for *.json); assignment parameter values for them; extra alias tables in
  // the `az provider list --expand resourceTypes/aliases` shape.
  std::vector<std::string> policy_paths;
  std::string policy_parameters_file;
  std::vector<std::string> alias_files;
  // *IfNotExists definitions whose related resource is not in the deployment: unknown rather
  // than non-compliant.
  bool policy_missing_related_unknown = false;
  // --workload-root DIR: a file below DIR belongs to the first folder under DIR (a file directly
  // in DIR to DIR's name), whatever path was linted and from where; a config's "workloads"
  // still win. Empty: the linted directory is the root (README "Workloads").
  std::string workload_root;
  // --label NAME: the repository or run the result belongs to. Every workload becomes
  // "NAME/workload" and LintResult::label records it, so that `armlint merge` can put NAME/ in
  // front of each file path: reports of several repositories then merge without collisions.
  std::string label;
};

class Engine {
 public:
  // Loads and compiles the rule packs. InvalidArgument with file:line:col in the message for a
  // bad rule file or an unknown id in `only`/`disable`.
  static absl::StatusOr<Engine> Create(const Options& options);

  // Lints files and directories (walked recursively for *.json and *.jsonc). "-" reads stdin.
  // `jobs` <= 0 uses the hardware threads; output is identical for any value.
  // A file reached twice is linted once. A parameter file named on its own is linted with its
  // template. A named .bicep / .bicepparam file is compiled with the Bicep CLI on PATH. A config
  // that is invalid or names unknown rule ids stops the run: the result then holds only that
  // error (nothing is linted). Paths that yield nothing to lint are an error (allow_empty).
  LintResult LintPaths(const std::vector<std::string>& paths, int jobs = 1) const;

  // Lints an in-memory buffer reported as `display_name` (editors: unsaved text).
  LintResult LintBuffer(std::string_view display_name, std::string_view text) const;

  // The loaded rules, sorted by id.
  std::vector<RuleInfo> Rules() const;
  // Policy definitions loaded but left out (no condition, data-plane mode, effect disabled,
  // a required parameter without value, ...), each with its reason; and the policy files that
  // could not be loaded (reported as errors by every lint, with file:line:col).
  std::vector<SkippedPolicy> SkippedPolicies() const;
  std::vector<InputError> PolicyErrors() const;
  // Notes about the policies that are not errors, for stderr: a policy cache out of date with
  // its sources, which were loaded instead (README "Policies").
  std::vector<std::string> PolicyNotes() const;

  struct Impl;

 private:
  explicit Engine(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}
  std::shared_ptr<const Impl> impl_;
};

struct ReportOptions {
  Format format = Format::kText;
  bool color = false;            // ANSI colours (text only)
  bool quiet = false;            // only findings and the summary line
  bool show_suppressed = false;  // list suppressed findings too
  // Text: the solution and link under every finding (by default only under High findings).
  bool verbose = false;
  // HTML: when and from what the report was made, shown as given ("2026-12-06 07:30 UTC",
  // a commit id); empty leaves them out, so that output stays a function of the result.
  std::string generated_at;
  std::string commit;
  // HTML: prefix that makes a relative file path a working link from where the page is read
  // ("../" when the page is written one folder below the folder armlint ran in; "" none).
  std::string link_base;
  // Threads rendering the findings of large JSON reports; <= 0 uses the hardware threads.
  // Output is identical for any value.
  int jobs = 1;
  // The rules' own metadata (Engine::Rules()), for SARIF rule descriptors; rules not listed are
  // described from their first finding.
  std::vector<RuleInfo> rules;
};

// Writes `result` in `options.format`. Deterministic for equal results.
absl::Status WriteReport(const LintResult& result, const ReportOptions& options, std::ostream& out);
absl::StatusOr<std::string> FormatReport(const LintResult& result, const ReportOptions& options);

// Lists rules as text (a table), json (an array of rule objects) or markdown (docs/rules.md:
// by pillar, with rationale and links). Other formats are InvalidArgument.
absl::Status WriteRuleList(const std::vector<RuleInfo>& rules, Format format, std::ostream& out);

// Policy definitions as `armlint rules --policy` lists them: text (the rules, then those left
// out with their reasons, then load errors) or json ({"rules": [...], "skipped": [{"name",
// "file", "reason"}], "errors": [...]}).
absl::Status WritePolicyList(const std::vector<RuleInfo>& rules,
                             const std::vector<SkippedPolicy>& skipped,
                             const std::vector<InputError>& errors, Format format,
                             std::ostream& out);

// One rule in full (text), as `armlint rules show ID` prints it.
void WriteRuleDetails(const RuleInfo& rule, std::ostream& out);

// Writes a baseline of `result`'s unsuppressed findings (JSON, fingerprints sorted) to `path`.
absl::Status WriteBaseline(const LintResult& result, const std::string& path);

// Whether `result` has an unsuppressed failing finding at or above `threshold`
// (nullopt: never fail on findings).
bool HasFailures(const LintResult& result, std::optional<Impact> threshold);

// Rule fixtures (`armlint test-rules DIR`): every rule of a pack has a folder
// `<fixtures_dir>/<id>/` with at least one `pass_*.json` and one `fail_*.json`; each fixture is
// linted with only that rule enabled, and every line marked `// expect: <id>` must be reported
// at that line, and nothing else from that rule.
struct TestRulesOptions {
  std::string rules_dir;       // the pack's rule files (*.json, "tests" folders skipped)
  std::string fixtures_dir;    // holds one folder per rule id
  bool builtin_rules = false;  // test the built-in packs instead of `rules_dir`
};

struct FixtureReport {
  int rules = 0;     // rules tested
  int fixtures = 0;  // fixture files linted
  // One line per problem: "path:line: message" (path without line when not about a line).
  std::vector<std::string> failures;
  bool ok() const { return failures.empty(); }
};

// Loads and validates the rule files under `dir` without linting anything (`armlint rules
// --check DIR`): the pack's rules, sorted by id, or the first error with the rule file's
// line:col (InvalidArgument; NotFound when `dir` is missing).
absl::StatusOr<std::vector<RuleInfo>> CheckRulePack(const std::string& dir);

// Loads the policy definitions of `options` (policy_paths, policy_parameters_file,
// alias_files) and writes them as a policy cache file at `path` (`armlint rules --policy ...
// --write-cache FILE`; README "Policies"), for `--policy FILE.cache`. Returns the load errors,
// which the cache also holds (a cached load reports them again); an error when the file cannot
// be written or a path given is a cache itself.
struct PolicyCacheSummary {
  std::size_t rules = 0;    // definitions evaluated
  std::size_t skipped = 0;  // left out, with a reason
  std::vector<InputError> errors;
};
absl::StatusOr<PolicyCacheSummary> WritePolicyCache(const Options& options,
                                                    const std::string& path);

// Runs the fixtures of a pack. A pack that does not load is an error (InvalidArgument with the
// rule file's line:col); fixture problems are listed in the report.
absl::StatusOr<FixtureReport> TestRules(const TestRulesOptions& options);

// The same for a pack folder laid out like armlint's own tree: rules in DIR/rules (or DIR when
// it has no "rules" folder) and fixtures in DIR/tests/rules (or DIR/tests).
absl::StatusOr<FixtureReport> TestRules(const std::string& dir);

// Reads JSON reports (--format json, as written by this version) and combines them into one
// result: findings, errors, counts and per-workload assessments, so that every format (and its
// scores) is the same as for one run over all the inputs. An unreadable report is an error.
absl::StatusOr<LintResult> MergeReports(const std::vector<std::string>& paths);

// The shard (1..count) that lints `path` under --shard K/count: FNV-1a of the path, mod count.
int ShardOf(std::string_view path, int count);

// `armlint expand`: the deployment lint sees for one template. The file is configured,
// classified and given its parameter file exactly as Engine::LintPaths does it
// (`options.parameters_file`, else the config's "parameters" mapping, else the file beside the
// template), then expanded as Azure Resource Manager would (parameters, variables, copy loops,
// conditions, nested deployments).
struct ExpandResult {
  // The expanded deployment, pretty-printed JSON: {"resources": [...], "outputs": {...},
  // "errors": [...] (when any)}. Unknown values print as {"$unknown": "<why>"}; each secret leaf
  // (from a secure parameter, a secure output, a list*() call) as "***", the objects and arrays
  // around it as they are. Empty when the file could not be read, parsed or expanded, or is not
  // a template.
  std::string json;
  // The input errors lint reports for the file, with file:line:col (the CLI exits 2).
  std::vector<InputError> errors;
};
ExpandResult Expand(const std::string& path, const Options& options);

// Expand() with `parameters_path` as the parameter file ("" finds one beside the template) and
// no configuration; a file that cannot be read, parsed or expanded, is not a template, or whose
// parameter file cannot be read, is an error status with file:line:col.
absl::StatusOr<std::string> ExpandToJson(const std::string& template_path,
                                         const std::string& parameters_path);

}  // namespace armlint
