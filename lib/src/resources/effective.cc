// Folds child resources into the inline form of their parents and makes a resource declared
// twice one resource.
#include "resources/effective.h"

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/container/inlined_vector.h"

#include "resources/platform_facts.h"
#include "util/name_set.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// How a child resource's settings appear in its parent's inline form.
enum class Fold {
  kObject,             // the child's `properties` are members of an object (sites/config web)
  kNamedItem,          // {name, properties} is an item of an array (NSG securityRules)
  kFlatNamedItem,      // {name, ...properties} is an item of an array (AKS agentPoolProfiles)
  kAppendItems,        // the items of the child's `properties.<item_list>` are appended
  kReplaceItems,       // ... replace the parent's array
  kReplaceNameValues,  // the child's {k: v} `properties` replace an array of {name, value}
};

// A child type that Azure documents in both forms. `child_name` is the last name segment the
// child must have (empty: any); `path` is where the inline form lives in the parent's body.
struct FoldSpec {
  std::string_view child_type;  // lower-case
  std::string_view child_name;
  std::string_view path;
  Fold fold;
  std::string_view item_list = {};  // kAppendItems / kReplaceItems
};

// Sources: the ARM template reference of each type (learn.microsoft.com/azure/templates/...):
// Microsoft.Web/sites/config (name 'web': SiteConfig; 'appsettings': the app settings, which a
// PUT replaces as a whole), Microsoft.Network/networkSecurityGroups/securityRules,
// virtualNetworks/subnets and /virtualNetworkPeerings, routeTables/routes,
// loadBalancers/inboundNatRules, Microsoft.KeyVault/vaults/accessPolicies ('add' | 'replace'),
// Microsoft.ContainerService/managedClusters/agentPools (ManagedClusterAgentPoolProfile).
constexpr FoldSpec kFolds[] = {
    {"microsoft.web/sites/config", "web", "properties.siteConfig", Fold::kObject},
    {"microsoft.web/sites/slots/config", "web", "properties.siteConfig", Fold::kObject},
    {"microsoft.web/sites/config", "appsettings", "properties.siteConfig.appSettings",
     Fold::kReplaceNameValues},
    {"microsoft.web/sites/slots/config", "appsettings", "properties.siteConfig.appSettings",
     Fold::kReplaceNameValues},
    {"microsoft.network/networksecuritygroups/securityrules", "", "properties.securityRules",
     Fold::kNamedItem},
    {"microsoft.network/virtualnetworks/subnets", "", "properties.subnets", Fold::kNamedItem},
    {"microsoft.network/virtualnetworks/virtualnetworkpeerings", "",
     "properties.virtualNetworkPeerings", Fold::kNamedItem},
    {"microsoft.network/routetables/routes", "", "properties.routes", Fold::kNamedItem},
    {"microsoft.network/loadbalancers/inboundnatrules", "", "properties.inboundNatRules",
     Fold::kNamedItem},
    {"microsoft.keyvault/vaults/accesspolicies", "add", "properties.accessPolicies",
     Fold::kAppendItems, "accessPolicies"},
    {"microsoft.keyvault/vaults/accesspolicies", "replace", "properties.accessPolicies",
     Fold::kReplaceItems, "accessPolicies"},
    {"microsoft.containerservice/managedclusters/agentpools", "", "properties.agentPoolProfiles",
     Fold::kFlatNamedItem},
};

std::string_view LastSegment(std::string_view s) {
  std::size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

std::string_view Parent(std::string_view s) {
  std::size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : s.substr(0, slash);
}

const FoldSpec* FindFold(const Resource& child) {
  std::string_view last = LastSegment(child.name);
  for (const FoldSpec& spec : kFolds) {
    if (spec.child_type != child.type_lower) continue;
    if (spec.child_name.empty() || EqualsIgnoreCase(spec.child_name, last)) return &spec;
  }
  return nullptr;
}

std::uint8_t OwnFlags(const Value& v) {
  return static_cast<std::uint8_t>(v.flags() & ~(kFlagHasSecure | kFlagHasUnknown));
}

// `base` (an object, or null for absent) with the value at `path` replaced by `fn(old)`, where
// `old` is null when absent. An Unknown on the way is kept as it is: what it holds is not known,
// so nothing can be said about what the child changes in it. Objects made here take the anchor
// of what they replace, else `made_at`: their nearest existing ancestor, where the user would
// write them (a finding on a setting absent from both forms points there, not at a child that
// set something else).
template <typename Fn>
const Value* With(Arena& arena, const Value* base, std::span<const std::string_view> path,
                  Anchor at, const Fn& fn, Anchor made_at) {
  if (path.empty()) return fn(base);
  if (base != nullptr && !base->is_object() && !base->is_null()) return base;
  std::vector<Member> members;
  if (base != nullptr && base->is_object()) {
    members.assign(base->members().begin(), base->members().end());
  }
  Member* slot = nullptr;
  for (auto it = members.rbegin(); it != members.rend(); ++it) {  // the last duplicate wins
    if (EqualsIgnoreCase(it->key, path.front())) {
      slot = &*it;
      break;
    }
  }
  const Value* old = slot ? slot->value : nullptr;
  const Anchor inner_made_at = base != nullptr && base->is_object() ? base->anchor() : made_at;
  const Value* updated = With(arena, old, path.subspan(1), at, fn, inner_made_at);
  if (updated == old) return base;
  if (slot != nullptr) {
    slot->value = updated;
  } else {
    members.push_back(Member{path.front(), updated, at.pos});  // kFolds is static
  }
  bool keep = base != nullptr && base->is_object();
  return Value::Object(arena, members, keep ? base->anchor() : made_at, keep ? OwnFlags(*base) : 0);
}

// The items of `old` (an array, or nothing) with `item` replacing the one of the same name, or
// appended.
const Value* WithNamedItem(Arena& arena, const Value* old, const Value* item, std::string_view name,
                           Anchor at) {
  if (old != nullptr && old->is_unknown()) return old;
  std::vector<const Value*> items;
  if (old != nullptr && old->is_array()) items.assign(old->items().begin(), old->items().end());
  bool replaced = false;
  for (const Value*& existing : items) {
    const Value* n = existing->Find("name");
    if (n != nullptr && n->is_string() && EqualsIgnoreCase(n->string_value(), name)) {
      existing = item;
      replaced = true;
    }
  }
  if (!replaced) items.push_back(item);
  bool keep = old != nullptr && old->is_array();
  return Value::Array(arena, items, keep ? old->anchor() : at, keep ? OwnFlags(*old) : 0);
}

// The value the child contributes in the parent's inline form, given what is there (`old`).
const Value* Folded(Arena& arena, const FoldSpec& spec, const Resource& child, const Value* old) {
  const Value* props = child.body->Find("properties");
  Anchor at = props != nullptr ? props->anchor() : child.anchor;
  if (props != nullptr && props->is_unknown()) return props;
  const Value* name_value = child.body->Find("name");
  Anchor name_at = name_value != nullptr ? name_value->anchor() : child.anchor;
  std::string_view name = LastSegment(child.name);
  switch (spec.fold) {
    case Fold::kObject: {
      if (props == nullptr || !props->is_object()) return old;
      if (old != nullptr && old->is_unknown()) return old;
      std::vector<Member> members;
      if (old != nullptr && old->is_object()) {
        members.assign(old->members().begin(), old->members().end());
      }
      members.insert(members.end(), props->members().begin(), props->members().end());
      // Find() takes the last of duplicate keys: the child's value wins.
      bool keep = old != nullptr && old->is_object();
      return Value::Object(arena, members, keep ? old->anchor() : at, keep ? OwnFlags(*old) : 0);
    }
    case Fold::kNamedItem:
    case Fold::kFlatNamedItem: {
      std::vector<Member> members{Member{"name", Value::String(arena, name, name_at), name_at.pos}};
      if (spec.fold == Fold::kFlatNamedItem && props != nullptr && props->is_object()) {
        members.insert(members.end(), props->members().begin(), props->members().end());
      } else if (props != nullptr) {
        members.push_back(Member{"properties", props, at.pos});
      }
      const Value* item = Value::Object(arena, members, child.anchor);
      return WithNamedItem(arena, old, item, name, child.anchor);
    }
    case Fold::kAppendItems:
    case Fold::kReplaceItems: {
      const Value* list = props != nullptr ? props->Find(spec.item_list) : nullptr;
      if (list == nullptr) return old;
      if (spec.fold == Fold::kReplaceItems || !list->is_array()) return list;
      if (old != nullptr && old->is_unknown()) return old;
      std::vector<const Value*> items;
      if (old != nullptr && old->is_array()) items.assign(old->items().begin(), old->items().end());
      items.insert(items.end(), list->items().begin(), list->items().end());
      bool keep = old != nullptr && old->is_array();
      return Value::Array(arena, items, keep ? old->anchor() : list->anchor());
    }
    case Fold::kReplaceNameValues: {
      if (props == nullptr || !props->is_object()) return old;
      std::vector<const Value*> items;
      for (const Member& m : props->members()) {
        Anchor key_at{m.key_pos, m.value->source()};
        Member pair[] = {Member{"name", Value::String(arena, m.key, key_at), m.key_pos},
                         Member{"value", m.value, m.key_pos}};
        items.push_back(Value::Object(arena, pair, key_at));
      }
      return Value::Array(arena, items, at);
    }
  }
  return old;
}

// Resource ids, and (type, name) pairs, compared ignoring ASCII case: views into the resources,
// which stay in place while the maps are used.
using IdMap =
    absl::flat_hash_map<std::string_view, std::size_t, CaseInsensitiveHash, CaseInsensitiveEq>;
using TypeAndName = std::pair<std::string_view, std::string_view>;
struct TypeAndNameHash {
  std::size_t operator()(const TypeAndName& k) const {
    return CaseInsensitiveHash()(k.first) * 31 ^ CaseInsensitiveHash()(k.second);
  }
};
struct TypeAndNameEq {
  bool operator()(const TypeAndName& a, const TypeAndName& b) const {
    return EqualsIgnoreCase(a.first, b.first) && EqualsIgnoreCase(a.second, b.second);
  }
};
using ByTypeAndName = absl::flat_hash_map<TypeAndName, absl::InlinedVector<std::size_t, 2>,
                                          TypeAndNameHash, TypeAndNameEq>;

// Whether ApplyEffectiveConfiguration makes `r` one resource with other declarations of its id:
// those inside nested deployments. ARM rejects a template that declares one resource twice, so
// two declarations in the file's own template share an id only through placeholder parameter
// values (two caches both named by a "GEN-UNIQUE" parameter file): they stay two resources.
bool Redeclarable(const Resource& r) { return !r.id.empty() && r.deployment_depth > 0; }

// Keeps the last declaration of each resource id (see Redeclarable).
void KeepLastDeclarations(std::vector<Resource>& resources) {
  IdMap last;
  std::size_t candidates = 0;
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (resources[i].id.empty()) continue;
    ++candidates;
    last.insert_or_assign(resources[i].id, i);
  }
  if (last.size() == candidates) return;
  // Decided before anything moves: the map's keys are views into the resources.
  std::vector<bool> keep(resources.size(), true);
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& r = resources[i];
    if (r.id.empty()) continue;
    std::size_t winner = last.find(r.id)->second;
    // Dropped: an earlier declaration when either it or the last one is in a nested deployment.
    keep[i] = winner == i || !(Redeclarable(r) || Redeclarable(resources[winner]));
  }
  std::vector<Resource> kept;
  kept.reserve(resources.size());
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (keep[i]) kept.push_back(std::move(resources[i]));
  }
  resources = std::move(kept);
}

// The parent of `child` among `resources` (same scope when both ids are known), or null.
Resource* FindParent(std::vector<Resource>& resources, const ByTypeAndName& by_name,
                     const Resource& child) {
  auto it = by_name.find(TypeAndName{Parent(child.type_lower), Parent(child.name)});
  if (it == by_name.end()) return nullptr;
  Resource* found = nullptr;
  for (std::size_t i : it->second) {
    Resource& parent = resources[i];
    if (!child.id.empty() && !parent.id.empty() &&
        !StartsWithIgnoreCase(child.id, parent.id + "/")) {
      continue;
    }
    found = &parent;
  }
  return found;
}

// Folds each child resource of a kind in kFolds into its parent's body.
void FoldChildren(Arena& arena, std::vector<Resource>& resources) {
  bool any_child = false;
  for (const Resource& r : resources) {
    any_child = any_child || (r.name_known && FindFold(r) != nullptr);
  }
  if (!any_child) return;
  ByTypeAndName by_name;
  by_name.reserve(resources.size());
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& r = resources[i];
    if (!r.name_known) continue;
    by_name[TypeAndName{r.type_lower, r.name}].push_back(i);
  }
  for (Resource& child : resources) {
    if (!child.name_known) continue;
    const FoldSpec* spec = FindFold(child);
    if (spec == nullptr) continue;
    Resource* parent = FindParent(resources, by_name, child);
    if (parent == nullptr || parent == &child) continue;
    std::vector<std::string_view> path;
    for (std::string_view rest = spec->path; !rest.empty();) {
      std::size_t dot = rest.find('.');
      path.push_back(rest.substr(0, dot));
      rest = dot == std::string_view::npos ? std::string_view() : rest.substr(dot + 1);
    }
    const Value* body = With(
        arena, parent->body, path, child.anchor,
        [&](const Value* old) { return Folded(arena, *spec, child, old); }, parent->anchor);
    parent->body = body;
    child.merged_into = parent->type_lower;
  }
}

}  // namespace

void ApplyEffectiveConfiguration(Arena& arena, std::vector<Resource>& resources) {
  KeepLastDeclarations(resources);
  FoldChildren(arena, resources);
  ApplyPlatformFacts(arena, resources);
}

}  // namespace armlint::internal
