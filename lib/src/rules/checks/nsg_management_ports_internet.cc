// nsg-management-ports-internet: every inbound Allow rule of a network security group that opens
// SSH (22) or RDP (3389) to any source on the Internet.
//
// A security rule names its ports as destinationPortRange ("22", "3389-4500", "*") or the array
// destinationPortRanges, and its sources as sourceAddressPrefix or the array
// sourceAddressPrefixes, where "*", "Internet", "Any", 0.0.0.0/0 and ::/0 mean any address
// (learn.microsoft.com/azure/virtual-network/network-security-groups-overview#security-rules).
// The rules of a group are its `securityRules` and its networkSecurityGroups/securityRules
// children (folded into the group by resources/effective.cc); a child whose group is not in the
// deployment is judged on its own. A value that is not known offline makes that rule's outcome
// unknown unless another value already opens it.
#include <cstdint>
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

struct Port {
  int number;
  std::string_view name;
};
constexpr Port kManagementPorts[] = {{22, "SSH"}, {3389, "RDP"}};

constexpr std::string_view kAnySources[] = {"*", "Internet", "Any", "0.0.0.0/0", "::/0"};

// A decimal port number, or nothing.
std::optional<int> ParsePort(std::string_view s) {
  s = Strip(s);
  if (s.empty() || s.size() > 5) return std::nullopt;
  int n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

// The management port that the port spec `s` ("*", "22", "20-30") covers, or null.
const Port* CoveredPort(std::string_view s) {
  s = Strip(s);
  for (const Port& p : kManagementPorts) {
    if (s == "*") return &p;
    std::size_t dash = s.find('-');
    std::optional<int> lo = ParsePort(s.substr(0, dash));
    std::optional<int> hi = dash == std::string_view::npos ? lo : ParsePort(s.substr(dash + 1));
    if (lo && hi && *lo <= p.number && p.number <= *hi) return &p;
  }
  return nullptr;
}

bool IsAnySource(std::string_view s) {
  s = Strip(s);
  for (std::string_view any : kAnySources) {
    if (EqualsIgnoreCase(s, any)) return true;
  }
  return false;
}

// The values of `props.<single>` and the items of `props.<list>`.
std::vector<const Value*> Values(const Value& props, std::string_view single, std::string_view list,
                                 bool& unknown) {
  std::vector<const Value*> out;
  if (const Value* v = props.Find(single); v != nullptr && !v->is_null()) out.push_back(v);
  if (const Value* v = props.Find(list); v != nullptr) {
    if (v->is_unknown()) unknown = true;
    if (v->is_array()) out.insert(out.end(), v->items().begin(), v->items().end());
  }
  return out;
}

// Whether `props.<key>` equals `expected` (ignoring case): true, false or unknown.
Tri StringIs(const Value& props, std::string_view key, std::string_view expected) {
  const Value* v = props.Find(key);
  if (v == nullptr) return Tri::kFalse;
  if (v->is_unknown()) return Tri::kUnknown;
  return v->is_string() && EqualsIgnoreCase(v->string_value(), expected) ? Tri::kTrue : Tri::kFalse;
}

// Judges one security rule (`props`, named `name`) of `resource`.
void JudgeRule(const Rule& rule, const Resource& resource, std::string_view name,
               const Value* props, Anchor rule_at, std::vector<Hit>& out) {
  Hit hit;
  hit.rule = &rule;
  hit.resource = &resource;
  hit.anchor = rule_at;
  if (props == nullptr || props->is_unknown()) {
    if (props == nullptr) return;
    hit.outcome = Tri::kUnknown;
    hit.message = Cat("The settings of rule '", name, "' are not known before deployment.");
    out.push_back(std::move(hit));
    return;
  }
  if (!props->is_object()) return;
  Tri inbound = StringIs(*props, "direction", "Inbound");
  Tri allow = StringIs(*props, "access", "Allow");
  if (inbound == Tri::kFalse || allow == Tri::kFalse) return;
  bool unknown = inbound == Tri::kUnknown || allow == Tri::kUnknown;

  const Port* port = nullptr;
  bool ports_unknown = false;
  for (const Value* v :
       Values(*props, "destinationPortRange", "destinationPortRanges", ports_unknown)) {
    if (v->is_unknown()) ports_unknown = true;
    if (v->is_string() && (port = CoveredPort(v->string_value())) != nullptr) break;
    if (v->is_int()) {
      for (const Port& p : kManagementPorts) {
        if (v->int_value() == p.number) port = &p;
      }
      if (port != nullptr) break;
    }
  }
  const Value* source = nullptr;
  bool sources_unknown = false;
  for (const Value* v :
       Values(*props, "sourceAddressPrefix", "sourceAddressPrefixes", sources_unknown)) {
    if (v->is_unknown()) sources_unknown = true;
    if (v->is_string() && IsAnySource(v->string_value())) {
      source = v;
      break;
    }
  }
  if ((port == nullptr && !ports_unknown) || (source == nullptr && !sources_unknown)) return;
  unknown = unknown || port == nullptr || source == nullptr;
  if (source != nullptr) hit.anchor = source->anchor();
  if (unknown) {
    hit.outcome = Tri::kUnknown;
    hit.message = Cat("Whether rule '", name,
                      "' opens SSH or RDP to the Internet is not known before deployment.");
  } else {
    hit.message = Cat("Rule '", name, "' allows ", port->name, " (port ", port->number, ") from '",
                      source->string_value(), "'.");
  }
  out.push_back(std::move(hit));
}

std::string_view LastSegment(std::string_view s) {
  std::size_t slash = s.rfind('/');
  return slash == std::string_view::npos ? s : s.substr(slash + 1);
}

void UnknownGroup(const Rule& rule, const Resource& r, Anchor at, std::vector<Hit>& out) {
  Hit hit;
  hit.rule = &rule;
  hit.outcome = Tri::kUnknown;
  hit.anchor = at;
  hit.resource = &r;
  hit.message = "The group's rules are not known before deployment.";
  out.push_back(std::move(hit));
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    if (r.body == nullptr) continue;
    const Value* props = r.body->Find("properties");
    if (r.type_lower == "microsoft.network/networksecuritygroups/securityrules") {
      if (!r.merged_into.empty()) continue;  // judged with its group
      JudgeRule(rule, r, LastSegment(r.name), props, r.anchor, out);
      continue;
    }
    if (r.type_lower != "microsoft.network/networksecuritygroups" || props == nullptr) continue;
    if (props->is_unknown()) {
      UnknownGroup(rule, r, props->anchor(), out);
      continue;
    }
    const Value* rules = props->Find("securityRules");
    if (rules == nullptr) continue;
    if (rules->is_unknown()) {
      UnknownGroup(rule, r, rules->anchor(), out);
      continue;
    }
    if (!rules->is_array()) continue;
    for (const Value* item : rules->items()) {
      if (item->is_unknown()) {
        JudgeRule(rule, r, "(unknown)", item, item->anchor(), out);
        continue;
      }
      const Value* name = item->Find("name");
      std::string_view n = name != nullptr && name->is_string() ? name->string_value() : "";
      JudgeRule(rule, r, n, item->Find("properties"), item->anchor(), out);
    }
  }
}

}  // namespace

extern const NativeCheck kNsgManagementPortsInternet{
    "nsg-management-ports-internet", Run,
    "every inbound Allow security rule that opens port 22 or 3389 (single ports, ranges, '*', "
    "port arrays) to any Internet source ('*', Internet, Any, 0.0.0.0/0, ::/0, prefix arrays)"};

}  // namespace armlint::internal
