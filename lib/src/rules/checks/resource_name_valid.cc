// resource-name-valid: a resource whose name breaks its type's naming rules (length, allowed
// characters, first and last character), so that the deployment fails. The table follows Learn
// "Naming rules and restrictions for Azure resources",
// https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
// (one row per type: its length range and the pattern of its "Valid characters" column). Only a
// name that is a literal or fully evaluated offline is judged; an Unknown name (a parameter
// without a value, reference()) is never reported, nor is a name with characters outside ASCII
// (several types accept Unicode the rules describe only loosely), nor one that holds a
// parameter-file placeholder (GEN-UNIQUE).
#include <mutex>
#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

struct NameRule {
  std::string_view type;  // lower-cased resource type
  int min;
  int max;
  std::string_view pattern;  // ECMAScript regex over the whole last name segment
  std::string_view valid;    // the rule, as Learn words it
};

// Character classes the rows share.
#define ALNUM "[a-zA-Z0-9]"
#define LOWER_ALNUM "[a-z0-9]"
// Networking names: alphanumerics, underscores, periods and hyphens; start with an
// alphanumeric, end with an alphanumeric or underscore.
#define NETWORK "[a-zA-Z0-9]([a-zA-Z0-9_.-]*[a-zA-Z0-9_])?"
#define NETWORK_VALID                                                                         \
  "alphanumerics, underscores, periods and hyphens; start with an alphanumeric, end with an " \
  "alphanumeric or underscore"

const std::vector<NameRule>& NameRules() {
  static const auto* kRules = new std::vector<NameRule>{
      {"microsoft.apimanagement/service", 1, 50, "[a-zA-Z]([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start with a letter, end with an alphanumeric"},
      {"microsoft.app/containerapps", 2, 32, "[a-z](?!.*--)([a-z0-9-]*" LOWER_ALNUM ")?",
       "lowercase letters, numbers and hyphens; start with a letter, end with an alphanumeric; "
       "no '--'"},
      {"microsoft.cache/redis", 1, 63, ALNUM "(?!.*--)([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start and end with an alphanumeric; no consecutive hyphens"},
      {"microsoft.cognitiveservices/accounts", 2, 64, ALNUM "([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start and end with an alphanumeric"},
      {"microsoft.containerregistry/registries", 5, 50, ALNUM "*", "alphanumerics"},
      {"microsoft.containerservice/managedclusters", 1, 63, ALNUM "([a-zA-Z0-9_-]*" ALNUM ")?",
       "alphanumerics, underscores and hyphens; start and end with an alphanumeric"},
      {"microsoft.dbformysql/flexibleservers", 3, 63, LOWER_ALNUM "([a-z0-9-]*" LOWER_ALNUM ")?",
       "lowercase letters, numbers and hyphens; can't start or end with a hyphen"},
      {"microsoft.dbforpostgresql/flexibleservers", 3, 63,
       LOWER_ALNUM "([a-z0-9-]*" LOWER_ALNUM ")?",
       "lowercase letters, numbers and hyphens; can't start or end with a hyphen"},
      {"microsoft.documentdb/databaseaccounts", 3, 44, LOWER_ALNUM "[a-z0-9-]*",
       "lowercase letters, numbers and hyphens; start with a lowercase letter or number"},
      {"microsoft.eventhub/namespaces", 6, 50, "[a-zA-Z]([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start with a letter, end with a letter or number"},
      {"microsoft.keyvault/managedhsms", 3, 24, "[a-zA-Z](?!.*--)([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start with a letter, end with a letter or digit; no "
       "consecutive hyphens"},
      {"microsoft.keyvault/vaults", 3, 24, "[a-zA-Z](?!.*--)([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start with a letter, end with a letter or digit; no "
       "consecutive hyphens"},
      {"microsoft.managedidentity/userassignedidentities", 3, 128, ALNUM "[a-zA-Z0-9_-]*",
       "alphanumerics, hyphens and underscores; start with a letter or number"},
      {"microsoft.network/applicationgateways", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.network/loadbalancers", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.network/networkinterfaces", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.network/networksecuritygroups", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.network/publicipaddresses", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.network/routetables", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.network/virtualnetworks", 2, 64, NETWORK, NETWORK_VALID},
      {"microsoft.network/virtualnetworks/subnets", 1, 80, NETWORK, NETWORK_VALID},
      {"microsoft.operationalinsights/workspaces", 4, 63, ALNUM "([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start and end with an alphanumeric"},
      {"microsoft.search/searchservices", 2, 60, LOWER_ALNUM "(?!.*--)([a-z0-9-]*" LOWER_ALNUM ")?",
       "lowercase letters, numbers and hyphens; can't start or end with a hyphen or use "
       "consecutive hyphens"},
      {"microsoft.servicebus/namespaces", 6, 50, "[a-zA-Z]([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; start with a letter, end with a letter or number"},
      {"microsoft.sql/servers", 1, 63, LOWER_ALNUM "([a-z0-9-]*" LOWER_ALNUM ")?",
       "lowercase letters, numbers and hyphens; can't start or end with a hyphen"},
      {"microsoft.storage/storageaccounts", 3, 24, LOWER_ALNUM "*",
       "lowercase letters and numbers"},
      {"microsoft.storage/storageaccounts/blobservices/containers", 3, 63,
       LOWER_ALNUM "(?!.*--)[a-z0-9-]*",
       "lowercase letters, numbers and hyphens; start with a lowercase letter or number; no "
       "consecutive hyphens"},
      {"microsoft.web/serverfarms", 1, 60, "[a-zA-Z0-9-]*", "alphanumerics and hyphens"},
      {"microsoft.web/sites", 2, 60, ALNUM "([a-zA-Z0-9-]*" ALNUM ")?",
       "alphanumerics and hyphens; can't start or end with a hyphen"},
  };
  return *kRules;
}

#undef ALNUM
#undef LOWER_ALNUM
#undef NETWORK
#undef NETWORK_VALID

// Row i's pattern, compiled the first time a name of its type is judged: compiling all of them
// at once (std::regex: ~0.6 M instructions and a few dozen heap pages each) was paid by every
// run that held any resource.
const std::regex& Pattern(std::size_t i) {
  struct Compiled {
    std::once_flag once;
    std::optional<std::regex> re;
  };
  static auto* const kCompiled = new Compiled[NameRules().size()];
  Compiled& c = kCompiled[i];
  std::call_once(c.once, [&] { c.re.emplace(std::string(NameRules()[i].pattern)); });
  return *c.re;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool RuleCoversType(const Rule& rule, std::string_view type) {
  if (rule.resource_types.empty()) return true;
  for (const std::string& t : rule.resource_types) {
    if (t == type) return true;
  }
  return false;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    // Exported resources exist, so Azure accepted their names.
    if (r.from_export || !r.name_known || r.body == nullptr) continue;
    std::string lower;
    std::string_view type = checks::LowerType(r, lower);
    if (!RuleCoversType(rule, type)) continue;
    const Value* last = r.name_value;
    // A name from a secure parameter is never printed, so it is not judged either.
    if (last == nullptr || !last->is_string() || last->secure()) continue;
    std::string_view name = last->string_value();
    // GEN-UNIQUE, GEN-UNIQUE-8...: the placeholders of the Azure Quickstart Templates'
    // parameter files, which their pipeline replaces with generated names before deploying.
    if (!IsAscii(name) || name.find("GEN-") != std::string_view::npos) continue;
    const std::vector<NameRule>& rules = NameRules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const NameRule& n = rules[i];
      if (n.type != type) continue;
      std::string why;
      int length = static_cast<int>(name.size());
      if (length < n.min || length > n.max) {
        why =
            Cat("is ", length, " characters long; ", r.type, " names take ", n.min, " to ", n.max);
      } else if (!std::regex_match(name.begin(), name.end(), Pattern(i))) {
        why = Cat("breaks the naming rule of ", r.type, ": ", n.valid);
      }
      if (why.empty()) break;
      Hit hit;
      hit.rule = &rule;
      hit.resource = &r;
      if (const Value* v = r.body->Find("name")) hit.anchor = v->anchor();
      hit.message = Cat("The name '", name, "' ", why, ".");
      out.push_back(std::move(hit));
      break;
    }
  }
}

}  // namespace

extern const NativeCheck kResourceNameValid{
    "resource-name-valid", Run,
    "a resource whose literal or evaluated name breaks its type's naming rules (length, "
    "characters)"};

}  // namespace armlint::internal
