// Three-valued (Kleene) logic for rule outcomes: true, false, unknown.
#pragma once

#include <cstdint>

namespace armlint::internal {

// Three-valued outcome (Kleene logic).
enum class Tri : std::uint8_t { kFalse, kTrue, kUnknown };

inline Tri TriOf(bool b) { return b ? Tri::kTrue : Tri::kFalse; }

// not: unknown stays unknown.
inline Tri TriNot(Tri t) {
  if (t == Tri::kUnknown) return t;
  return t == Tri::kTrue ? Tri::kFalse : Tri::kTrue;
}

// and: false dominates unknown.
inline Tri TriAnd(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kTrue;
}

// or: true dominates unknown.
inline Tri TriOr(Tri a, Tri b) {
  if (a == Tri::kTrue || b == Tri::kTrue) return Tri::kTrue;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kFalse;
}

inline const char* TriName(Tri t) {
  return t == Tri::kTrue ? "true" : t == Tri::kFalse ? "false" : "unknown";
}

}  // namespace armlint::internal
