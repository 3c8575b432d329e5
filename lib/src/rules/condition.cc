// Evaluates compiled conditions over a resource in three-valued logic, keeping the evidence
// (the value that decided the outcome) for the finding's location.
#include "rules/condition.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"

#include "rules/condition_evidence.h"
#include "rules/condition_node.h"
#include "rules/source_text.h"
#include "rules/stored_default.h"
#include "util/limits.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

using Node = ConditionNode;
using evidence::Evidence;
using evidence::kRuleValueUnknown;
using evidence::Legacy;
using evidence::Prefer;
using evidence::Reach;
using evidence::Result;
using evidence::UnknownReason;
using evidence::Unsafe;

// What a path selects: most paths select one value, so no allocation is needed for them.
using Values = absl::InlinedVector<const Value*, 4>;
// Where each selected value is reported: the value as written, or, below a value an expression
// computed ("[variables('origins')]"), that expression in the resource rather than the variable
// it read.
using Anchors = absl::InlinedVector<Anchor, 4>;

class ConditionEvaluator {
 public:
  ConditionEvaluator(const Resource& r, const Value** scopes) : r_(r), outer_(r), scopes_(scopes) {}
  ConditionEvaluator(const Resource& r, const Resource& outer, const Value** scopes)
      : r_(r), outer_(outer), scopes_(scopes) {}

  Result Eval(const Node& n);

  // For policy expressions evaluated per resource (set when the condition has any).
  Arena* arena = nullptr;
  const PolicyParameters* parameters = nullptr;
  const AliasTable* aliases = nullptr;
  // Missing properties read as their platform defaults (ConditionOptions::platform_defaults).
  bool platform_defaults = false;
  // A path selected more than limits::kMaxFieldValues values: the outcome is unknown.
  mutable bool exhausted = false;

 private:
  // The value of a policy expression for this resource (Unknown when it cannot be evaluated).
  const Value* Expression(const Node& n, const Expr& e, Anchor at);
  const Value* FieldFunction(const Node& n, std::string_view path, Anchor at);

  // Appends what `path` selects: nullptr for a missing value; nothing for a [*] over a missing
  // or empty array.
  // An absent value's anchor in `ats` is its nearest existing ancestor; a null one's, the null
  // (or the expression that evaluated to null). `reach` (optional) tells where a walk that
  // selected nothing stopped.
  void Resolve(const FieldPath& path, Values& out, Anchors* ats = nullptr,
               Reach* reach = nullptr) const;
  void Walk(const Value* v, const std::vector<PathStep>& steps, std::size_t i, Values& out,
            Anchors* ats, Anchor expr_at, Anchor parent_at, Reach* reach) const;
  Result Leaf(const Node& n);
  Result Count(const Node& n);

  const Resource& r_;
  const Resource& outer_;  // existenceCondition: the `if` resource, for [field()]
  const Value** scopes_;
};

// The apiVersion of a resource as written (empty when absent or not a string).
std::string_view ApiVersion(const Resource& r) {
  const Value* v = r.body != nullptr ? r.body->Find("apiVersion") : nullptr;
  return v != nullptr && v->is_string() ? v->string_value() : std::string_view();
}

// What a read-only property (one Azure fills in) is in a template that does not set it.
const Value* PlatformFilled() {
  static const Value* v = [] {
    static Arena* arena = new Arena();
    return Value::Unknown(*arena, "a read-only property: Azure fills it in at deployment",
                          Anchor{});
  }();
  return v;
}

// The steps of `path` for resource `r`: an alias of another type selects nothing (null).
// `read_only` tells whether the alias's path is one Azure fills in.
const std::vector<PathStep>* StepsFor(const FieldPath& path, const Resource& r,
                                      bool* read_only = nullptr) {
  if (path.alias_targets.empty() || path.root != FieldRoot::kBody) return &path.steps;
  std::string lower;
  const std::string* type = &r.type_lower;
  if (type->empty()) {
    lower = ToLower(r.type);
    type = &lower;
  }
  for (const AliasStep& a : path.alias_targets) {
    if (a.type_lower != *type) continue;
    if (read_only != nullptr) *read_only = a.read_only;
    if (!a.versioned.empty()) {
      std::string_view v = ApiVersion(r);
      for (const auto& [versions, steps] : a.versioned) {
        for (const std::string& ver : versions) {
          if (EqualsIgnoreCase(ver, v)) return &steps;
        }
      }
    }
    return &a.steps;
  }
  return nullptr;
}

void ConditionEvaluator::Walk(const Value* v, const std::vector<PathStep>& steps, std::size_t i,
                              Values& out, Anchors* ats, Anchor expr_at, Anchor parent_at,
                              Reach* reach) const {
  auto push = [&](const Value* x, Anchor missing_at = Anchor{}) {
    if (out.size() >= limits::kMaxFieldValues) {
      exhausted = true;
      return;
    }
    out.push_back(x);
    if (ats) ats->push_back(expr_at.known() ? expr_at : x ? x->anchor() : missing_at);
  };
  for (; i < steps.size(); ++i) {
    if (i > 0 && v != nullptr && !expr_at.known() && v->from_expression()) expr_at = v->anchor();
    if (v == nullptr || v->is_null()) {
      // Absent: where it would be added (its parent, or the expression that computed the
      // parent). Null as written, or an expression that evaluated to null: that value.
      Anchor at = v != nullptr ? v->anchor() : parent_at;
      // A [*] below a missing value selects nothing; otherwise the field is missing.
      for (std::size_t j = i; j < steps.size(); ++j) {
        if (steps[j].kind == PathStep::Kind::kWildcard) {
          if (reach != nullptr && !reach->at.known()) {
            *reach = Reach{expr_at.known() ? expr_at : at, false};
          }
          return;
        }
      }
      push(nullptr, at);
      return;
    }
    if (v->is_unknown()) break;  // what lies below an unknown value is unknown
    parent_at = v->anchor();
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
        if (v->items().empty() && reach != nullptr && !reach->at.known()) {
          *reach = Reach{expr_at.known() ? expr_at : v->anchor(), true};
        }
        for (const Value* item : v->items()) {
          if (exhausted) return;
          Walk(item, steps, i + 1, out, ats, expr_at, v->anchor(), reach);
        }
        return;
    }
  }
  if (!steps.empty() && v != nullptr && !expr_at.known() && v->from_expression()) {
    expr_at = v->anchor();
  }
  push(v, parent_at);
}

void ConditionEvaluator::Resolve(const FieldPath& path, Values& out, Anchors* ats,
                                 Reach* reach) const {
  const Resource& r_ = path.outer ? outer_ : this->r_;
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
    case FieldRoot::kPlatform:
      start = r_.platform;
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
  bool read_only = false;
  const std::vector<PathStep>* steps =
      path.root == FieldRoot::kBody ? StepsFor(path, r_, &read_only) : &path.steps;
  if (steps == nullptr) {
    // An alias of another resource type: the field is missing ([*]: nothing selected).
    if (!path.has_wildcard) {
      out.push_back(nullptr);
      if (ats) ats->push_back(Anchor{});
    }
    return;
  }
  std::size_t before = out.size();
  Walk(start, *steps, 0, out, ats, Anchor{}, r_.anchor, reach);
  if (read_only && std::all_of(out.begin() + static_cast<std::ptrdiff_t>(before), out.end(),
                               [](const Value* v) { return v == nullptr || v->is_null(); })) {
    // Not in the template: Azure fills it in, so what it will be is unknown.
    out.resize(before);
    if (ats) ats->resize(before);
    out.push_back(PlatformFilled());
    if (ats) ats->push_back(r_.anchor);
    return;
  }
  if (platform_defaults && out.size() == before + 1 && out[before] == nullptr) {
    // Missing from the template: the stored resource shows the platform's default.
    if (const Value* d = StoredDefault(r_, ApiVersion(r_), *steps)) {
      out[before] = d;
      if (ats) (*ats)[ats->size() - 1] = r_.anchor;
    }
  }
}

const Value* ConditionEvaluator::FieldFunction(const Node& n, std::string_view text, Anchor at) {
  absl::StatusOr<FieldPath> p =
      ParseAliasedFieldPath(text, aliases != nullptr ? *aliases : AliasTable::Builtin());
  if (!p.ok()) return Value::Unknown(*arena, arena->Copy(MessageOf(p.status())), at);
  // Inside a field count's `where`, a path under the counted array reads the current element.
  for (std::size_t i = n.scope_refs.size(); i-- > 0;) {
    const ConditionNode::ScopeRef& s = n.scope_refs[i];
    if (s.field_count && PathHasPrefix(p->steps, s.absolute)) {
      p->root = FieldRoot::kScope;
      p->scope = static_cast<int>(i);
      p->steps.erase(p->steps.begin(),
                     p->steps.begin() + static_cast<std::ptrdiff_t>(s.absolute.size()));
      p->alias_targets.clear();
      break;
    }
  }
  Values values;
  Resolve(*p, values);
  bool many = false;
  for (const PathStep& st : p->steps) many |= st.kind == PathStep::Kind::kWildcard;
  if (!many) {
    const Value* v = values.empty() ? nullptr : values[0];
    return v != nullptr ? v : Value::Null(*arena, at);
  }
  std::vector<const Value*> items;
  for (const Value* v : values) {
    if (v != nullptr) items.push_back(v);
  }
  return Value::Array(*arena, items, at);
}

const Value* ConditionEvaluator::Expression(const Node& n, const Expr& e, Anchor at) {
  if (arena == nullptr) return nullptr;
  PolicyEnv env(parameters);
  env.api_version = std::string(ApiVersion(r_));
  env.field = [&](std::string_view path, Arena&, Anchor a) -> absl::StatusOr<const Value*> {
    return FieldFunction(n, path, a);
  };
  env.current = [&](std::string_view name, bool has_name, Arena& a,
                    Anchor where) -> absl::StatusOr<const Value*> {
    int index = -1;
    if (!has_name) {
      index = static_cast<int>(n.scope_refs.size()) - 1;
    } else {
      absl::StatusOr<FieldPath> p =
          ParseAliasedFieldPath(name, aliases != nullptr ? *aliases : AliasTable::Builtin());
      for (std::size_t i = n.scope_refs.size(); i-- > 0 && index < 0;) {
        const ConditionNode::ScopeRef& s = n.scope_refs[i];
        if (!s.field_count && EqualsIgnoreCase(s.name, name)) index = static_cast<int>(i);
        if (s.field_count && p.ok() && PathHasPrefix(p->steps, s.absolute)) {
          if (p->steps.size() > s.absolute.size()) {
            // current('list[*].x'): `x` of the current element.
            FieldPath rel;
            rel.root = FieldRoot::kScope;
            rel.scope = static_cast<int>(i);
            rel.steps.assign(p->steps.begin() + static_cast<std::ptrdiff_t>(s.absolute.size()),
                             p->steps.end());
            Values values;
            Resolve(rel, values);
            const Value* v = values.size() == 1 ? values[0] : nullptr;
            return v != nullptr ? v : Value::Null(a, where);
          }
          index = static_cast<int>(i);
        }
      }
    }
    if (index < 0) {
      return absl::InvalidArgumentError(Cat("current('", name, "') names no enclosing count"));
    }
    const Value* v = scopes_[index];
    return v != nullptr ? v : Value::Null(a, where);
  };
  absl::StatusOr<const Value*> r = EvaluatePolicyExpression(e, env, *arena, at);
  if (!r.ok()) return Value::Unknown(*arena, arena->Copy(MessageOf(r.status())), at);
  return *r;
}

Result ConditionEvaluator::Leaf(const Node& n) {
  const Predicate& p = *n.predicate;
  const Value* rhs = nullptr;
  if (n.rhs_unknown) return Result{Tri::kUnknown, {}, {}, kRuleValueUnknown};
  if (n.rhs_is_path) {
    Values r;
    Resolve(n.rhs_path, r);
    rhs = r.size() == 1 ? r[0] : nullptr;  // a [*] path is no single value
  } else if (n.rhs_expr != nullptr) {
    rhs = Expression(n, *n.rhs_expr, r_.anchor);
  }
  bool dynamic = n.rhs_is_path || n.rhs_expr != nullptr;
  auto apply = [&](const Value* v) { return dynamic ? p.ApplyDynamic(v, rhs) : p.Apply(v); };
  // Why `t` is unknown: the value read, else what it was compared with.
  auto why = [&](Tri t, const Value* v) {
    if (t != Tri::kUnknown) return std::string_view();
    std::string_view r = UnknownReason(v);
    if (r.empty() && dynamic) r = UnknownReason(rhs);
    return r;
  };
  if (n.kind == Node::Kind::kValue && (n.value_expr != nullptr || !n.value_is_path)) {
    const Value* v = n.value_expr != nullptr ? Expression(n, *n.value_expr, r_.anchor) : n.literal;
    Tri t = apply(v);
    return Result{t, {}, {}, why(t, v)};
  }
  Values values;
  Anchors ats;
  Reach reach;
  Resolve(n.path, values, &ats, &reach);
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
      e = Evidence{ats[k], n.specificity, false, n.property_path && p.op() != Op::kExists,
                   v,      Unsafe(p.op())};
    } else {
      e = Evidence{ats[k], n.specificity, true, n.property_path, nullptr};
    }
    if (t == Tri::kFalse) return Result{Tri::kFalse, e, Legacy(e)};
    if (t == Tri::kUnknown && res.t == Tri::kTrue) {
      res.t = Tri::kUnknown;
      res.ev = e;
      res.why = why(t, v);
    }
    if (t == Tri::kTrue && !have_true) {
      have_true = true;
      first_true = e;
    }
  }
  if (res.t == Tri::kTrue) res.ev = first_true;
  res.legacy = Legacy(res.ev);
  if (values.empty() && reach.at.known()) {
    // Nothing selected: the empty array, or where the absent one would be added.
    res.ev = Evidence{reach.at, n.specificity, !reach.present, n.property_path, nullptr};
  }
  return res;
}

Result ConditionEvaluator::Count(const Node& n) {
  Values items;
  Anchors ats;
  Reach reach;
  if (n.count_of_field) {
    Resolve(n.path, items, &ats, &reach);
  } else {
    const Value* arr = n.literal;
    if (n.value_expr != nullptr) {
      arr = Expression(n, *n.value_expr, r_.anchor);
    } else if (n.value_is_path) {
      Values v;
      Resolve(n.path, v);
      arr = v.size() == 1 ? v[0] : nullptr;
    }
    if (arr != nullptr && arr->is_unknown()) {
      return Result{Tri::kUnknown, {}, {}, UnknownReason(arr)};
    }
    if (arr != nullptr && arr->is_array()) {
      items.assign(arr->items().begin(), arr->items().end());
    }
  }
  std::int64_t yes = 0, maybe = 0;
  Evidence ev, first_match, legacy_match;
  std::string_view maybe_why;
  for (std::size_t k = 0; k < items.size(); ++k) {
    const Value* item = items[k];
    if (item == nullptr) continue;
    // An element of an array an expression computed is reported at that expression.
    bool computed = k < ats.size() && ats[k].pos != item->pos();
    Anchor item_at = computed ? ats[k] : item->anchor();
    if (item->is_unknown()) {
      if (maybe++ == 0) maybe_why = UnknownReason(item);
      continue;
    }
    if (n.where == nullptr) {
      ++yes;
      if (!ev.anchor.known()) {
        ev = Evidence{item_at, n.specificity, false, n.property_path, nullptr};
      }
      continue;
    }
    scopes_[n.scope] = item;
    Result w = Eval(*n.where);
    if (w.t == Tri::kTrue) {
      ++yes;
      if (first_match.specificity < 0) {
        const Evidence whole{item_at, n.specificity, false, n.property_path, nullptr};
        // An absent field of the element points where it would be added inside the element.
        first_match = (w.ev.specificity >= 0 && w.ev.anchor.known() && !computed) ? w.ev : whole;
        legacy_match =
            (w.legacy.specificity >= 0 && !w.legacy.missing && !computed) ? w.legacy : whole;
      }
    } else if (w.t == Tri::kUnknown) {
      if (maybe++ == 0) maybe_why = w.why;
    }
  }
  // A count compared with a value computed per resource ([length(field('...'))]).
  const Predicate* pred = &*n.predicate;
  std::optional<Predicate> computed;
  if (n.rhs_unknown) return Result{Tri::kUnknown, {}, {}, kRuleValueUnknown};
  if (n.rhs_is_path || n.rhs_expr != nullptr) {
    const Value* rhs = nullptr;
    if (n.rhs_expr != nullptr) {
      rhs = Expression(n, *n.rhs_expr, r_.anchor);
    } else {
      Values r;
      Resolve(n.rhs_path, r);
      rhs = r.size() == 1 ? r[0] : nullptr;
    }
    if (rhs == nullptr || rhs->is_null()) return Result{Tri::kFalse, {}};
    if (rhs->is_unknown()) return Result{Tri::kUnknown, {}, {}, UnknownReason(rhs)};
    absl::StatusOr<Predicate> p = Predicate::Compile(n.predicate->op(), *rhs);
    if (!p.ok()) return Result{Tri::kFalse, {}};
    computed.emplace(std::move(*p));
    pred = &*computed;
  }
  // The count lies in [yes, yes + maybe]: decided only if the operator agrees on all of them.
  Tri t = pred->ApplyCount(yes);
  for (std::int64_t k = yes + 1; k <= yes + maybe && t != Tri::kUnknown; ++k) {
    if (pred->ApplyCount(k) != t) t = Tri::kUnknown;
  }
  Result res{t, first_match.specificity >= 0 ? first_match : ev,
             first_match.specificity >= 0 ? legacy_match : ev};
  if (t == Tri::kUnknown) res.why = maybe_why;
  if (res.ev.specificity < 0 && reach.at.known()) {
    // Nothing counted: the empty array, or where the absent one would be added.
    res.ev = Evidence{reach.at, n.specificity, !reach.present, n.property_path, nullptr};
  }
  return res;
}

Result ConditionEvaluator::Eval(const Node& n) {
  switch (n.kind) {
    case Node::Kind::kNot: {
      Result r = Eval(*n.children[0]);
      r.t = TriNot(r.t);
      r.ev.unsafe = !r.ev.unsafe;  // not {"in": [safe values]}: the value is not a safe one
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
      Result decided, rest;
      bool have_decided = false;
      std::string_view why;
      for (const auto& child : n.children) {
        Result r = Eval(*child);
        if (r.t == decisive) {
          if (!have_decided) {
            decided = Result{};
            have_decided = true;
          }
          Prefer(decided, r);
        } else if (!have_decided) {
          Prefer(rest, r);
        }
        if (r.t == Tri::kUnknown && why.empty()) why = r.why;
        acc = all ? TriAnd(acc, r.t) : TriOr(acc, r.t);
      }
      Result& chosen = have_decided ? decided : rest;
      return Result{acc, chosen.ev, chosen.legacy, acc == Tri::kUnknown ? why : std::string_view()};
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
  return EvaluateRelated(resource, resource);
}

ConditionResult Condition::EvaluateRelated(const Resource& resource, const Resource& outer) const {
  const Value* scopes[limits::kMaxConditionDepth + 1] = {};
  ConditionEvaluator e(resource, outer, scopes);
  e.platform_defaults = platform_defaults_;
  std::optional<Arena> arena;
  if (dynamic_) {
    arena.emplace();
    e.arena = &*arena;
    e.parameters = parameters_.get();
    e.aliases = aliases_;
  }
  Result r = e.Eval(*root_);
  if (e.exhausted) {
    ConditionResult out;
    out.outcome = Tri::kUnknown;
    out.note = Cat("(a field path selects more than ", limits::kMaxFieldValues,
                   " values: kMaxFieldValues)");
    out.unknown_reason = Cat("a field path selects more than ", limits::kMaxFieldValues, " values");
    return out;
  }
  ConditionResult out;
  out.outcome = r.t;
  out.anchor = r.ev.anchor;
  out.identity_anchor = r.legacy.anchor;
  out.missing = r.ev.missing;
  out.value = r.ev.value;
  out.specificity = r.ev.specificity;
  if (r.t == Tri::kUnknown) {
    out.unknown_reason = r.why.empty() ? "a value is not known offline" : std::string(r.why);
  }
  return out;
}

}  // namespace armlint::internal
