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
#include <vector>

#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"
#include "resources/resource.h"
#include "rules/field_path.h"
#include "rules/operators.h"
#include "rules/tri.h"

namespace armlint::internal {

struct ConditionResult {
  Tri outcome = Tri::kFalse;
  // The value that decided the outcome, as written (the most specific field: a property rather
  // than the resource type). Unknown (!known()) when the deciding field is missing: the caller
  // then reports the resource.
  Anchor anchor;
  int specificity = -1;
};

struct ConditionNode;

class Condition {
 public:
  // Compiles `cond`, a value of the rule file `doc`, which the Condition keeps alive (literal
  // values are views into it). Errors are InputErrors at the offending value's line:col.
  static absl::StatusOr<std::unique_ptr<Condition>> Compile(std::shared_ptr<const Document> doc,
                                                            const Value& cond);
  ~Condition();

  ConditionResult Evaluate(const Resource& resource) const;

 private:
  Condition() = default;
  std::shared_ptr<const Document> doc_;
  std::unique_ptr<ConditionNode> root_;
  int max_scopes_ = 0;
};

}  // namespace armlint::internal
