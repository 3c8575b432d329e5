// Rules a rule set makes on first need from an index of its own, besides the built-in rules
// (which builtin_rules.h indexes at build time): a policy cache's definitions. The rule set
// binary-searches the index instead of making, copying and sorting a Rule per entry at start.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/status.h"

#include "rules/rule.h"

namespace armlint::internal {

class LazyRules {
 public:
  virtual ~LazyRules() = default;
  // How many rules; a rule is named by its number, and the numbers are in id order (Id(i) <
  // Id(i + 1)).
  virtual std::uint32_t size() const = 0;
  virtual std::string_view Id(std::uint32_t i) const = 0;
  // The rules naming the lower-cased resource type `type` (no wildcard), ascending.
  virtual std::span<const std::uint32_t> OfType(std::string_view type) const = 0;
  // Each wildcard resourceType (lower-cased) with its rule, by rule number.
  virtual std::span<const std::pair<std::string_view, std::uint32_t>> Patterns() const = 0;
  // The rules without a resourceType, ascending.
  virtual std::span<const std::uint32_t> AnyType() const = 0;
  // The rule `i`: id and resource types set; the rest filled in by Rule::Load().
  virtual std::unique_ptr<Rule> Make(std::uint32_t i) const = 0;
  // The compiled condition rule `i` shares with other rules, evaluated as a policy's (with the
  // deployment), when it can be had without making the rule (a policy cache's payload); null
  // otherwise. A rule set passes over a rule whose shared condition is false for a resource
  // before making it.
  virtual const Condition* SharedCondition(std::uint32_t /*i*/) const { return nullptr; }
  // What a score needs of rule `i` (its pillar and impact, as the made rule would have them)
  // when it can be had without making the rule; nullopt otherwise.
  struct Brief {
    Category category = Category::kSecurity;
    Impact impact = Impact::kMedium;
  };
  virtual std::optional<Brief> BriefOf(std::uint32_t /*i*/) const { return std::nullopt; }
  // Problems found only when a rule was first used (a corrupt entry): InputErrors, said with
  // the findings.
  virtual std::vector<absl::Status> LateErrors() const { return {}; }
  // The rule numbered `id`, if any (a binary search).
  std::optional<std::uint32_t> Find(std::string_view id) const;
};

}  // namespace armlint::internal
