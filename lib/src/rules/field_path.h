// Field paths of rule conditions ("properties.rules[*].port", "tags['env']", aliases), parsed
// once at rule load into steps that evaluation follows without any string parsing.
//
// Forms (Azure Policy, https://learn.microsoft.com/azure/governance/policy/concepts/
// definition-structure-policy-rule#fields):
//   name, fullName, type, id          computed by the resource model (name = last segment)
//   location, kind, apiVersion, ...   top-level members of the resource body
//   tags, tags.<name>, tags['<name>'], tags[<name>]   (everything after "tags." is the tag name)
//   identity.type, sku.name, properties.a.b, properties.list[*].x, a['b.c'], a[0]
//   <Namespace>/<type>[/<child>...]/<path>   an alias: see ParseFieldPath.
//   platform.<fact>                   armlint's facts about what the resource's SKU, plan or
//                                     size allows (resources/platform_facts.h); not a member
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "knowledge/aliases.h"

namespace armlint::internal {

struct PathStep {
  enum class Kind : std::uint8_t { kKey, kWildcard, kIndex };
  Kind kind = Kind::kKey;
  std::string key;        // kKey
  std::size_t index = 0;  // kIndex
};

enum class FieldRoot : std::uint8_t {
  kBody,      // steps start at the resource object
  kName,      // Resource::name_value (last segment of the name)
  kFullName,  // Resource::full_name_value
  kType,      // Resource::type_value
  kId,        // Resource::id_value
  kScope,     // steps start at the current element of an enclosing `count` (scope index)
  kPlatform,  // Resource::platform: facts derived from the SKU tables (platform.<fact>)
};

// An alias looked up in an alias table: the path it stands for on one resource type.
struct AliasStep {
  std::string type_lower;
  std::vector<PathStep> steps;
  // Per-API-version paths: the steps used when the resource's apiVersion is listed.
  std::vector<std::pair<std::vector<std::string>, std::vector<PathStep>>> versioned;
  // Read-only in the type's schema: absent from a template, its value is unknown, not missing.
  bool read_only = false;
};

struct FieldPath {
  FieldRoot root = FieldRoot::kBody;
  int scope = -1;  // kScope: index in the evaluation's scope stack
  std::vector<PathStep> steps;
  std::string text;  // as written, for messages and docs
  bool has_wildcard = false;
  // An alias resolved through a table (ParseAliasedFieldPath): `steps` are those of the first
  // target; evaluation takes the target of the resource's type (none: the field is missing,
  // as an alias of another type is in Azure Policy) and its apiVersion.
  std::vector<AliasStep> alias_targets;
  // [field('...')] inside an existenceCondition: the resource of the policy's `if`, not the
  // related resource being tested.
  bool outer = false;
};

// Parses `text` as Azure Policy does: a plain path (properties.x, tags['a'], name, ...) as
// ParseFieldPath, an alias (<Namespace>/<type>/<path>) looked up in `aliases` (never guessed).
// An unknown alias is InvalidArgument "unknown alias '...' (did you mean '...'?)".
// How the message of an alias whose resource type no table knows begins after the alias.
inline constexpr std::string_view kNoAliasType = "the alias table has no resource type";

absl::StatusOr<FieldPath> ParseAliasedFieldPath(std::string_view text, const AliasTable& aliases);

// Parses `text`. Aliases: a path containing '/' is read as `<resource type>/<property path>`;
// the part after the last '/' is the property path, resolved under `properties` unless its first
// segment is a top-level member of a resource (sku, kind, location, tags, identity, plan, zones,
// extendedLocation, managedBy, apiVersion, name, type, id). So
// `Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly` is `properties.
// supportsHttpsTrafficOnly` and `Microsoft.Network/networkSecurityGroups/securityRules[*]` is
// `properties.securityRules[*]`. Aliases whose real mapping differs from the plain property
// path (those that step into `properties` of sub-resources) resolve to the plain path only.
// Errors are InvalidArgument with a message to be placed at the path's position.
absl::StatusOr<FieldPath> ParseFieldPath(std::string_view text);

// Whether `prefix`'s steps begin `path`'s steps (keys compared case-insensitively).
bool PathHasPrefix(const std::vector<PathStep>& path, const std::vector<PathStep>& prefix);

// How specific evidence at this path is, for choosing a finding's anchor: 0 for `type` (a
// filter every rule has, never evidence), 1 for name/fullName/id, otherwise the number of steps.
int PathSpecificity(const FieldPath& path);

}  // namespace armlint::internal
