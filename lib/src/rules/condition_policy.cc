// Azure Policy evaluation around a definition's condition: mode, the resources Azure never
// evaluates, and the related resources of *IfNotExists effects
// (https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists).
#include "rules/condition.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// The last segment of a full name ("server/db" -> "db").
std::string_view LastSegment(std::string_view name) {
  std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.empty() || needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// Whether `related` (of the related type) belongs to `resource`, as far as a template shows:
// a child (its name continues the resource's), an extension resource whose `scope` names it,
// or, for a type that is neither a child type nor scoped, any resource of the deployment (Azure
// looks for it in the resource group).
bool IsRelated(const Resource& related, const Resource& resource) {
  std::string prefix = Cat(resource.type_lower, "/");
  if (StartsWithIgnoreCase(related.type_lower, prefix)) {
    return StartsWithIgnoreCase(related.name, Cat(resource.name, "/"));
  }
  const Value* scope = related.body != nullptr ? related.body->Find("scope") : nullptr;
  if (scope != nullptr && scope->is_string()) {
    std::string_view s = scope->string_value();
    if (!resource.id.empty() && EqualsIgnoreCase(s, resource.id)) return true;
    return ContainsIgnoreCase(s, Cat("/", resource.name)) || EqualsIgnoreCase(s, resource.name) ||
           ContainsIgnoreCase(s, Cat("/", LastSegment(resource.name)));
  }
  if (scope != nullptr && scope->is_unknown()) return true;
  // An extension type (diagnosticSettings ...) written as a nested child of the resource:
  // "name": "<resource>/Microsoft.Insights/<setting>".
  if (StartsWithIgnoreCase(related.name, Cat(resource.name, "/"))) return true;
  return scope == nullptr && related.type_lower.find("/providers/") == std::string::npos &&
         !ContainsIgnoreCase(related.type_lower, "diagnosticsettings");
}

}  // namespace

void Condition::SetPolicyScope(std::unique_ptr<PolicyScope> scope) { policy_ = std::move(scope); }

ConditionResult Condition::Evaluate(const Resource& resource,
                                    std::span<const Resource> deployment) const {
  if (policy_ == nullptr) return Evaluate(resource);
  // Nested deployments are how a template deploys, not resources Azure Policy evaluates.
  if (EqualsIgnoreCase(resource.type, "Microsoft.Resources/deployments")) return {};
  if (policy_->indexed && !IndexedModeEvaluates(resource.type, policy_->aliases)) return {};
  ConditionResult r = Evaluate(resource);
  if (r.outcome == Tri::kFalse || policy_->related_type_lower.empty()) return r;
  // *IfNotExists: compliant when a related resource meets the existence condition.
  Tri compliant = Tri::kFalse;
  int candidates = 0;
  for (const Resource& other : deployment) {
    // An extension resource may also be written as a nested provider type:
    // "Microsoft.Storage/storageAccounts/providers/diagnosticSettings", "st/Microsoft.Insights/x".
    if (&other == &resource) continue;
    if (other.type_lower != policy_->related_type_lower &&
        !EndsWithIgnoreCase(other.type_lower, Cat("/providers/", policy_->related_type_lower))) {
      continue;
    }
    if (!policy_->related_name.empty() &&
        !EqualsIgnoreCase(LastSegment(other.name), LastSegment(policy_->related_name)) &&
        !EqualsIgnoreCase(other.name, policy_->related_name)) {
      continue;
    }
    if (!IsRelated(other, resource)) continue;
    ++candidates;
    Tri t = Tri::kTrue;
    if (policy_->existence != nullptr) {
      t = policy_->existence->EvaluateRelated(other, resource).outcome;
    }
    compliant = TriOr(compliant, t);
    if (compliant == Tri::kTrue) break;
  }
  if (candidates == 0) {
    r.outcome = TriAnd(r.outcome, policy_->missing_is_unknown ? Tri::kUnknown : Tri::kTrue);
    r.note = Cat("(no related ", policy_->related_type, " in the deployment)");
    if (r.outcome == Tri::kUnknown && r.unknown_reason.empty()) {
      r.unknown_reason = Cat("the related ", policy_->related_type, " is not in this deployment");
    }
    return r;
  }
  r.outcome = TriAnd(r.outcome, TriNot(compliant));
  if (r.outcome == Tri::kUnknown && r.unknown_reason.empty()) {
    r.unknown_reason = Cat("whether a related ", policy_->related_type,
                           " meets the existence condition is not known offline");
  }
  if (r.outcome != Tri::kFalse) {
    r.note = Cat("(no related ", policy_->related_type,
                 " in the deployment meets the existence condition)");
  }
  return r;
}

}  // namespace armlint::internal
