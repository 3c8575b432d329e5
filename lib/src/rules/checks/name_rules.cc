// The naming rules table and its pattern matcher.
#include "rules/checks/name_rules.h"

namespace armlint::internal::checks {

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

namespace {

// Whether `c` is in the class whose contents are `cls` ("a-zA-Z0-9_.-": ranges and single
// characters; a '-' that ends the class is itself).
bool InClass(std::string_view cls, char c) {
  for (std::size_t i = 0; i < cls.size();) {
    if (i + 2 < cls.size() && cls[i + 1] == '-') {
      if (c >= cls[i] && c <= cls[i + 2]) return true;
      i += 3;
    } else {
      if (c == cls[i]) return true;
      ++i;
    }
  }
  return false;
}

// Reads "[...]" at the front of `p` into `cls` (its contents).
bool TakeClass(std::string_view& p, std::string_view& cls) {
  if (p.empty() || p[0] != '[') return false;
  const std::size_t close = p.find(']', 1);
  if (close == std::string_view::npos || close == 1) return false;
  cls = p.substr(1, close - 1);
  p.remove_prefix(close + 1);
  return true;
}

bool Take(std::string_view& p, std::string_view token) {
  if (!p.starts_with(token)) return false;
  p.remove_prefix(token.size());
  return true;
}

}  // namespace

std::optional<NamePattern> NamePattern::Parse(std::string_view p) {
  NamePattern out;
  std::string_view first;
  if (!TakeClass(p, first)) return std::nullopt;
  if (p == "*") {  // [M]*
    out.middle_ = first;
    return out;
  }
  out.first_ = first;
  out.no_double_hyphen_ = Take(p, "(?!.*--)");
  if (Take(p, "(")) {  // [F]([M]*[L])?
    if (!TakeClass(p, out.middle_) || !Take(p, "*") || !TakeClass(p, out.last_) || !Take(p, ")?")) {
      return std::nullopt;
    }
  } else if (!TakeClass(p, out.middle_) || !Take(p, "*")) {  // [F][M]*
    return std::nullopt;
  }
  if (!p.empty()) return std::nullopt;
  return out;
}

bool NamePattern::Matches(std::string_view name) const {
  // The lookahead follows the first character, which no class with it allows to be '-'.
  if (no_double_hyphen_ && name.find("--") != std::string_view::npos) return false;
  std::string_view rest = name;
  if (!first_.empty()) {
    if (name.empty() || !InClass(first_, name[0])) return false;
    rest.remove_prefix(1);
    if (!last_.empty() && !rest.empty()) {
      if (!InClass(last_, rest.back())) return false;
      rest.remove_suffix(1);
    }
  }
  for (char c : rest) {
    if (!InClass(middle_, c)) return false;
  }
  return true;
}

}  // namespace armlint::internal::checks
