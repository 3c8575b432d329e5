// A rule's `if`, compiled once at load into a tree that evaluation walks without parsing
// strings or looking up names: field paths are pre-split, patterns and RE2s pre-compiled,
// `count` scopes resolved to stack indices.
//
//   ARMLINT_ASSIGN_OR_RETURN(std::unique_ptr<Condition> c, Condition::Compile(doc,
//   *doc->root().Find("if"))); ConditionResult r = c->Evaluate(resource);  // r.outcome, r.anchor
//   (the evidence)
//
// Semantics: Azure Policy's rule language (https://learn.microsoft.com/azure/governance/policy/
// concepts/definition-structure-policy-rule), three-valued (Kleene) as DESIGN.md says; see
// docs/rule-language.md. A Condition is immutable and thread-safe after Compile.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"
#include "knowledge/aliases.h"
#include "resources/resource.h"
#include "rules/condition_expr.h"
#include "rules/field_path.h"
#include "rules/operators.h"
#include "rules/tri.h"

namespace armlint::internal {

struct ConditionResult {
  Tri outcome = Tri::kFalse;
  // The value that decided the outcome, as written (the most specific field: a property rather
  // than the resource type). When the deciding field is absent: its nearest existing ancestor,
  // where it would be added (`properties`, `siteConfig`...). Unknown (!known()): the caller
  // reports the resource.
  Anchor anchor;
  // What the finding's fingerprint is computed from: the anchor as chosen before absent fields
  // pointed at their ancestor (unknown: the resource), so that baselines keep matching.
  // nullopt: `anchor`.
  std::optional<Anchor> identity_anchor;
  // The deciding field is absent (`anchor` is then where it would be added, or unknown).
  bool missing = false;
  // The evaluated value at `anchor` that decided the outcome (null when missing or not a
  // single field's value): what the finding says it found.
  const Value* value = nullptr;
  int specificity = -1;
  // Policies: a detail for the finding ("no related Microsoft.Insights/diagnosticSettings in
  // the deployment").
  std::string note;
  // Why the outcome is unknown ("parameter 'x' has no value"); empty when it is known.
  std::string unknown_reason;
};

struct ConditionNode;

// How a condition is compiled.
struct ConditionOptions {
  // An Azure Policy definition's rule: keywords in any case, an empty allOf is true and an empty
  // anyOf false, template expressions wherever a policy allows them (evaluated once at load
  // unless they read the resource: field(), current(), requestContext()).
  bool policy = false;
  // Aliases are looked up here (null: AliasTable::Builtin()).
  const AliasTable* aliases = nullptr;
  // The definition's parameter values (policy only; may be null).
  const PolicyParameters* parameters = nullptr;
  // An existenceCondition: `field` names the related resource, [field()] the `if` resource.
  bool existence = false;
  // Evaluate the resource as Azure stores it, not the request as sent: a property the template
  // leaves out reads as its documented platform default (knowledge/platform_defaults.h), or as
  // unknown when Azure only interprets a missing value. For audit, auditIfNotExists and
  // deployIfNotExists, whose compliance Azure decides on the stored resource.
  bool platform_defaults = false;
};

class Condition {
 public:
  // Compiles `cond`, a value of the rule file `doc`, which the Condition keeps alive (literal
  // values are views into it). Errors are InputErrors at the offending value's line:col.
  static absl::StatusOr<std::unique_ptr<Condition>> Compile(std::shared_ptr<const Document> doc,
                                                            const Value& cond,
                                                            const ConditionOptions& options = {});
  ~Condition();

  ConditionResult Evaluate(const Resource& resource) const;
  // As Azure Policy evaluates a definition: the mode, the resources Azure never evaluates and,
  // for *IfNotExists effects, the related resources among `deployment` (see PolicyScope).
  ConditionResult Evaluate(const Resource& resource, std::span<const Resource> deployment) const;

  // What decides, besides the condition, whether a policy definition is non-compliant.
  struct PolicyScope {
    bool indexed = false;                 // mode Indexed: types with tags and location only
    const AliasTable* aliases = nullptr;  // capabilities for mode Indexed (null: built-in)
    // *IfNotExists: the related resources (details.type, details.name) and the
    // existenceCondition they must meet (null: any). Empty type: not an *IfNotExists effect.
    std::string related_type_lower;
    std::string related_type;  // as written, for messages
    std::string related_name;  // empty: any name
    std::unique_ptr<Condition> existence;
    // When no related resource is in the deployment: unknown instead of non-compliant.
    bool missing_is_unknown = false;
  };
  void SetPolicyScope(std::unique_ptr<PolicyScope> scope);
  // Evaluates an existenceCondition on `related`, with [field()] reading `outer`.
  ConditionResult EvaluateRelated(const Resource& related, const Resource& outer) const;
  // The type Azure Policy gives a resource group (a template writes
  // Microsoft.Resources/resourceGroups).
  static constexpr std::string_view kPolicyResourceGroup =
      "Microsoft.Resources/subscriptions/resourceGroups";

 private:
  Condition() = default;
  // Evaluate(resource, deployment) once the resource is one the policy evaluates.
  ConditionResult EvaluateAs(const Resource& resource, std::span<const Resource> deployment) const;
  std::shared_ptr<const Document> doc_;
  std::unique_ptr<ConditionNode> root_;
  int max_scopes_ = 0;
  bool dynamic_ = false;  // has expressions evaluated per resource
  bool platform_defaults_ = false;
  const AliasTable* aliases_ = nullptr;
  std::unique_ptr<PolicyScope> policy_;
  std::shared_ptr<const PolicyParameters> parameters_;
};

}  // namespace armlint::internal
