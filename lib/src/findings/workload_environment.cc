// Workload environments: from the config and the resources' tags, applied to rules' hits.
#include "findings/workload_environment.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

#include "findings/workloads.h"
#include "rules/environments.h"
#include "util/glob.h"

namespace armlint::internal {

std::string ConfigEnvironment(const Config* config, const std::string& path) {
  if (config == nullptr) return "";
  if (!config->workload_environments.empty()) {
    const std::string rel = RelativeTo(path, config->dir);
    const std::string workload = ConfigWorkload(config, path);
    for (const auto& [key, env] : config->workload_environments) {
      if (GlobMatch(key, rel) || (!workload.empty() && key == workload)) return env;
    }
  }
  return config->workload_environment;
}

std::string EnvironmentNote(const Rule& rule) {
  return absl::StrCat("This rule is about ", EnvironmentsPhrase(rule.environments),
                      " workloads, and armlint cannot tell this one's environment: tag the "
                      "resource `environment` (prod, staging, test, dev, sandbox) or set "
                      "\"workloadEnvironment\" in .armlint.json; in other environments it does "
                      "not run.");
}

void ApplyWorkloadEnvironments(std::vector<Hit>& hits, std::span<const Resource> resources,
                               std::string_view file_environment) {
  std::erase_if(hits, [&](Hit& hit) {
    if (hit.rule == nullptr) return false;
    hit.rule->Load();
    if (hit.rule->environments.empty()) return false;
    std::string env;
    if (hit.resource != nullptr) env = ResourceEnvironment(*hit.resource, resources);
    if (env.empty()) env = std::string(file_environment);
    if (!env.empty()) return !RuleAppliesTo(hit.rule->environments, env);
    const std::string note = EnvironmentNote(*hit.rule);
    hit.message = hit.message.empty() ? note : absl::StrCat(hit.message, " ", note);
    return false;
  });
}

}  // namespace armlint::internal
