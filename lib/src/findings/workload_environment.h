// The workload environment of what is linted (README "Workload environments"), and the rules
// that are about some environments only ("environments" in a rule file): where the environment
// is known and is not one of the rule's, the rule does not run; where it is not known, the rule
// runs and its finding says which workloads it is about and how to tell armlint.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "findings/config.h"
#include "resources/resource.h"
#include "rules/rule.h"

namespace armlint::internal {

// The environment `config` gives the file at `path` (canonical; "" when it gives none): the
// first "workloadEnvironments" key that is a glob matching the path relative to the config's
// folder or the file's "workloads" name, else "workloadEnvironment".
std::string ConfigEnvironment(const Config* config, const std::string& path);

// What a finding of `rule` adds when the environment is not known: the workloads the rule is
// about and the two ways to state an environment.
std::string EnvironmentNote(const Rule& rule);

// Drops the hits of rules with "environments" whose environment is known and is not one of
// them: the resource's `environment`/`env` tag (rules/environments.h), else `file_environment`
// (ConfigEnvironment; template-level hits have only that). Appends EnvironmentNote to the
// message of those whose environment is not known.
void ApplyWorkloadEnvironments(std::vector<Hit>& hits, std::span<const Resource> resources,
                               std::string_view file_environment);

}  // namespace armlint::internal
