// A loaded rule (condition or native check) and one verdict of it (a Hit).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "armlint/armlint.hpp"
#include "json/value.h"
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
  std::string check;           // native check (named by the rule id); empty for condition rules
  std::string condition_json;  // the "if" as written (compact JSON); see ConditionJson()
  std::shared_ptr<const Condition> condition;
  std::vector<PolicyRef> azure_policies;  // built-ins that check the same control ("azurePolicy")
  // "environments": the workload environments the rule is about (rules/environments.h:
  // canonical names or "non-production"); empty: every workload.
  std::vector<std::string> environments;

  // Built-in rules: the "if", compiled on first use (shared by copies of the rule).
  struct Lazy;
  std::shared_ptr<Lazy> lazy;

  // A built-in rule is made on first need from its build-time index entry (id, resource types,
  // check name, category, impact, source); its file is parsed here on first use (once, from
  // any thread): the other metadata is valid after Load(), GetCondition(), ConditionJson(), and
  // for every rule a RuleSet hands out (rules(), Find(), ApplicableRules(), the hits of
  // EvaluateResource and RunNativeChecks) except NativeRules(), which gives the index's only.
  void Load() const;
  // The compiled condition (null for native checks): compiled here, once, from any thread, when
  // the rule was loaded lazily. A built-in condition always compiles (RuleSet tests compile them
  // all); one that did not would be null and never match.
  const Condition* GetCondition() const;
  // The "if" as compact JSON (empty for native checks).
  const std::string& ConditionJson() const;
  // Azure Policy definitions (policy/): the effect, the definition, and what its condition
  // points into (documents, alias tables).
  std::string effect;
  std::optional<PolicyRef> policy;
  std::shared_ptr<const void> keep_alive;
};

// The public description of a loaded rule (listings, docs, `rules show`).
RuleInfo ToRuleInfo(const Rule& rule);

// One rule's verdict on one resource (or, for native checks, on a place in a template).
struct Hit {
  const Rule* rule = nullptr;
  Tri outcome = Tri::kTrue;            // kTrue: violation; kUnknown: could not be decided
  Anchor anchor;                       // the offending value as written; the resource when absent
  bool missing = false;                // the deciding field is absent (condition rules)
  const Value* value = nullptr;        // the evaluated value that decided (condition rules)
  const Resource* resource = nullptr;  // null for template-level native findings
  std::string message;                 // native checks: detail appended to the problem
  // Where the fingerprint is computed from when it is not `anchor` (see
  // ConditionResult::identity_anchor); unknown: the resource.
  std::optional<Anchor> identity_anchor;
  std::string unknown_reason;  // outcome kUnknown: why the rule cannot decide
};

}  // namespace armlint::internal
