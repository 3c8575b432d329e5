// The built-in rule files, embedded at build time by scripts/embed-rules.cmake (generated
// builtin_rules.cc): one entry per rules/**/*.json, sorted by path.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "util/embedded_file.h"

namespace armlint::internal {

extern const EmbeddedFile kBuiltinRuleFiles[];
extern const std::size_t kBuiltinRuleFileCount;

// What the rule set is indexed by, read from each rule file at build time (same order as
// kBuiltinRuleFiles): the rest of a rule file is parsed on the rule's first use.
struct BuiltinRuleEntry {
  std::string_view id;              // the file stem
  std::string_view resource_types;  // "resourceType" values as written, '\n'-separated
  bool check;                       // a native check ("check" instead of "if")
  std::string_view category;        // "category" as written
  std::string_view impact;          // "impact" as written
};
extern const BuiltinRuleEntry kBuiltinRuleIndex[];

// A lower-cased resource type (or wildcard pattern) and a rule that names it (an index into
// kBuiltinRuleIndex).
struct BuiltinTypeEntry {
  std::string_view type;
  std::uint16_t rule;
};

// Read-only lookup tables over kBuiltinRuleIndex, made at build time, so that a rule set
// binary-searches them instead of building maps at start. Each lists rule indices.
struct BuiltinRuleTables {
  std::span<const std::uint16_t> by_id;  // every rule, sorted by id
  // Condition rules by each resourceType without a wildcard, sorted by type (TypeOrder) then id
  // (a rule naming a type twice is listed twice; "Microsoft.Resources/subscriptions/
  // resourceGroups" is listed under "microsoft.resources/resourcegroups" too, as templates
  // write it).
  std::span<const BuiltinTypeEntry> by_type;
  // Condition rules by each wildcard resourceType, sorted by id (a rule's patterns as written).
  std::span<const BuiltinTypeEntry> by_pattern;
  std::span<const std::uint16_t> any_type;  // condition rules without resourceType, by id
  std::span<const std::uint16_t> native;    // native checks, by id
};
extern const BuiltinRuleTables kBuiltinRuleTables;

// The order of the types in BuiltinRuleTables::by_type: by length, then bytes (a lookup then
// compares most types by their lengths alone).
constexpr bool TypeOrder(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

// The index in kBuiltinRuleIndex of the built-in rule `id` (a binary search of by_id).
std::optional<std::size_t> FindBuiltinRule(std::string_view id);

}  // namespace armlint::internal
