// Policy definitions before any resource is seen (see policy_static.h).
#include "policy/policy_static.h"

#include "arm/evaluator.h"
#include "arm/expression_parser.h"
#include "rules/condition.h"
#include "rules/operators.h"
#include "util/expression_syntax.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Below this depth the type filter is searched with keywords in any case and parameters
// substituted; deeper, as written (a type filter sits near the top of a rule).
constexpr int kTypeFilterDepth = 8;

// The member of `c` named `key` in any case (the first such member), or exactly as written
// when `exact`.
const Value* Member(const Value& c, std::string_view key, bool exact) {
  if (exact) return c.Find(key);
  for (const struct Member& m : c.members()) {
    if (EqualsIgnoreCase(m.key, key)) return m.value;
  }
  return nullptr;
}

// `v` at nesting `depth` with its parameter expression evaluated (when not too deep).
const Value* Resolve(const Document& doc, const Value* v, const PolicyParameters& params,
                     int depth) {
  if (v == nullptr || depth > kTypeFilterDepth || !v->is_string()) return v;
  absl::StatusOr<const Value*> r = Static(doc, *v, params);
  return r.ok() ? *r : v;
}

std::optional<std::vector<std::string>> TypesAt(const Document& doc, const Value& c,
                                                const PolicyParameters& params, int depth) {
  if (!c.is_object()) return std::nullopt;
  const bool exact = depth > kTypeFilterDepth;
  const Value* all = Resolve(doc, Member(c, "allOf", exact), params, depth + 1);
  if (all != nullptr && all->is_array()) {
    for (const Value* child : all->items()) {
      if (auto t = TypesAt(doc, *Resolve(doc, child, params, depth + 2), params, depth + 2)) {
        return t;
      }
    }
    return std::nullopt;
  }
  const Value* any = Resolve(doc, Member(c, "anyOf", exact), params, depth + 1);
  if (any != nullptr && any->is_array()) {
    std::vector<std::string> out;
    if (any->items().empty()) return std::nullopt;
    for (const Value* child : any->items()) {
      auto t = TypesAt(doc, *Resolve(doc, child, params, depth + 2), params, depth + 2);
      if (!t) return std::nullopt;
      out.insert(out.end(), t->begin(), t->end());
    }
    return out;
  }
  const Value* field = Resolve(doc, Member(c, "field", exact), params, depth + 1);
  if (field == nullptr || !field->is_string() || !EqualsIgnoreCase(field->string_value(), "type")) {
    return std::nullopt;
  }
  auto ok = [](const Value* v) {
    return v != nullptr && v->is_string() && !v->string_value().empty() &&
           v->string_value().front() != '[' && v->string_value().find('/') != std::string::npos;
  };
  if (const Value* eq = Resolve(doc, Member(c, "equals", exact), params, depth + 1); ok(eq)) {
    return std::vector<std::string>{ToLower(eq->string_value())};
  }
  if (const Value* like = Resolve(doc, Member(c, "like", exact), params, depth + 1); ok(like)) {
    return std::vector<std::string>{ToLower(like->string_value())};
  }
  const Value* written = Member(c, "in", exact);
  const Value* in = Resolve(doc, written, params, depth + 1);
  if (in != nullptr && in->is_array() && !in->items().empty()) {
    std::vector<std::string> out;
    for (const Value* t : in->items()) {
      // Items of a list written out are substituted; those of an evaluated parameter are not.
      if (in == written) t = Resolve(doc, t, params, depth + 2);
      if (!ok(t)) return std::nullopt;
      out.push_back(ToLower(t->string_value()));
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace

const Value* Key(const Value* obj, std::string_view key) {
  return obj != nullptr && obj->is_object() ? obj->Find(key) : nullptr;
}

std::string Str(const Value* v) {
  return v != nullptr && v->is_string() ? std::string(v->string_value()) : std::string();
}

// A string that may be a policy expression over the parameters, evaluated (static only).
absl::StatusOr<const Value*> Static(const Document& doc, const Value& v,
                                    const PolicyParameters& params) {
  if (!v.is_string() || !IsExpression(v.string_value())) {
    if (v.is_string() && StartsWithIgnoreCase(v.string_value(), "[[")) {
      return Value::String(doc.arena(), v.string_value().substr(1), v.anchor());
    }
    return &v;
  }
  std::string_view s = v.string_value();
  absl::StatusOr<const Expr*> e = ParseExpression(s.substr(1, s.size() - 2), doc.arena());
  if (!e.ok()) return doc.ErrorAt(v.pos(), MessageOf(e.status()));
  PolicyEnv env(&params);
  absl::StatusOr<const Value*> r = EvaluatePolicyExpression(**e, env, doc.arena(), v.anchor());
  if (!r.ok()) return doc.ErrorAt(v.pos(), MessageOf(r.status()));
  return *r;
}

// Whether the condition is an allOf with a member comparing two different literals (a control
// no resource can meet).
bool NeverTrue(const Value& cond) {
  const Value* all = Key(&cond, "allOf");
  if (all == nullptr || !all->is_array()) return false;
  for (const Value* c : all->items()) {
    const Value* v = Key(c, "value");
    const Value* eq = Key(c, "equals");
    if (v == nullptr || eq == nullptr || c->members().size() != 2) continue;
    bool literal = !(v->is_string() && IsExpression(v->string_value())) &&
                   !(eq->is_string() && IsExpression(eq->string_value()));
    if (literal && LooseEquals(*v, *eq) == Tri::kFalse) return true;
  }
  return false;
}

std::optional<std::vector<std::string>> TypesOf(const Document& doc, const Value& c,
                                                const PolicyParameters& params) {
  return TypesAt(doc, c, params, 0);
}

}  // namespace armlint::internal
