// Evaluates compiled conditions over a resource in three-valued logic, keeping the evidence
// (the value that decided the outcome) for the finding's location.
#include "rules/condition.h"

#include <algorithm>

#include "absl/container/inlined_vector.h"

#include "rules/condition_node.h"
#include "rules/source_text.h"
#include "rules/str.h"
#include "util/limits.h"

namespace armlint::internal {
namespace {

using Node = ConditionNode;

// What a path selects: most paths select one value, so no allocation is needed for them.
using Values = absl::InlinedVector<const Value*, 4>;
// Where each selected value is reported: the value as written, or, below a value an expression
// computed ("[variables('origins')]"), that expression in the resource rather than the variable
// it read.
using Anchors = absl::InlinedVector<Anchor, 4>;

struct Evidence {
  Anchor anchor;
  int specificity = -1;   // -1: none
  bool missing = false;   // decided by an absent field: report the resource
  bool property = false;  // a value under `properties`
};

struct Result {
  Tri t = Tri::kFalse;
  Evidence ev;
};

// Keeps the more specific evidence; on a tie the later one (rules name the resource type first
// and the offending property after it).
// Which evidence names the offence: a present value under `properties` first, then an absent
// field (reported at the resource), then other present values (kind, sku, location: usually
// filters); within a rank the later member (rules name the filters first and the offending
// property after them).
int Rank(const Evidence& e) { return e.missing ? 1 : e.property ? 2 : 0; }

void Prefer(Evidence& best, const Evidence& e) {
  if (e.specificity <= 0 || (!e.anchor.known() && !e.missing)) return;
  if (best.specificity <= 0 || Rank(e) > Rank(best) || Rank(e) == Rank(best)) {
    best = e;
  }
}

class Evaluator {
 public:
  Evaluator(const Resource& r, const Value** scopes) : r_(r), scopes_(scopes) {}

  Result Eval(const Node& n);

 private:
  // Appends what `path` selects: nullptr for a missing value; nothing for a [*] over a missing
  // or empty array.
  void Resolve(const FieldPath& path, Values& out, Anchors* ats = nullptr) const;
  void Walk(const Value* v, const std::vector<PathStep>& steps, std::size_t i, Values& out,
            Anchors* ats, Anchor expr_at) const;
  Result Leaf(const Node& n);
  Result Count(const Node& n);

  const Resource& r_;
  const Value** scopes_;
};

void Evaluator::Walk(const Value* v, const std::vector<PathStep>& steps, std::size_t i, Values& out,
                     Anchors* ats, Anchor expr_at) const {
  auto push = [&](const Value* x) {
    out.push_back(x);
    if (ats) ats->push_back(expr_at.known() ? expr_at : x ? x->anchor() : Anchor{});
  };
  for (; i < steps.size(); ++i) {
    if (i > 0 && v != nullptr && !expr_at.known() && v->from_expression()) expr_at = v->anchor();
    if (v == nullptr || v->is_null()) {
      // A [*] below a missing value selects nothing; otherwise the field is missing.
      for (std::size_t j = i; j < steps.size(); ++j) {
        if (steps[j].kind == PathStep::Kind::kWildcard) return;
      }
      push(nullptr);
      return;
    }
    if (v->is_unknown()) break;  // what lies below an unknown value is unknown
    const PathStep& s = steps[i];
    switch (s.kind) {
      case PathStep::Kind::kKey:
        v = v->Find(s.key);
        break;
      case PathStep::Kind::kIndex:
        v = v->is_array() && s.index < v->items().size() ? v->items()[s.index] : nullptr;
        break;
      case PathStep::Kind::kWildcard:
        if (!v->is_array()) return;
        for (const Value* item : v->items()) Walk(item, steps, i + 1, out, ats, expr_at);
        return;
    }
  }
  if (!steps.empty() && v != nullptr && !expr_at.known() && v->from_expression()) {
    expr_at = v->anchor();
  }
  push(v);
}

void Evaluator::Resolve(const FieldPath& path, Values& out, Anchors* ats) const {
  const Value* start = nullptr;
  auto one = [&](const Value* v) {
    out.push_back(v);
    if (ats) ats->push_back(v ? v->anchor() : Anchor{});
  };
  switch (path.root) {
    case FieldRoot::kBody:
      start = r_.body;
      break;
    case FieldRoot::kScope:
      start = scopes_[path.scope];
      break;
    case FieldRoot::kName:
      one(r_.name_value ? r_.name_value : r_.body ? r_.body->Find("name") : nullptr);
      return;
    case FieldRoot::kFullName:
      one(r_.full_name_value ? r_.full_name_value : r_.body ? r_.body->Find("name") : nullptr);
      return;
    case FieldRoot::kType:
      one(r_.type_value ? r_.type_value : r_.body ? r_.body->Find("type") : nullptr);
      return;
    case FieldRoot::kId:
      one(r_.id_value ? r_.id_value : r_.body ? r_.body->Find("id") : nullptr);
      return;
  }
  Walk(start, path.steps, 0, out, ats, Anchor{});
}

Result Evaluator::Leaf(const Node& n) {
  const Predicate& p = *n.predicate;
  const Value* rhs = nullptr;
  if (n.rhs_is_path) {
    Values r;
    Resolve(n.rhs_path, r);
    rhs = r.size() == 1 ? r[0] : nullptr;  // a [*] path is no single value
  }
  auto apply = [&](const Value* v) { return n.rhs_is_path ? p.ApplyDynamic(v, rhs) : p.Apply(v); };
  if (n.kind == Node::Kind::kValue && !n.value_is_path) {
    return Result{apply(n.literal), {}};
  }
  Values values;
  Anchors ats;
  Resolve(n.path, values, &ats);
  bool source_op = p.op() == Op::kWrittenAs || p.op() == Op::kExpressionCalls;
  // [*]: every selected element must satisfy the operator (vacuously true when none is).
  Result res{Tri::kTrue, {}};
  Evidence first_true;
  bool have_true = false;
  for (std::size_t k = 0; k < values.size(); ++k) {
    const Value* v = values[k];
    Tri t;
    if (source_op) {
      SourceForm form = WrittenForm(v, r_);
      t = p.ApplySource(form.written, form.text);
    } else {
      t = apply(v);
    }
    Evidence e;
    if (v != nullptr && !v->is_null()) {
      // A value found by `exists: true` ranks with the filters: it is often a precondition.
      e = Evidence{ats[k], n.specificity, false, n.property_path && p.op() != Op::kExists};
    } else {
      e = Evidence{Anchor{}, n.specificity, true, n.property_path};
    }
    if (t == Tri::kFalse) return Result{Tri::kFalse, e};
    if (t == Tri::kUnknown && res.t == Tri::kTrue) {
      res.t = Tri::kUnknown;
      res.ev = e;
    }
    if (t == Tri::kTrue && !have_true) {
      have_true = true;
      first_true = e;
    }
  }
  if (res.t == Tri::kTrue) res.ev = first_true;
  return res;
}

Result Evaluator::Count(const Node& n) {
  Values items;
  Anchors ats;
  if (n.count_of_field) {
    Resolve(n.path, items, &ats);
  } else {
    const Value* arr = n.literal;
    if (n.value_is_path) {
      Values v;
      Resolve(n.path, v);
      arr = v.size() == 1 ? v[0] : nullptr;
    }
    if (arr != nullptr && arr->is_unknown()) return Result{Tri::kUnknown, {}};
    if (arr != nullptr && arr->is_array()) {
      items.assign(arr->items().begin(), arr->items().end());
    }
  }
  std::int64_t yes = 0, maybe = 0;
  Evidence ev, first_match;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Value* item = items[k];
    if (item == nullptr) continue;
    // An element of an array an expression computed is reported at that expression.
    bool computed = k < ats.size() && ats[k].pos != item->pos();
    Anchor item_at = computed ? ats[k] : item->anchor();
    if (item->is_unknown()) {
      ++maybe;
      continue;
    }
    if (n.where == nullptr) {
      ++yes;
      if (!ev.anchor.known()) ev = Evidence{item_at, n.specificity, false, n.property_path};
      continue;
    }
    scopes_[n.scope] = item;
    Result w = Eval(*n.where);
    if (w.t == Tri::kTrue) {
      ++yes;
      if (first_match.specificity < 0) {
        first_match = (w.ev.specificity >= 0 && !w.ev.missing && !computed)
                          ? w.ev
                          : Evidence{item_at, n.specificity, false, n.property_path};
      }
    } else if (w.t == Tri::kUnknown) {
      ++maybe;
    }
  }
  // The count lies in [yes, yes + maybe]: decided only if the operator agrees on all of them.
  Tri t = n.predicate->ApplyCount(yes);
  for (std::int64_t k = yes + 1; k <= yes + maybe && t != Tri::kUnknown; ++k) {
    if (n.predicate->ApplyCount(k) != t) t = Tri::kUnknown;
  }
  Result res{t, first_match.specificity >= 0 ? first_match : ev};
  return res;
}

Result Evaluator::Eval(const Node& n) {
  switch (n.kind) {
    case Node::Kind::kNot: {
      Result r = Eval(*n.children[0]);
      r.t = TriNot(r.t);
      return r;
    }
    case Node::Kind::kAllOf:
    case Node::Kind::kAnyOf: {
      // allOf: false if any member is false (even with unknowns), true if all are true.
      // anyOf: true if any member is true, false if all are false. The evidence comes from the
      // members that decided the outcome.
      bool all = n.kind == Node::Kind::kAllOf;
      Tri decisive = all ? Tri::kFalse : Tri::kTrue;
      Tri acc = all ? Tri::kTrue : Tri::kFalse;
      Evidence decided, rest;
      bool have_decided = false;
      for (const auto& child : n.children) {
        Result r = Eval(*child);
        if (r.t == decisive) {
          if (!have_decided) {
            decided = Evidence{};
            have_decided = true;
          }
          Prefer(decided, r.ev);
        } else if (!have_decided) {
          Prefer(rest, r.ev);
        }
        acc = all ? TriAnd(acc, r.t) : TriOr(acc, r.t);
      }
      return Result{acc, have_decided ? decided : rest};
    }
    case Node::Kind::kField:
    case Node::Kind::kValue:
      return Leaf(n);
    case Node::Kind::kCount:
      return Count(n);
  }
  return {};
}

}  // namespace

ConditionResult Condition::Evaluate(const Resource& resource) const {
  const Value* scopes[limits::kMaxConditionDepth + 1] = {};
  Evaluator e(resource, scopes);
  Result r = e.Eval(*root_);
  ConditionResult out;
  out.outcome = r.t;
  out.anchor = r.ev.anchor;
  out.specificity = r.ev.specificity;
  return out;
}

}  // namespace armlint::internal
