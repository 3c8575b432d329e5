// Compiled rule packs: loading, validation, indexing by resource type and evaluation.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "arm/expand.h"
#include "armlint/armlint.hpp"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/resource.h"
#include "rules/tri.h"

namespace armlint::internal {

class Condition;  // compiled condition (rules/condition.h)

struct Rule {
  std::string id;
  Category category = Category::kSecurity;
  Impact impact = Impact::kMedium;
  std::vector<std::string> resource_types;  // lower-cased; empty: any type
  std::string problem;
  std::string solution;
  std::string learn_more_link;
  std::string source;          // "rules/security/x.json" or the user's path
  std::string check;           // native check name; empty for condition rules
  std::string condition_json;  // the "if" as written (compact JSON)
  std::shared_ptr<const Condition> condition;
  // Azure Policy definitions (policy/): the effect, the definition, and what its condition
  // points into (documents, alias tables).
  std::string effect;
  std::optional<PolicyRef> policy;
  std::shared_ptr<const void> keep_alive;
};

// One rule's verdict on one resource (or, for native checks, on a place in a template).
// The public description of a loaded rule (listings, docs, `rules show`).
RuleInfo ToRuleInfo(const Rule& rule);

struct Hit {
  const Rule* rule = nullptr;
  Tri outcome = Tri::kTrue;            // kTrue: violation; kUnknown: could not be decided
  Anchor anchor;                       // the offending value as written; the resource when absent
  const Resource* resource = nullptr;  // null for template-level native findings
  std::string message;                 // native checks: detail appended to the problem
};

// What native checks see: one template (or export) and what was made of it.
namespace checks {
struct TemplateIndex;
struct TemplateReferences;
}  // namespace checks

struct CheckContext {
  const Document* doc = nullptr;
  const Document* parameters = nullptr;  // may be null
  Classification classification;
  const Expansion* expansion = nullptr;  // templates only
  const std::vector<Resource>* resources = nullptr;
  // api-version-age: the largest age of an apiVersion date, and "now" (0: absl::Now()).
  int api_version_max_age_months = 24;
  std::int64_t now_unix_seconds = 0;
  // Filled by the first check that needs them (checks::Index, checks::References), then shared
  // by the others.
  mutable std::shared_ptr<const checks::TemplateIndex> index;
  mutable std::shared_ptr<const checks::TemplateReferences> references;
  // required-tags: tag names every taggable resource must carry (none: the check is silent).
  // A view of the config's list, which outlives the lint of the file.
  std::span<const std::string> required_tags;
};

struct RuleSetOptions {
  bool builtin_rules = true;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> only;
  std::vector<std::string> disable;
  // Adds rules made elsewhere (Azure Policy definitions) after the packs are loaded.
  std::function<absl::Status(std::vector<std::unique_ptr<Rule>>&)> add_rules;
};

class RuleSet {
 public:
  // Loads the built-in packs (embedded at build time) and `rule_dirs`. A bad rule file is an
  // InputError with the rule file's line:col.
  static absl::StatusOr<std::unique_ptr<const RuleSet>> Load(const RuleSetOptions& options);

  // Loads only the rule files under `dir`, walked recursively for *.json (for `rules --check`
  // and `test-rules`). Directories named "tests" are skipped (fixtures live there).
  static absl::StatusOr<std::unique_ptr<const RuleSet>> LoadDir(const std::string& dir);

  ~RuleSet();

  // Appends a Hit for every rule whose condition is true or unknown for `resource`.
  // `deployment`: every resource of the linted file (policy *IfNotExists effects look there).
  void EvaluateResource(const Resource& resource, std::vector<Hit>& out,
                        std::span<const Resource> deployment = {}) const;

  // Appends the condition rules that apply to `resource` (its type matches their resourceType):
  // the rules EvaluateResource evaluates for it, each once. For scores (assessments).
  void ApplicableRules(const Resource& resource, std::vector<const Rule*>& out) const;

  // The native-check rules (assessed once per template).
  std::vector<const Rule*> NativeRules() const;

  // Runs the native checks on one linted file.
  void RunNativeChecks(const CheckContext& context, std::vector<Hit>& out) const;

  // All rules, sorted by id.
  const std::vector<std::unique_ptr<Rule>>& rules() const { return rules_; }
  const Rule* Find(std::string_view id) const;

 private:
  RuleSet() = default;
  void BuildIndex();
  struct Index;
  std::vector<std::unique_ptr<Rule>> rules_;
  std::unique_ptr<Index> index_;
};

}  // namespace armlint::internal
