// diagnostic-logs-enabled: a resource whose diagnostic settings in the same deployment do not
// send the log categories its service documents as the audit or platform logs (PSRule's
// Azure.<Service>.AuditLogs / .Logs / .PlatformLogs rules; Learn "Diagnostic settings in Azure
// Monitor", learn.microsoft.com/azure/azure-monitor/essentials/diagnostic-settings, and each
// service's "Monitoring data reference", linked in the table below).
//
// A Microsoft.Insights/diagnosticSettings resource applies to a resource when its `scope`
// (a resource id, or the relative `<type>/<name>` form) names it, or, in the child form
// `<type>/providers/diagnosticSettings` named `<name>/Microsoft.Insights/<setting>`, when its
// parent does. A requirement is met by enabling all its categories in `logs`, or a category
// group that contains them (`audit`, `allLogs`), plus its metric categories in `metrics`.
// A resource with no diagnostic setting in the deployment, or whose settings' targets or
// categories are not known offline, gets an unknown outcome: diagnostic settings are often
// deployed by policy (DeployIfNotExists) or by another template.
#include <string>
#include <string_view>
#include <vector>

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "rules/operators.h"
#include "util/expression_syntax.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// One requirement: the logs of `what` are sent when every category of `categories` (or one of
// `groups`) is enabled, and every metric category of `metrics`. A category written "a|b" is
// met by either.
struct Requirement {
  std::string_view type;  // lower-cased resource type
  std::string_view what;
  std::vector<std::string_view> categories;
  std::vector<std::string_view> groups;  // category groups that contain all of `categories`
  std::vector<std::string_view> metrics;
  bool front_door_only = false;  // Microsoft.Cdn/profiles with an Azure Front Door SKU
};

// Categories and groups from each service's Monitoring data reference (Learn):
//  App Configuration  azure-app-configuration/monitor-app-configuration-reference
//  Automation         automation/automation-manage-send-joblogs-log-analytics
//  Front Door         frontdoor/front-door-diagnostics
//  Container Registry container-registry/monitor-container-registry-reference
//  AKS                aks/monitor-aks-reference
//  Key Vault          key-vault/general/monitor-key-vault-reference
//  Service Bus        service-bus-messaging/monitor-service-bus-reference
//  Storage (queues)   storage/queues/monitor-queue-storage-reference
const std::vector<Requirement>& Requirements() {
  static const auto* kTable = new std::vector<Requirement>{
      {"microsoft.appconfiguration/configurationstores",
       "audit logs",
       {"Audit"},
       {"audit", "allLogs"},
       {}},
      {"microsoft.automation/automationaccounts",
       "audit logs",
       {"AuditEvent"},
       {"audit", "allLogs"},
       {}},
      {"microsoft.automation/automationaccounts",
       "platform logs",
       {"JobLogs", "JobStreams", "DscNodeStatus"},
       {"allLogs"},
       {"AllMetrics"}},
      {"microsoft.cdn/profiles", "access logs", {"FrontDoorAccessLog"}, {"allLogs"}, {}, true},
      {"microsoft.network/frontdoors", "access logs", {"FrontdoorAccessLog"}, {"allLogs"}, {}},
      {"microsoft.containerregistry/registries",
       "audit logs",
       {"ContainerRegistryLoginEvents", "ContainerRegistryRepositoryEvents"},
       {"audit", "allLogs"},
       {}},
      {"microsoft.containerservice/managedclusters",
       "audit logs",
       {"kube-audit-admin|kube-audit", "guard"},
       {"audit", "allLogs"},
       {}},
      {"microsoft.containerservice/managedclusters",
       "platform logs",
       {"cluster-autoscaler", "kube-apiserver", "kube-controller-manager", "kube-scheduler"},
       {"allLogs"},
       {"AllMetrics"}},
      {"microsoft.keyvault/vaults", "audit logs", {"AuditEvent"}, {"audit", "allLogs"}, {}},
      {"microsoft.servicebus/namespaces",
       "audit logs",
       {"RuntimeAuditLogs"},
       {"audit", "allLogs"},
       {}},
      {"microsoft.storage/storageaccounts/queueservices",
       "read, write and delete logs",
       {"StorageRead", "StorageWrite", "StorageDelete"},
       {"allLogs"},
       {}},
  };
  return *kTable;
}

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  for (std::size_t at = s.find(sep); at != std::string_view::npos; at = s.find(sep)) {
    out.push_back(s.substr(0, at));
    s.remove_prefix(at + 1);
  }
  out.push_back(s);
  return out;
}

bool RuleCoversType(const Rule& rule, std::string_view type) {
  if (rule.resource_types.empty()) return true;
  for (const std::string& t : rule.resource_types) {
    if (t == type) return true;
  }
  return false;
}

// "a.b/c/d" + "n1/n2" -> "a.b/c/n1/d/n2" (lower-cased): the tail of a resource id after
// `/providers/`. Empty when the segments do not pair up.
std::string Interleave(std::string_view type, std::string_view name) {
  std::vector<std::string_view> t = Split(type, '/');
  std::vector<std::string_view> n = Split(name, '/');
  if (t.size() < 2 || n.size() != t.size() - 1) return "";
  std::string out = Cat(t[0], "/", t[1], "/", n[0]);
  for (std::size_t i = 2; i < t.size(); ++i) out += Cat("/", t[i], "/", n[i - 1]);
  return ToLower(out);
}

// The `<type>/<name>...` tail of a resource id or relative id, lower-cased ("" if none).
std::string IdTail(std::string_view id) {
  std::string lower = ToLower(id);
  std::size_t at = lower.rfind("/providers/");
  // An extension resource's id has several /providers/; a target's id has one.
  if (at != std::string::npos) return lower.substr(at + 11);
  if (!lower.empty() && lower.front() == '/') return "";
  return lower;
}

// A diagnostic setting of the deployment: its target (the IdTail form; empty: not known) and
// its body.
struct Setting {
  std::string target;
  const Resource* resource = nullptr;
};

constexpr std::string_view kChild = "/providers/diagnosticsettings";

std::vector<Setting> FindSettings(const std::vector<Resource>& resources) {
  std::vector<Setting> out;
  for (const Resource& r : resources) {
    std::string lower;
    std::string_view type = checks::LowerType(r, lower);
    if (r.body == nullptr) continue;
    if (type == "microsoft.insights/diagnosticsettings") {
      Setting s{"", &r};
      const Value* scope = r.body->Find("scope");
      if (scope == nullptr) continue;  // a subscription's settings (the activity log)
      if (scope != nullptr && scope->is_string() && !IsExpression(scope->string_value())) {
        s.target = IdTail(scope->string_value());
      }
      out.push_back(std::move(s));
    } else if (type.size() > kChild.size() && type.ends_with(kChild)) {
      std::size_t at = type.size() - kChild.size();
      Setting s{"", &r};
      if (r.name_known) {
        std::vector<std::string_view> n = Split(r.name, '/');
        // <parent name segments>/Microsoft.Insights/<setting>
        if (n.size() >= 3) {
          std::string_view name = r.name;
          std::string parent(
              name.substr(0, name.size() - n[n.size() - 1].size() - n[n.size() - 2].size() - 2));
          s.target = Interleave(type.substr(0, at), parent);
        }
      }
      out.push_back(std::move(s));
    }
  }
  return out;
}

enum class Sent { kYes, kNo, kUnknown };

// Whether `entries` (a setting's `logs` or `metrics`) enables `category` (by category or one
// of `groups`).
Sent Enables(const Value* entries, std::string_view category,
             const std::vector<std::string_view>& groups) {
  if (entries == nullptr) return Sent::kNo;
  if (entries->is_unknown()) return Sent::kUnknown;
  if (!entries->is_array()) return Sent::kNo;
  Sent result = Sent::kNo;
  for (const Value* e : entries->items()) {
    if (e->is_unknown()) {
      result = Sent::kUnknown;
      continue;
    }
    if (!e->is_object()) continue;
    const Value* enabled = e->Find("enabled");
    if (enabled == nullptr || (enabled->is_bool() && !enabled->bool_value())) continue;
    bool maybe = !enabled->is_bool();
    bool match = false;
    if (const Value* c = e->Find("category")) {
      if (c->is_unknown()) maybe = true, match = true;
      if (c->is_string() && EqualsIgnoreCase(c->string_value(), category)) match = true;
    }
    if (const Value* g = e->Find("categoryGroup")) {
      if (g->is_unknown()) maybe = true, match = true;
      for (std::string_view group : groups) {
        if (g->is_string() && EqualsIgnoreCase(g->string_value(), group)) match = true;
      }
    }
    if (!match) continue;
    if (!maybe) return Sent::kYes;
    result = Sent::kUnknown;
  }
  return result;
}

// What a setting lacks of `req` ("" when it meets it); sets `unknown` when that cannot be told.
std::string Missing(const Value& body, const Requirement& req, bool& unknown) {
  const Value* props = body.Find("properties");
  const Value* logs = props != nullptr && props->is_object() ? props->Find("logs") : nullptr;
  const Value* metrics = props != nullptr && props->is_object() ? props->Find("metrics") : nullptr;
  if (props != nullptr && props->is_unknown()) {
    unknown = true;
    return "";
  }
  std::string missing;
  auto add = [&](std::string_view c, Sent s) {
    if (s == Sent::kUnknown) unknown = true;
    if (s == Sent::kNo) missing += Cat(missing.empty() ? "" : ", ", c);
  };
  for (std::string_view c : req.categories) {
    Sent s = Sent::kNo;
    for (std::string_view one : Split(c, '|')) {
      Sent e = Enables(logs, one, req.groups);
      if (e == Sent::kYes || (e == Sent::kUnknown && s == Sent::kNo)) s = e;
    }
    std::string label;
    for (std::string_view one : Split(c, '|')) label += Cat(label.empty() ? "" : " or ", one);
    add(label, s);
  }
  for (std::string_view m : req.metrics) add(m, Enables(metrics, m, {}));
  return missing;
}

bool IsFrontDoorProfile(const Resource& r) {
  const Value* sku = r.body->Find("sku");
  const Value* name = sku != nullptr && sku->is_object() ? sku->Find("name") : nullptr;
  return name != nullptr && name->is_string() &&
         ToLower(name->string_value()).find("azurefrontdoor") != std::string::npos;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  std::vector<Setting> settings;
  bool found_settings = false;
  for (const Resource& r : *context.resources) {
    if (r.body == nullptr || !r.merged_into.empty()) continue;
    std::string lower;
    std::string_view type = checks::LowerType(r, lower);
    if (!RuleCoversType(rule, type)) continue;
    if (!found_settings) {
      settings = FindSettings(*context.resources);
      found_settings = true;
    }
    std::string self = r.name_known ? Interleave(r.type, r.name) : "";
    for (const Requirement& req : Requirements()) {
      if (req.type != type || (req.front_door_only && !IsFrontDoorProfile(r))) continue;
      Hit hit;
      hit.rule = &rule;
      hit.resource = &r;
      bool applies = false, maybe_applies = false, unknown = false, met = false;
      std::string lacking;
      for (const Setting& s : settings) {
        if (s.target.empty() || self.empty()) {
          maybe_applies = true;
          continue;
        }
        if (s.target != self) continue;
        applies = true;
        bool u = false;
        std::string m = Missing(*s.resource->body, req, u);
        if (m.empty() && !u) {
          met = true;  // one setting that sends the logs is enough
          break;
        }
        if (u) unknown = true;
        if (!m.empty() && lacking.empty()) lacking = m;
      }
      if (met) continue;
      if (applies && !unknown && !maybe_applies) {
        hit.outcome = Tri::kTrue;
        hit.message = Cat("Its diagnostic settings do not send the ", req.what, " (", lacking,
                          "; or a category group that contains them).");
      } else {
        hit.outcome = Tri::kUnknown;
        hit.message = applies || maybe_applies
                          ? Cat("Whether its diagnostic settings send the ", req.what,
                                " is not known before deployment.")
                          : Cat("No diagnostic settings for it in this deployment, so whether ",
                                "the ", req.what, " are sent is decided elsewhere.");
      }
      out.push_back(std::move(hit));
    }
  }
}

}  // namespace

extern const NativeCheck kDiagnosticLogsEnabled{
    "diagnostic-logs-enabled", Run,
    "a resource whose diagnostic settings in the deployment do not send its audit or platform "
    "log categories; unknown when it has none in the deployment"};

}  // namespace armlint::internal
