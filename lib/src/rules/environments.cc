// Workload environment names and the resource tags that state them.
#include "rules/environments.h"

#include <array>

#include "util/join.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

struct Spelling {
  std::string_view canonical;
  std::array<std::string_view, 7> aliases;  // "" pads
};

// The tag values seen most in Azure naming and tagging conventions (Cloud Adoption Framework
// "Define your tagging strategy": Env = prod, dev, qa, stage, test).
constexpr std::array<Spelling, 5> kSpellings = {{
    {"production", {"prod", "prd", "live"}},
    {"staging", {"stage", "stg", "preprod", "pre-prod", "preproduction", "pre-production", "uat"}},
    {"test", {"tst", "testing", "qa"}},
    {"development", {"dev", "develop"}},
    {"sandbox", {"sbx"}},
}};

constexpr std::array<std::string_view, 5> kNames = {"production", "staging", "test", "development",
                                                    "sandbox"};

constexpr std::array<std::string_view, 2> kTagNames = {"environment", "env"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

const Value* TagEnvironmentValue(const Value* body) {
  const Value* tags = body != nullptr ? body->Find("tags") : nullptr;
  if (tags == nullptr || !tags->is_object()) return nullptr;
  for (std::string_view name : kTagNames) {
    if (const Value* v = tags->Find(name)) return v;
  }
  return nullptr;
}

std::string FromTag(const Value* v) {
  if (v == nullptr || !v->is_string()) return "";
  std::optional<std::string_view> env = CanonicalEnvironment(v->string_value());
  return env ? std::string(*env) : "";
}

}  // namespace

std::span<const std::string_view> EnvironmentNames() { return kNames; }

std::optional<std::string_view> CanonicalEnvironment(std::string_view name) {
  name = Trim(name);
  for (const Spelling& s : kSpellings) {
    if (EqualsIgnoreCase(name, s.canonical)) return s.canonical;
    for (std::string_view a : s.aliases) {
      if (!a.empty() && EqualsIgnoreCase(name, a)) return s.canonical;
    }
  }
  return std::nullopt;
}

std::string AcceptedEnvironmentsText() {
  std::vector<std::string> parts;
  for (const Spelling& s : kSpellings) {
    std::vector<std::string_view> aliases;
    for (std::string_view a : s.aliases) {
      if (!a.empty()) aliases.push_back(a);
    }
    parts.push_back(std::string(s.canonical) + " (" + Join(aliases, ", ") + ")");
  }
  return Join(parts, "; ");
}

bool RuleAppliesTo(std::span<const std::string> rule_envs, std::string_view env) {
  if (rule_envs.empty()) return true;
  for (const std::string& e : rule_envs) {
    if (e == env || (e == kNonProduction && env != "production")) return true;
  }
  return false;
}

std::string EnvironmentsPhrase(std::span<const std::string> rule_envs) {
  std::vector<std::string> parts;
  for (const std::string& e : rule_envs) {
    parts.push_back(e == kNonProduction
                        ? std::string("non-production (staging, test, development or sandbox)")
                        : e);
  }
  return Join(parts, ", ", " or ");
}

std::string ResourceEnvironment(const Resource& resource, std::span<const Resource> all) {
  if (const Value* v = TagEnvironmentValue(resource.body)) return FromTag(v);
  if (resource.body != nullptr && resource.body->Find("tags") != nullptr) return "";
  // A child resource (Microsoft.Web/sites/config) carries no tags of its own: its parent's.
  std::size_t type_slash = resource.type.rfind('/');
  std::size_t name_slash = resource.name.rfind('/');
  if (type_slash == std::string::npos || name_slash == std::string::npos ||
      resource.type.find('/') == type_slash) {
    return "";
  }
  std::string_view parent_type(resource.type.data(), type_slash);
  std::string_view parent_name(resource.name.data(), name_slash);
  for (const Resource& r : all) {
    if (EqualsIgnoreCase(r.type, parent_type) && EqualsIgnoreCase(r.name, parent_name)) {
      return ResourceEnvironment(r, all);
    }
  }
  return "";
}

}  // namespace armlint::internal
