// A compiled rule set: the loaded packs indexed by resource type, and their evaluation.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/status/statusor.h"

#include "resources/resource.h"
#include "rules/check_context.h"
#include "rules/rule.h"
#include "rules/rule_id_list.h"
#include "rules/rule_set_lazy.h"

namespace armlint::internal {

struct RuleSetOptions {
  bool builtin_rules = true;
  std::vector<std::string> rule_dirs;
  std::vector<std::string> only;
  std::vector<std::string> disable;
  // Adds rules made elsewhere (Azure Policy definitions) after the packs are loaded.
  std::function<absl::Status(std::vector<std::unique_ptr<Rule>>&)> add_rules;
  // Rules made on first need from their own index (policy caches), after add_rules'; an id
  // already loaded wins over theirs.
  std::vector<std::shared_ptr<const LazyRules>> lazy_rules;
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

  // A rule that applies to a resource, as an assessment counts it: its id, pillar and impact,
  // and the rule when it has been made. A lazy rule that no hit named (EvaluateResource makes
  // the rules it reports) is described by its source without being made.
  struct Applicable {
    const Rule* rule = nullptr;  // null: a lazy rule not made
    std::string_view id;         // the made rule's own id, else its source's (never a copy)
    Category category = Category::kSecurity;
    Impact impact = Impact::kMedium;
  };
  // Appends the condition rules that apply to `resource` (its type matches their resourceType):
  // the rules EvaluateResource evaluates for it. For scores (assessments).
  void ApplicableRules(const Resource& resource, std::vector<Applicable>& out) const;

  // The native-check rules (assessed once per template).
  std::vector<const Rule*> NativeRules() const;

  // Runs the native checks on one linted file.
  void RunNativeChecks(const CheckContext& context, std::vector<Hit>& out) const;

  // All rules, sorted by id (every built-in rule is made and loaded on the first call: see
  // Rule::Load).
  const std::vector<const Rule*>& rules() const;
  const Rule* Find(std::string_view id) const;
  // Every rule id loaded, sorted, including those --only / --disable then left out, and every
  // built-in id even under --no-default-rules: the ids a config or a suppression may name.
  const RuleIdList& all_ids() const { return all_ids_; }
  // How many built-in rule objects have been made so far (they are made on first need).
  std::size_t builtin_rules_made() const;

 private:
  RuleSet();
  void BuildIndex();
  // The built-in rule kBuiltinRuleIndex[i], made on the first call (from any thread); null
  // when --only / --disable leave it out.
  const Rule* Builtin(std::size_t i) const;
  // Calls `fn` with each rule that applies to a resource of the lower-cased `type`, in the
  // order EvaluateResource runs them.
  // `skip(s, i)`: rule i of lazy_[s] is passed over before it is made.
  template <class Fn, class Skip>
  void ForEachApplicable(const std::string& type, Fn&& fn, Skip&& skip) const;
  // Rule `i` of lazy_[s], made on the first call (from any thread); null when left out.
  const Rule* LazyRule(std::size_t s, std::uint32_t i) const;
  // Whether rule `i` of lazy_[s] is left out as its id was loaded before (built in, a pack's,
  // an earlier source's); worked out once a rule.
  bool LoadedBefore(std::size_t s, std::uint32_t i) const;
  // Appends the rules of lazy_ that `pick` gives (rule numbers of each source, ascending) and
  // `skip` keeps to `out` (sorted by id), keeping it sorted by id.
  template <class Pick, class Skip>
  void MergeLazy(std::vector<const Rule*>& out, Pick&& pick, Skip&& skip) const;
  struct Index;
  struct Made;
  struct Builtins;
  struct LazySet;
  std::vector<std::unique_ptr<Rule>> rules_;    // not built in (packs, add_rules); sorted by id
  std::unique_ptr<Index> index_;                // of rules_
  std::unique_ptr<Builtins> builtins_;          // null without the built-in rules
  std::vector<std::unique_ptr<LazySet>> lazy_;  // RuleSetOptions::lazy_rules
  std::vector<std::string> loaded_ids_;         // of the rules not built in, before lazy_'s
  RuleIdList all_ids_;
  mutable absl::once_flag all_once_;
  mutable std::vector<const Rule*> all_;  // rules(), made on its first call
};

}  // namespace armlint::internal
