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
  std::string condition_json;  // the "if" as written (compact JSON)
  std::shared_ptr<const Condition> condition;
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
  const Resource* resource = nullptr;  // null for template-level native findings
  std::string message;                 // native checks: detail appended to the problem
};

}  // namespace armlint::internal
