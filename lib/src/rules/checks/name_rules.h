// The naming rules resource-name-valid checks (Learn, "Naming rules and restrictions for Azure
// resources",
// https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules): one row
// per type with its length range and the pattern of its "Valid characters" column, and a matcher
// for those patterns that needs no regex engine.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace armlint::internal::checks {

struct NameRule {
  std::string_view type;  // lower-cased resource type
  int min;
  int max;
  std::string_view pattern;  // ECMAScript regex over the whole last name segment
  std::string_view valid;    // the rule, as Learn words it
};

// The rows, sorted by type.
const std::vector<NameRule>& NameRules();

// A NameRule pattern, matched against a whole name. The patterns have one of three shapes, in
// which [X] is a character class of single characters and ranges:
//   [M]*                     every character in M
//   [F](?!.*--)?[M]*         the first in F, the others in M
//   [F](?!.*--)?([M]*[L])?   the first in F, the last (of two or more) in L, the others in M
// where (?!.*--) forbids "--". Compiled from the pattern text once, matched in one pass.
class NamePattern {
 public:
  // Nullopt when `pattern` is not of these shapes.
  static std::optional<NamePattern> Parse(std::string_view pattern);
  bool Matches(std::string_view name) const;

 private:
  std::string_view first_;   // empty: none (shape 1)
  std::string_view middle_;  // class contents: "a-zA-Z0-9_.-"
  std::string_view last_;    // empty: none (shapes 1 and 2)
  bool no_double_hyphen_ = false;
};

}  // namespace armlint::internal::checks
