// The evidence a condition's evaluation keeps: which value decided the outcome, where the
// finding points (an absent field: where it would be added), and why an outcome is unknown.
#pragma once

#include <string_view>

#include "json/value.h"
#include "rules/operators.h"
#include "rules/tri.h"

namespace armlint::internal::evidence {

struct Evidence {
  // Where the finding points: the value as written; for an absent field its nearest existing
  // ancestor, where the user would add it (unknown: the resource).
  Anchor anchor;
  int specificity = -1;          // -1: none
  bool missing = false;          // decided by an absent field
  bool property = false;         // a value under `properties`
  const Value* value = nullptr;  // the evaluated value that decided, when one is present
  // A present value that decided because it is not the safe one (notEquals, notIn, less...):
  // the offence itself rather than a filter (equals, in, like: "is a Windows image").
  bool unsafe = false;
};

struct Result {
  Tri t = Tri::kFalse;
  Evidence ev;
  // The evidence as chosen before findings pointed at where an absent field would be added:
  // an absent field at the resource, ranked below present properties. Baseline fingerprints
  // are computed from it, so that a moved location does not orphan a recorded finding.
  Evidence legacy;
  // Why the outcome is unknown (a view of a Value's reason; empty when not unknown or not
  // known).
  std::string_view why;
};

// Which evidence names the offence: a present property that is not the safe value, then a
// field under `properties` matched positively or absent (where it would be added), then
// another absent field (tags: the resource), then other present values (kind, sku, location:
// usually filters); within a rank the later member (rules name the filters first and the
// offending property after them).
int Rank(const Evidence& e);
// The ranks fingerprints were computed with: an absent field below a present property.
int LegacyRank(const Evidence& e);

// Keeps `e` in `best` when it names the offence at least as well.
void Prefer(Evidence& best, const Evidence& e, int (*rank)(const Evidence&) = Rank);
// Both evidences of `r`, each by its own ranks.
void Prefer(Result& best, const Result& r);

// Operators that hold when a value is not the safe one ("notEquals": "Deny", "less": 30).
bool Unsafe(Op op);

// The legacy form of evidence `e`: an absent field was reported at the resource.
Evidence Legacy(Evidence e);

// The reason of the first unknown value in `v` (depth first), or empty.
std::string_view UnknownReason(const Value* v, int depth = 0);

constexpr std::string_view kRuleValueUnknown = "the value the rule compares with is not known";

// Where a path's walk stopped when it selected nothing ([*] over an absent or empty array).
struct Reach {
  Anchor at;             // the array (present) or its nearest existing ancestor
  bool present = false;  // the array exists (and is empty)
};

}  // namespace armlint::internal::evidence
