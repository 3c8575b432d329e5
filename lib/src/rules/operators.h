// Condition operators of the Azure Policy rule language, compiled once per rule.
//
// Semantics follow https://learn.microsoft.com/azure/governance/policy/concepts/
// definition-structure-policy-rule#conditions:
//   - string comparisons are case-insensitive, except `match`/`notMatch` (and `regex`);
//   - `like`: `*` matches any run of characters; `match`: `#` a digit, `?` a letter, `.` any
//     character, anything else itself, over the whole string;
//   - `less`...`greaterOrEquals` compare numbers numerically and strings ordinally ignoring case
//     (ISO dates therefore compare as dates); a number and a numeric string compare as numbers;
//     other type mixes are false (Azure Policy raises an error);
//   - `in`/`notIn` take an array; `exists` takes true/false ("true"/"false" accepted);
//   - equality coerces a string against a bool or number by text ("true" equals true, "1" 1).
// Missing fields (absent or JSON null; DESIGN.md): every positive operator is false and its
// negation true; `exists: false` is true. An Unknown field gives kUnknown for every operator but
// `exists` (an unknown expression is still a written property) and the source operators.
// armlint additions: `regex`/`notRegex` (RE2, unanchored search: anchor with ^...$),
// `writtenAs` and `expressionCalls` (source-aware, see docs/rule-language.md).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "re2/re2.h"

#include "json/value.h"
#include "rules/tri.h"

namespace armlint::internal {

enum class Op : std::uint8_t {
  kEquals,
  kNotEquals,
  kLike,
  kNotLike,
  kMatch,
  kNotMatch,
  kMatchInsensitively,
  kNotMatchInsensitively,
  kContains,
  kNotContains,
  kIn,
  kNotIn,
  kContainsKey,
  kNotContainsKey,
  kLess,
  kLessOrEquals,
  kGreater,
  kGreaterOrEquals,
  kExists,
  kRegex,
  kNotRegex,
  kWrittenAs,
  kExpressionCalls,
};

// Operator by its rule-file name (exact case, as Azure Policy writes them).
std::optional<Op> ParseOp(std::string_view name);
std::string_view OpName(Op op);
// All operator names, for "did you mean" and docs.
const std::vector<std::string_view>& OpNames();

// How a value was written in the template (operator `writtenAs`).
enum class WrittenAs : std::uint8_t { kLiteral, kExpression, kParameterReference };

// A `like` or `match` pattern, compiled.
struct WildcardPattern {
  enum class Kind : std::uint8_t { kLike, kMatch };
  Kind kind = Kind::kLike;
  bool case_insensitive = true;
  std::vector<std::string> pieces;  // like: literal runs between '*' (lower-cased)
  std::string pattern;              // match: the pattern (lower-cased when insensitive)
  bool Matches(std::string_view s) const;
  // A case-insensitive `like` pattern: "Microsoft.Web/*" -> pieces {"microsoft.web/", ""}.
  static WildcardPattern Like(std::string_view text);
};

// One operator with its right-hand side compiled.
class Predicate {
 public:
  // `rhs` must outlive the predicate (it lives in the rule document). Errors are
  // InvalidArgument messages about the value (the caller adds the position).
  static absl::StatusOr<Predicate> Compile(Op op, const Value& rhs);
  // An operator whose right-hand side is computed per evaluation ([field()], [current()]):
  // only operators that need no compiled pattern (equals, in, contains, containsKey, less...).
  static absl::StatusOr<Predicate> CompileDynamic(Op op);

  Op op() const { return op_; }
  const Value* rhs() const { return rhs_; }

  // Applies the operator to `lhs`: nullptr (or JSON null) is a missing field.
  // `rhs` overrides the compiled right-hand side (dynamic predicates); nullptr there is missing.
  Tri Apply(const Value* lhs) const;
  Tri ApplyDynamic(const Value* lhs, const Value* rhs) const;
  // A count compared with the operator (equals, in, less, ... of a number).
  Tri ApplyCount(std::int64_t n) const;
  // Source-aware operators: `written` is how the value at `lhs` was written (nullopt: missing),
  // `source_text` the template text of the value as written (may be empty).
  Tri ApplySource(std::optional<WrittenAs> written, std::string_view source_text) const;

  Predicate(Predicate&&) = default;
  Predicate& operator=(Predicate&&) = default;

 private:
  Predicate() = default;
  Tri ApplyPositive(const Value& lhs, const Value& rhs) const;

  Op op_ = Op::kEquals;
  const Value* rhs_ = nullptr;
  bool negated_ = false;  // the positive operator's result is inverted
  bool exists_ = true;
  WrittenAs written_ = WrittenAs::kLiteral;
  WildcardPattern wildcard_;
  std::unique_ptr<RE2> re_;
};

// Equality as conditions use it: case-insensitive strings, numeric numbers, string/scalar
// coercion by text, deep for arrays and objects. Unknown anywhere -> kUnknown.
Tri LooseEquals(const Value& a, const Value& b);

// Whether the ARM expression text (starting at '[') calls a function whose name matches the
// `like` pattern `fn` (case-insensitive; "list*" matches listKeys, listSecrets...).
bool ExpressionCalls(std::string_view expression, const WildcardPattern& fn);

}  // namespace armlint::internal
