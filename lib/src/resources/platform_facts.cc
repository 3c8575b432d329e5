// Platform facts from related resources and the SKU tables (see platform_facts.h).
#include "resources/platform_facts.h"

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "knowledge/platform_skus.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

const Value* At(const Value* v, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) {
    if (v == nullptr || !v->is_object()) return nullptr;
    v = v->Find(k);
  }
  return v;
}

// Whether `ref` (a resource id, or a bare name as ARM also accepts for some references) names
// `r`. Ids computed offline share their placeholder subscription and group, so they compare
// whole; a reference to a group the template does not deploy to still matches by type and
// name (the deployment's resources are all the linter can see).
bool Names(std::string_view ref, const Resource& r) {
  if (!r.name_known || r.name.empty()) return false;
  if (!r.id.empty() && EqualsIgnoreCase(ref, r.id)) return true;
  if (ref.find('/') == std::string_view::npos) return EqualsIgnoreCase(ref, r.name);
  std::string suffix = "/" + r.type + "/" + r.name;
  return EndsWithIgnoreCase(ref, suffix);
}

// The resource of type `type_lower` that `ref` names, or null.
Resource* Find(std::vector<Resource>& resources, std::string_view type_lower, const Value* ref) {
  if (ref == nullptr || !ref->is_string()) return nullptr;
  for (Resource& r : resources) {
    if (r.type_lower == type_lower && Names(ref->string_value(), r)) return &r;
  }
  return nullptr;
}

// The facts gathered for one resource before they become its `platform` object.
struct Facts {
  std::vector<Member> members;
  void Set(std::string_view name, const Value* v) {
    for (Member& m : members) {
      if (m.key == name) {
        if (m.value->is_unknown() && !v->is_unknown()) m.value = v;  // a known fact wins
        return;
      }
    }
    members.push_back(Member{name, v, v->anchor().pos});
  }
};

// The tier of an App Service plan: sku.tier, else sku.name, else the old `properties.sku`.
// Sets `decided` to the value read; nullopt when none is known to the table.
std::optional<std::string_view> PlanTier(const Resource& plan, const Value*& decided) {
  for (const Value* v : {At(plan.body, {"sku", "tier"}), At(plan.body, {"sku", "name"}),
                         At(plan.body, {"properties", "sku"})}) {
    if (v == nullptr || v->is_null()) continue;
    decided = v;
    if (!v->is_string()) return std::nullopt;
    if (std::optional<std::string_view> tier = AppServicePlanTier(v->string_value())) return tier;
  }
  return std::nullopt;
}

void SiteFacts(Arena& arena, std::vector<Resource>& resources, const Resource& site, Facts& facts) {
  const Value* ref = At(site.body, {"properties", "serverFarmId"});
  if ((ref == nullptr || ref->is_null()) && site.type_lower == "microsoft.web/sites/slots") {
    std::string_view parent = std::string_view(site.name).substr(0, site.name.rfind('/'));
    for (const Resource& r : resources) {
      if (r.type_lower == "microsoft.web/sites" && r.name_known &&
          EqualsIgnoreCase(r.name, parent)) {
        ref = At(r.body, {"properties", "serverFarmId"});
      }
    }
  }
  const Resource* plan = Find(resources, "microsoft.web/serverfarms", ref);
  if (plan == nullptr) return;
  const Value* decided = nullptr;
  std::optional<std::string_view> tier = PlanTier(*plan, decided);
  if (decided != nullptr && decided->is_unknown()) {
    for (std::string_view fact : {"alwaysOnAvailable", "x64WorkerAvailable"}) {
      facts.Set(fact, Value::Unknown(arena, "the App Service plan's SKU is not known offline",
                                     decided->anchor(), Kind::kBool));
    }
    return;
  }
  if (!tier) return;
  if (std::optional<bool> on = AlwaysOnAvailable(*tier)) {
    facts.Set("alwaysOnAvailable", Value::Bool(arena, *on, decided->anchor()));
  }
  if (std::optional<bool> x64 = X64WorkerAvailable(*tier)) {
    facts.Set("x64WorkerAvailable", Value::Bool(arena, *x64, decided->anchor()));
  }
}

// The acceleratedNetworkingAvailable fact of a VM size value, or null when the table has none.
const Value* SizeFact(Arena& arena, const Value* size) {
  if (size == nullptr || size->is_null()) return nullptr;
  if (size->is_unknown()) {
    return Value::Unknown(arena, "the VM size is not known offline", size->anchor(), Kind::kBool);
  }
  if (!size->is_string()) return nullptr;
  std::optional<bool> ok = VmSizeSupportsAcceleratedNetworking(size->string_value());
  return ok ? Value::Bool(arena, *ok, size->anchor()) : nullptr;
}

}  // namespace

void ApplyPlatformFacts(Arena& arena, std::vector<Resource>& resources) {
  std::vector<Facts> facts(resources.size());
  auto index_of = [&](const Resource* r) { return static_cast<std::size_t>(r - resources.data()); };
  for (std::size_t i = 0; i < resources.size(); ++i) {
    const Resource& r = resources[i];
    if (r.body == nullptr || !r.body->is_object()) continue;
    const std::string& t = r.type_lower;
    if (t == "microsoft.web/sites" || t == "microsoft.web/sites/slots") {
      SiteFacts(arena, resources, r, facts[i]);
    } else if (t == "microsoft.compute/virtualmachines") {
      const Value* fact = SizeFact(arena, At(r.body, {"properties", "hardwareProfile", "vmSize"}));
      const Value* nics = At(r.body, {"properties", "networkProfile", "networkInterfaces"});
      if (fact == nullptr || nics == nullptr || !nics->is_array()) continue;
      for (const Value* nic : nics->items()) {
        Resource* target = Find(resources, "microsoft.network/networkinterfaces", At(nic, {"id"}));
        if (target != nullptr) facts[index_of(target)].Set("acceleratedNetworkingAvailable", fact);
      }
    } else if (t == "microsoft.compute/virtualmachinescalesets") {
      const Value* fact = SizeFact(arena, At(r.body, {"sku", "name"}));
      if (fact != nullptr) facts[i].Set("acceleratedNetworkingAvailable", fact);
    } else if (t == "microsoft.operationalinsights/workspaces") {
      const Value* sku = At(r.body, {"properties", "sku", "name"});
      if (sku != nullptr && sku->is_unknown()) {
        facts[i].Set("dailyCapConfigurable",
                     Value::Unknown(arena, "the workspace's pricing tier is not known offline",
                                    sku->anchor(), Kind::kBool));
      } else if (sku != nullptr && sku->is_string() &&
                 LogAnalyticsSkuHasFixedDailyCap(sku->string_value())) {
        facts[i].Set("dailyCapConfigurable", Value::Bool(arena, false, sku->anchor()));
      }
    }
  }
  for (std::size_t i = 0; i < resources.size(); ++i) {
    if (facts[i].members.empty()) continue;
    resources[i].platform = Value::Object(arena, facts[i].members, resources[i].anchor);
  }
}

}  // namespace armlint::internal
