// The compiled condition tree shared by the compiler (condition_compile.cc) and the evaluator
// (condition.cc). Private to rules/.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "json/value.h"
#include "rules/field_path.h"
#include "rules/operators.h"

namespace armlint::internal {

struct ConditionNode {
  enum class Kind : std::uint8_t { kAllOf, kAnyOf, kNot, kField, kValue, kCount };
  Kind kind = Kind::kAllOf;
  std::vector<std::unique_ptr<ConditionNode>> children;  // allOf, anyOf, not (one)

  // kField: the path. kValue: `literal`, or a path when the value is [field()] / [current()].
  FieldPath path;
  const Value* literal = nullptr;
  bool value_is_path = false;

  // kCount: over `path` (a field count, or a value count of [field()]/[current()]) or over the
  // literal array `literal` (value count). Each element is pushed as scope `scope` while
  // `where` (may be null: count every element) is evaluated.
  bool count_of_field = false;
  int scope = -1;
  std::unique_ptr<ConditionNode> where;

  std::optional<Predicate> predicate;  // leaves and counts
  // The operator's value when it is [field()] / [current()] rather than a literal.
  bool rhs_is_path = false;
  FieldPath rhs_path;
  int specificity = 0;         // of the evidence a leaf provides
  bool property_path = false;  // path under `properties` (or a count element)
};

}  // namespace armlint::internal
