// Ranks the evidence of a condition's members and finds why an outcome is unknown.
#include "rules/condition_evidence.h"

namespace armlint::internal::evidence {

int Rank(const Evidence& e) {
  if (e.property && !e.missing && e.unsafe) return 3;
  return e.property ? 2 : e.missing ? 1 : 0;
}
int LegacyRank(const Evidence& e) { return e.missing ? 1 : e.property ? 2 : 0; }

void Prefer(Evidence& best, const Evidence& e, int (*rank)(const Evidence&)) {
  if (e.specificity <= 0 || (!e.anchor.known() && !e.missing)) return;
  if (best.specificity <= 0 || rank(e) >= rank(best)) best = e;
}

void Prefer(Result& best, const Result& r) {
  Prefer(best.ev, r.ev);
  Prefer(best.legacy, r.legacy, LegacyRank);
}

bool Unsafe(Op op) {
  switch (op) {
    case Op::kNotEquals:
    case Op::kNotLike:
    case Op::kNotMatch:
    case Op::kNotMatchInsensitively:
    case Op::kNotContains:
    case Op::kNotIn:
    case Op::kNotContainsKey:
    case Op::kNotRegex:
    case Op::kLess:
    case Op::kLessOrEquals:
    case Op::kGreater:
    case Op::kGreaterOrEquals:
      return true;
    default:
      return false;
  }
}

Evidence Legacy(Evidence e) {
  if (e.missing) e.anchor = Anchor{};
  return e;
}

std::string_view UnknownReason(const Value* v, int depth) {
  if (v == nullptr || depth > 32) return {};
  if (v->is_unknown()) {
    return v->unknown_reason().empty() ? std::string_view("a value is not known offline")
                                       : v->unknown_reason();
  }
  if (v->is_array()) {
    for (const Value* item : v->items()) {
      if (std::string_view r = UnknownReason(item, depth + 1); !r.empty()) return r;
    }
  } else if (v->is_object()) {
    for (const Member& m : v->members()) {
      if (std::string_view r = UnknownReason(m.value, depth + 1); !r.empty()) return r;
    }
  }
  return {};
}

}  // namespace armlint::internal::evidence
