// The compiled condition tree shared by the compiler (condition_compile.cc) and the evaluator
// (condition.cc). Private to rules/.
#pragma once

#include <memory>
#include <optional>
#include <vector>

#include "arm/expression.h"
#include "json/value.h"
#include "rules/field_path.h"
#include "rules/operators.h"

namespace armlint::internal {

namespace limits {
// Values one condition's field path may select ([*] paths multiply: a.b[*].c[*].d[*] over a
// value that shares sub-values can stand for billions): past it the outcome is unknown. (Here
// rather than in util/limits.h: only condition evaluation uses it.)
inline constexpr std::size_t kMaxFieldValues = 1u << 20;
}  // namespace limits

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
  // Policy expressions that read the resource, evaluated per resource: the `value` operand (or
  // a value count's array) and the operator's value.
  const Expr* value_expr = nullptr;
  const Expr* rhs_expr = nullptr;
  // The count scopes visible at this node, for current() inside such expressions.
  struct ScopeRef {
    bool field_count = false;
    std::vector<PathStep> absolute;
    std::string name;
  };
  std::vector<ScopeRef> scope_refs;
  // The operand or the operator's value is Unknown (an expression nothing offline can know).
  bool rhs_unknown = false;
  int specificity = 0;         // of the evidence a leaf provides
  bool property_path = false;  // path under `properties` (or a count element)
};

}  // namespace armlint::internal
