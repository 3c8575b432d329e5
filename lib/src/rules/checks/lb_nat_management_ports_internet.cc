// lb-nat-management-ports-internet: a load balancer inbound NAT rule or NAT pool that forwards
// SSH (22) or RDP (3389) from a public frontend to a backend that no network security group
// protects (Learn: "Inbound NAT rules", learn.microsoft.com/azure/load-balancer/
// inbound-nat-rules, and "Network security groups": a Standard load balancer's backend is open
// to what its NSG allows; "Disable RDP/SSH access to virtual machines",
// learn.microsoft.com/azure/security/fundamentals/network-best-practices).
//
// A rule or pool exposes a management port when its backendPort or frontendPort is 22 or 3389,
// or its frontend port range contains one. Its frontend is public when the frontend IP
// configuration it names has a publicIPAddress (or publicIPPrefix). Its backends are the
// network interfaces of the deployment whose IP configurations name the rule (or its backend
// address pool, for a rule with a port range) and the scale sets whose IP configurations name
// the pool. A backend is protected when its network interface, or the subnet of its IP
// configuration (a virtual network of the same deployment), has a networkSecurityGroup. With
// no backend in the deployment, or a subnet outside it, the outcome is unknown, with the reason.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

const Value* Get(const Value* v, std::string_view key) {
  return v != nullptr && v->is_object() ? v->Find(key) : nullptr;
}

bool Present(const Value* v) { return v != nullptr && !v->is_null(); }

std::string_view LastSegment(std::string_view s) {
  std::size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

// A port value: its number, nullopt when it is not known offline (or not a port).
std::optional<long long> Port(const Value* v) {
  if (v == nullptr) return std::nullopt;
  if (v->is_int()) return v->int_value();
  int n = 0;
  if (v->is_string() && ParseInt(v->string_value(), n)) return n;
  return std::nullopt;
}

enum class Tri3 { kNo, kYes, kUnknown };

struct Exposure {
  Tri3 exposed = Tri3::kNo;
  const Value* at = nullptr;  // the port value that exposes it
  long long port = 0;
};

// Whether a NAT rule's or pool's `properties` forward 22 or 3389.
Exposure ManagementPort(const Value* props) {
  Exposure e;
  auto consider = [&](const Value* v, std::optional<long long> port) {
    if (e.exposed == Tri3::kYes) return;
    if (port && (*port == 22 || *port == 3389)) {
      e = Exposure{Tri3::kYes, v, *port};
    } else if (v != nullptr && v->is_unknown()) {
      e.exposed = Tri3::kUnknown;
      if (e.at == nullptr) e.at = v;
    }
  };
  for (std::string_view key : {"backendPort", "frontendPort"}) {
    const Value* v = Get(props, key);
    consider(v, Port(v));
  }
  const Value* start = Get(props, "frontendPortRangeStart");
  const Value* end = Get(props, "frontendPortRangeEnd");
  std::optional<long long> lo = Port(start), hi = Port(end);
  if (lo && hi) {
    for (long long p : {22LL, 3389LL}) {
      if (*lo <= p && p <= *hi) consider(start, p);
    }
  } else if (Present(start) || Present(end)) {
    consider(start != nullptr && start->is_unknown() ? start : end, std::nullopt);
  }
  return e;
}

// Whether the frontend named by `props.frontendIPConfiguration.id` is public.
Tri3 PublicFrontend(const Value* lb_props, const Value* props) {
  const Value* frontends = Get(lb_props, "frontendIPConfigurations");
  if (frontends == nullptr || frontends->is_unknown()) return Tri3::kUnknown;
  if (!frontends->is_array()) return Tri3::kNo;
  const Value* id = Get(Get(props, "frontendIPConfiguration"), "id");
  bool any_public = false;
  for (const Value* f : frontends->items()) {
    const Value* fp = Get(f, "properties");
    bool is_public = Present(Get(fp, "publicIPAddress")) || Present(Get(fp, "publicIPPrefix"));
    any_public = any_public || is_public;
    const Value* name = Get(f, "name");
    if (id != nullptr && id->is_string() && name != nullptr && name->is_string() &&
        EqualsIgnoreCase(LastSegment(id->string_value()), name->string_value())) {
      return is_public ? Tri3::kYes : Tri3::kNo;
    }
  }
  if (!any_public) return Tri3::kNo;
  return frontends->items().size() == 1 ? Tri3::kYes : Tri3::kUnknown;
}

// Whether a list of {id} references (`refs`) names `<lb>/<kind>/<name>`.
bool References(const Value* refs, std::string_view lb, std::string_view kind,
                std::string_view name) {
  if (refs == nullptr || !refs->is_array()) return false;
  std::string suffix = ToLower(Cat("/loadBalancers/", lb, "/", kind, "/", name));
  for (const Value* r : refs->items()) {
    const Value* id = Get(r, "id");
    if (id != nullptr && id->is_string() && EndsWithIgnoreCase(id->string_value(), suffix)) {
      return true;
    }
  }
  return false;
}

// Whether the subnet `subnet_ref` ({id}) has a network security group: kUnknown when its
// virtual network is not in the deployment.
Tri3 SubnetHasNsg(const std::vector<Resource>& resources, const Value* subnet_ref) {
  const Value* id = Get(subnet_ref, "id");
  if (id == nullptr || !id->is_string()) return Tri3::kUnknown;
  std::string_view s = id->string_value();
  std::size_t cut = ToLower(s).rfind("/subnets/");
  if (cut == std::string_view::npos) return Tri3::kUnknown;
  std::string_view subnet = s.substr(cut + 9);
  std::string_view vnet = LastSegment(s.substr(0, cut));
  for (const Resource& r : resources) {
    if (r.type_lower != "microsoft.network/virtualnetworks" || !r.name_known ||
        !EqualsIgnoreCase(r.name, vnet)) {
      continue;
    }
    const Value* subnets = Get(Get(r.body, "properties"), "subnets");
    if (subnets == nullptr || !subnets->is_array()) return Tri3::kUnknown;
    for (const Value* sn : subnets->items()) {
      const Value* name = Get(sn, "name");
      if (name == nullptr || !name->is_string() ||
          !EqualsIgnoreCase(name->string_value(), subnet)) {
        continue;
      }
      const Value* nsg = Get(Get(sn, "properties"), "networkSecurityGroup");
      if (nsg != nullptr && nsg->is_unknown()) return Tri3::kUnknown;
      return Present(nsg) ? Tri3::kYes : Tri3::kNo;
    }
    return Tri3::kUnknown;
  }
  return Tri3::kUnknown;
}

// What the backends of one NAT rule or pool are: counted, and the first unprotected one.
struct Backends {
  int found = 0;
  std::string unprotected;  // "network interface 'nic1'"
  std::string unknown;      // why one backend's protection is not known
};

// One network interface (its `properties`, or a scale set's networkInterfaceConfiguration's)
// that uses the rule or pool through one of its IP configurations.
void Judge(const std::vector<Resource>& resources, const Value* nic_props, std::string what,
           const std::function<bool(const Value*)>& uses, Backends& b) {
  const Value* configs = Get(nic_props, "ipConfigurations");
  if (configs == nullptr || !configs->is_array()) return;
  for (const Value* c : configs->items()) {
    const Value* cp = Get(c, "properties");
    if (!uses(cp)) continue;
    ++b.found;
    const Value* nsg = Get(nic_props, "networkSecurityGroup");
    if (Present(nsg) && !nsg->is_unknown()) return;
    Tri3 subnet = nsg != nullptr && nsg->is_unknown() ? Tri3::kUnknown
                                                      : SubnetHasNsg(resources, Get(cp, "subnet"));
    if (subnet == Tri3::kNo && b.unprotected.empty()) b.unprotected = what;
    if (subnet == Tri3::kUnknown && b.unknown.empty()) {
      b.unknown = Cat("whether an NSG protects ", what,
                      " is not known: its subnet's virtual network is not in this deployment");
    }
    return;
  }
}

Backends FindBackends(const std::vector<Resource>& resources, std::string_view lb,
                      std::string_view kind, std::string_view name, const Value* pool_ref) {
  Backends b;
  std::string pool = pool_ref != nullptr && pool_ref->is_string()
                         ? std::string(LastSegment(pool_ref->string_value()))
                         : "";
  auto uses = [&](const Value* cp) {
    if (References(Get(cp, kind == "inboundNatRules" ? "loadBalancerInboundNatRules"
                                                     : "loadBalancerInboundNatPools"),
                   lb, kind, name)) {
      return true;
    }
    return !pool.empty() &&
           References(Get(cp, "loadBalancerBackendAddressPools"), lb, "backendAddressPools", pool);
  };
  for (const Resource& r : resources) {
    if (r.body == nullptr || !r.merged_into.empty()) continue;
    const Value* props = Get(r.body, "properties");
    if (r.type_lower == "microsoft.network/networkinterfaces") {
      Judge(resources, props, Cat("network interface '", r.name, "'"), uses, b);
    } else if (r.type_lower == "microsoft.compute/virtualmachinescalesets") {
      const Value* configs = Get(Get(Get(props, "virtualMachineProfile"), "networkProfile"),
                                 "networkInterfaceConfigurations");
      if (configs == nullptr || !configs->is_array()) continue;
      for (const Value* c : configs->items()) {
        Judge(resources, Get(c, "properties"), Cat("scale set '", r.name, "'"), uses, b);
      }
    }
  }
  return b;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  const std::vector<Resource>& resources = *context.resources;
  for (const Resource& lb : resources) {
    if (lb.type_lower != "microsoft.network/loadbalancers" || lb.body == nullptr ||
        !lb.name_known) {
      continue;
    }
    const Value* lb_props = Get(lb.body, "properties");
    for (std::string_view kind : {"inboundNatRules", "inboundNatPools"}) {
      const Value* list = Get(lb_props, kind);
      if (list == nullptr || !list->is_array()) continue;
      for (const Value* item : list->items()) {
        const Value* props = Get(item, "properties");
        const Value* name = Get(item, "name");
        Exposure e = ManagementPort(props);
        if (e.exposed == Tri3::kNo) continue;
        Tri3 pub = PublicFrontend(lb_props, props);
        if (pub == Tri3::kNo) continue;
        std::string what =
            Cat(kind == "inboundNatRules" ? "Inbound NAT rule '" : "Inbound NAT pool '",
                name != nullptr && name->is_string() ? name->string_value() : "?", "'");
        Hit hit;
        hit.rule = &rule;
        hit.resource = &lb;
        hit.anchor = e.at != nullptr ? e.at->anchor() : item->anchor();
        if (e.exposed == Tri3::kUnknown || pub == Tri3::kUnknown || name == nullptr ||
            !name->is_string()) {
          hit.outcome = Tri::kUnknown;
          hit.message = Cat("Whether the ", ToLower(what.substr(0, 1)), what.substr(1),
                            " forwards SSH or RDP from a public frontend is ",
                            "not known before deployment.");
          out.push_back(std::move(hit));
          continue;
        }
        Backends b = FindBackends(resources, lb.name, kind, name->string_value(),
                                  Get(Get(props, "backendAddressPool"), "id"));
        std::string port = e.port == 22 ? "22 (SSH)" : "3389 (RDP)";
        if (!b.unprotected.empty()) {
          hit.message =
              Cat(what, " forwards port ", port, " from a public frontend to ", b.unprotected,
                  ", which has no network security group on it or its subnet.");
        } else if (b.found == 0) {
          hit.outcome = Tri::kUnknown;
          hit.message = Cat(what, " forwards port ", port, " from a public frontend, and no ",
                            "network interface or scale set of this deployment uses it, so ",
                            "whether an NSG protects its backend is not known.");
        } else if (!b.unknown.empty()) {
          hit.outcome = Tri::kUnknown;
          hit.message =
              Cat(what, " forwards port ", port, " from a public frontend; ", b.unknown, ".");
        } else {
          continue;  // every backend has an NSG
        }
        out.push_back(std::move(hit));
      }
    }
  }
}

}  // namespace

extern const NativeCheck kLbNatManagementPortsInternet{
    "lb-nat-management-ports-internet", Run,
    "a load balancer inbound NAT rule or pool that forwards 22 or 3389 from a public frontend to "
    "a backend with no NSG on its network interface or subnet; unknown when the backend is not "
    "in the deployment"};

}  // namespace armlint::internal
