// Azure Policy evaluation around a definition's condition: mode, the resources Azure never
// evaluates, and the related resources of *IfNotExists effects
// (https://learn.microsoft.com/azure/governance/policy/concepts/effect-audit-if-not-exists).
#include "rules/condition.h"
#include "util/arena.h"
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

// The children of `parent` written inline as `properties.<child type's last segment>` (a
// virtual network's `subnets`, a network security group's `securityRules`), as the child
// resources of type `child_type` that Azure creates from them: objects with a `name` and
// `properties`, as child resources are written. Their type values live in `arena`.
std::vector<Resource> InlineChildren(const Resource& parent, std::string_view child_type,
                                     std::optional<Arena>& arena) {
  std::vector<Resource> out;
  std::string prefix = Cat(parent.type_lower, "/");
  if (!StartsWithIgnoreCase(child_type, prefix)) return out;
  std::string_view segment = child_type.substr(prefix.size());
  if (segment.empty() || segment.find('/') != std::string_view::npos) return out;
  const Value* props = parent.body != nullptr ? parent.body->Find("properties") : nullptr;
  if (props == nullptr || !props->is_object()) return out;
  const Value* items = nullptr;
  for (const Member& m : props->members()) {
    if (EqualsIgnoreCase(m.key, segment)) items = m.value;
  }
  if (items == nullptr || !items->is_array()) return out;
  if (!arena) arena.emplace();
  const Value* type_value = Value::String(*arena, child_type, Anchor{});
  for (const Value* item : items->items()) {
    if (item == nullptr || !item->is_object() || item->Find("properties") == nullptr) continue;
    const Value* name = item->Find("name");
    if (name == nullptr) continue;
    Resource child;
    child.doc = parent.doc;
    child.type = std::string(child_type);
    child.type_lower = ToLower(child_type);
    child.name_known = name->is_string();
    child.name = Cat(parent.name, "/", name->is_string() ? name->string_value() : "{unknown}");
    child.body = item;
    child.type_value = type_value;
    child.anchor = item->anchor();
    out.push_back(std::move(child));
  }
  return out;
}

constexpr std::string_view kTemplateResourceGroup = "Microsoft.Resources/resourceGroups";

const Value* PolicyResourceGroupType() {
  static const Value* v = [] {
    static Arena* arena = new Arena();
    return Value::StringView(*arena, Condition::kPolicyResourceGroup, Anchor{});
  }();
  return v;
}

}  // namespace

void Condition::SetPolicyScope(std::unique_ptr<PolicyScope> scope) { policy_ = std::move(scope); }

ConditionResult Condition::Evaluate(const Resource& resource,
                                    std::span<const Resource> deployment) const {
  if (policy_ == nullptr) return Evaluate(resource);
  // Nested deployments are how a template deploys, not resources Azure Policy evaluates.
  if (EqualsIgnoreCase(resource.type, "Microsoft.Resources/deployments")) return {};
  if (EqualsIgnoreCase(resource.type, kTemplateResourceGroup)) {
    // Mode Indexed evaluates resource types with tags and location, never resource groups
    // (mode All: "resource groups, subscriptions, and all resource types"). Azure Policy
    // names the type as the group's id does: Microsoft.Resources/subscriptions/resourceGroups.
    if (policy_->indexed) return {};
    Resource as_policy_sees = resource;
    as_policy_sees.type = std::string(kPolicyResourceGroup);
    as_policy_sees.type_lower = ToLower(kPolicyResourceGroup);
    as_policy_sees.type_value = PolicyResourceGroupType();
    return EvaluateAs(as_policy_sees, deployment);
  }
  if (policy_->indexed && !IndexedModeEvaluates(resource.type, policy_->aliases)) return {};
  return EvaluateAs(resource, deployment);
}

ConditionResult Condition::EvaluateAs(const Resource& resource,
                                      std::span<const Resource> deployment) const {
  ConditionResult r = Evaluate(resource);
  if (r.outcome == Tri::kFalse || policy_->related_type_lower.empty()) return r;
  // *IfNotExists: compliant when a related resource meets the existence condition.
  Tri compliant = Tri::kFalse;
  int candidates = 0;
  auto consider = [&](const Resource& other, bool name_known) {
    ++candidates;
    Tri t = name_known ? Tri::kTrue : Tri::kUnknown;
    if (policy_->existence != nullptr) {
      t = TriAnd(t, policy_->existence->EvaluateRelated(other, resource).outcome);
    }
    compliant = TriOr(compliant, t);
  };
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
    consider(other, true);
    if (compliant == Tri::kTrue) break;
  }
  if (compliant != Tri::kTrue) {
    // Children written inline (a virtual network's properties.subnets): Azure creates them as
    // child resources of the related type, so they are related resources too.
    std::optional<Arena> arena;
    std::vector<Resource> inline_children = InlineChildren(resource, policy_->related_type, arena);
    for (const Resource& child : inline_children) {
      bool name_known = child.name_known;
      if (!policy_->related_name.empty() && name_known &&
          !EqualsIgnoreCase(LastSegment(child.name), LastSegment(policy_->related_name))) {
        continue;
      }
      consider(child, name_known || policy_->related_name.empty());
      if (compliant == Tri::kTrue) break;
    }
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
  if (compliant == Tri::kUnknown) {
    if (r.outcome == Tri::kUnknown && r.unknown_reason.empty()) {
      r.unknown_reason =
          Cat("whether a related ", policy_->related_type,
              " in the deployment meets the existence condition is not known offline");
    }
  } else if (r.outcome != Tri::kFalse) {
    r.note = Cat("(no related ", policy_->related_type,
                 " in the deployment meets the existence condition)");
  }
  return r;
}

}  // namespace armlint::internal
