// The rule ids a config or a suppression may name: every built-in id (read from the build-time
// tables, never copied) and the ids of the other rules a rule set loaded.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace armlint::internal {

class LazyRules;

class RuleIdList {
 public:
  // Only the built-in ids.
  RuleIdList() = default;
  // The built-in ids and `others` (any order; built-in ids among them are ignored).
  explicit RuleIdList(std::vector<std::string> others);

  // Adds the ids of `lazy` (read from it, not copied).
  void Add(std::shared_ptr<const LazyRules> lazy) { lazy_.push_back(std::move(lazy)); }

  bool contains(std::string_view id) const;
  // Every id, sorted (for suggestions and listings: made on each call).
  std::vector<std::string_view> Sorted() const;
  std::size_t size() const;

 private:
  std::vector<std::string> others_;  // sorted, none built in
  std::vector<std::shared_ptr<const LazyRules>> lazy_;
};

}  // namespace armlint::internal
