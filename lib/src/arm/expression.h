// The parsed form of an ARM template expression: an arena-allocated tree of calls, literals,
// member and index accesses, each node carrying its offset inside the expression text.
//
//   Arena arena;
//   absl::StatusOr<const Expr*> e = ParseExpression("concat('a', parameters('b'))", arena);
//   // (*e)->kind == ExprKind::kCall, (*e)->name == "concat", (*e)->args.size() == 2
//
// Offsets in error messages ("at character N") are 1-based positions in the JSON string value
// that holds the expression, its opening '[' being character 1. The parser is
// arm/expression_parser.h, the evaluator arm/evaluator.h.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "json/value.h"

namespace armlint::internal {

struct ArmFunction;

enum class ExprKind : std::uint8_t {
  kLiteral,  // 'text', 12, -3, true, false, null
  kCall,     // name(args...) or ns.name(args...)
  kMember,   // target.name
  kIndex,    // target[args[0]]
};

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  std::uint32_t offset = 0;           // byte offset in the expression text (0-based)
  const Value* literal = nullptr;     // kLiteral
  std::string_view name;              // kCall: function name as written; kMember: member name
  std::string_view ns;                // kCall: namespace of a user-defined function, else empty
  const Expr* target = nullptr;       // kMember, kIndex
  std::span<const Expr* const> args;  // kCall: arguments; kIndex: the index expression
  const ArmFunction* fn = nullptr;    // kCall: the built-in function, null when not built in
};

// "at character N" for a byte offset inside the expression text (see the file comment).
std::uint32_t ExprCharacter(std::uint32_t offset);

}  // namespace armlint::internal
