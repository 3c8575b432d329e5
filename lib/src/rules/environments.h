// Workload environments (production, staging, test, development, sandbox): the names a rule's
// "environments" metadata, a config's "workloadEnvironment" and a resource's `environment`/`env`
// tag use (README "Workload environments"). Not the Azure cloud (`--context environment`).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "resources/resource.h"

namespace armlint::internal {

// The canonical environments, in the order docs list them.
std::span<const std::string_view> EnvironmentNames();

// The canonical environment a name or common abbreviation stands for, ignoring case and
// surrounding spaces ("prod", "PRD", "live" -> "production"; "dev" -> "development"; "uat" ->
// "staging"; "qa" -> "test"; "sbx" -> "sandbox"), or nullopt for any other text.
std::optional<std::string_view> CanonicalEnvironment(std::string_view name);

// Every accepted spelling with its canonical environment, for docs and error messages:
// "production (prod, prd, live)".
std::string AcceptedEnvironmentsText();

// A rule's "environments" entries: a canonical environment or "non-production" (any of them
// but production).
inline constexpr std::string_view kNonProduction = "non-production";

// Whether a rule that declares `rule_envs` (empty: every environment) is about `env` (canonical).
bool RuleAppliesTo(std::span<const std::string> rule_envs, std::string_view env);

// How a rule's environments read in a sentence: "production", "non-production (staging, test,
// development or sandbox)", "staging or test".
std::string EnvironmentsPhrase(std::span<const std::string> rule_envs);

// The environment `resource` states through its `environment` or `env` tag (either case), or,
// for a child resource without tags, through its parent's in `all` (same deployment); "" when
// no tag is there, its value is not known offline or is not an accepted name.
std::string ResourceEnvironment(const Resource& resource, std::span<const Resource> all);

}  // namespace armlint::internal
