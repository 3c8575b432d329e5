// Evaluates expression trees: function calls through the FunctionTable, member and index
// access, Unknown propagation, secret taint and the evaluation budget.
#include "arm/evaluator.h"

#include <cassert>
#include <string>

#include "absl/container/inlined_vector.h"
#include "absl/strings/cord.h"
#include "absl/strings/str_join.h"

#include "util/limits.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

constexpr char kOffsetPayload[] = "armlint/expression-offset";

bool IsSecretArg(const Value& v) {
  if (v.secure()) return true;
  if (v.is_array() || v.is_object()) return ContainsSecure(v);
  return false;
}

// Errors of a call with a secure argument may quote it ("cannot convert 'p@ss' to an
// integer"): their message is replaced, keeping the code and payloads.
absl::StatusOr<const Value*> WithheldIfSecret(absl::StatusOr<const Value*> r, const Expr& e,
                                              std::uint8_t flags) {
  if (r.ok() || (flags & kFlagSecure) == 0) return r;
  absl::Status out(r.status().code(),
                   Cat("function '", e.ns, e.ns.empty() ? "" : ".", e.name,
                       "' failed on a secure value (details withheld so that it is not printed)"));
  r.status().ForEachPayload(
      [&out](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
  return out;
}

}  // namespace

absl::Status AtOffset(absl::Status s, std::uint32_t offset) {
  if (s.ok() || s.GetPayload(kOffsetPayload).has_value()) return s;
  absl::Status out(s.code(), Cat(MessageOf(s), " at character ", ExprCharacter(offset)));
  s.ForEachPayload(
      [&](absl::string_view url, const absl::Cord& payload) { out.SetPayload(url, payload); });
  out.SetPayload(kOffsetPayload, absl::Cord(Cat(offset)));
  return out;
}

absl::StatusOr<const Value*> AtOffset(absl::StatusOr<const Value*> r, std::uint32_t offset) {
  if (r.ok()) return r;
  return AtOffset(r.status(), offset);
}

// ---- CallContext ----

Arena& CallContext::arena() { return ev_.arena(); }
ExprEnv& CallContext::env() { return ev_.env(); }
const DeploymentContext& CallContext::deployment() {
  const DeploymentContext* d = ev_.env().Deployment();
  assert(d != nullptr && "EvalCall answers needs_deployment functions only with a deployment");
  return *d;
}
Anchor CallContext::at() const { return ev_.at(); }
void CallContext::Taint(const Value& v) {
  if (IsSecretArg(v)) flags_ |= kFlagSecure;
}

const Value* CallContext::Null() { return Value::Null(arena(), ev_.at(), flags_); }
const Value* CallContext::Bool(bool b) { return Value::Bool(arena(), b, ev_.at(), flags_); }
const Value* CallContext::Int(std::int64_t i) { return Value::Int(arena(), i, ev_.at(), flags_); }
const Value* CallContext::Double(double d) { return Value::Double(arena(), d, ev_.at(), flags_); }
const Value* CallContext::String(std::string_view s) {
  return Value::String(arena(), s, ev_.at(), flags_);
}
const Value* CallContext::Array(std::span<const Value* const> items) {
  return Value::Array(arena(), items, ev_.at(), flags_);
}
const Value* CallContext::Object(std::span<const Member> members) {
  return Value::Object(arena(), members, ev_.at(), flags_);
}
const Value* CallContext::Unknown(Kind hint, std::string_view reason) {
  if (reason.empty()) reason = "depends on a value unknown before deployment";
  return Value::Unknown(arena(), reason, ev_.at(), hint, flags_);
}
const Value* CallContext::Share(const Value* v) {
  if ((v->flags() & flags_) == flags_) return v;
  return Value::Reanchor(arena(), *v, v->anchor(), flags_);
}

std::string CallContext::Quote(std::string_view text) const {
  if ((flags_ & kFlagSecure) != 0) return "(a secure value)";
  return Cat("'", text, "'");
}

absl::Status CallContext::Error(std::string_view msg) const {
  return absl::InvalidArgumentError(Cat("function '", fn_.name, "': ", msg));
}

absl::Status CallContext::CheckSize(std::size_t n, std::size_t max, std::string_view what,
                                    std::string_view limit_name) const {
  if (n <= max) return absl::OkStatus();
  return absl::ResourceExhaustedError(Cat("function '", fn_.name, "' would produce ", what, " of ",
                                          n, ", over the limit of ", max, " (", limit_name, ")"));
}

absl::Status CallContext::Spend(std::int64_t n) { return ev_.Spend(n); }

absl::StatusOr<const Value*> CallContext::Eval(const Expr& e) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* v, ev_.Eval(e));
  Taint(*v);
  return v;
}

absl::StatusOr<Lambda> CallContext::GetLambda(const Expr& e, std::size_t params) {
  if (e.kind != ExprKind::kCall || !e.ns.empty() || !EqualsIgnoreCase(e.name, "lambda")) {
    return AtOffset(Error("expects a lambda('name', ...) expression as this argument"), e.offset);
  }
  if (e.args.size() != params + 1) {
    return AtOffset(
        Error(Cat("expects a lambda with ", params, params == 1 ? " parameter" : " parameters",
                  ", got ", e.args.size() - 1)),
        e.offset);
  }
  Lambda l;
  for (std::size_t i = 0; i < params; ++i) {
    const Expr& p = *e.args[i];
    if (p.kind != ExprKind::kLiteral || !p.literal->is_string()) {
      return AtOffset(Error("lambda parameter names must be string literals"), p.offset);
    }
    l.params.push_back(p.literal->string_value());
  }
  l.body = e.args[params];
  return l;
}

absl::StatusOr<const Value*> CallContext::Invoke(const Lambda& l,
                                                 std::span<const Value* const> values) {
  auto& scope = ev_.scope();
  std::size_t mark = scope.size();
  for (std::size_t i = 0; i < l.params.size(); ++i) scope.emplace_back(l.params[i], values[i]);
  absl::StatusOr<const Value*> r = ev_.Eval(*l.body);
  scope.resize(mark);
  if (r.ok()) Taint(**r);
  return r;
}

// ---- Evaluator ----

const Value* Evaluator::LambdaVariable(std::string_view name) const {
  for (std::size_t i = scope_.size(); i-- > 0;) {
    if (scope_[i].first == name) return scope_[i].second;
  }
  return nullptr;
}

absl::Status Evaluator::Spend(std::int64_t n) {
  budget_.steps += n;
  std::size_t bytes = arena_.bytes_allocated();
  if (budget_.arena_base == static_cast<std::size_t>(-1)) budget_.arena_base = bytes;
  if (bytes > budget_.arena_base && bytes - budget_.arena_base > limits::kMaxEvalBytes) {
    return absl::ResourceExhaustedError(Cat("evaluation allocated more than the limit of ",
                                            limits::kMaxEvalBytes,
                                            " bytes per template (kMaxEvalBytes)"));
  }
  if (budget_.steps <= limits::kMaxEvalSteps) return absl::OkStatus();
  return absl::ResourceExhaustedError(Cat("evaluation exceeded the limit of ",
                                          limits::kMaxEvalSteps,
                                          " steps per template (kMaxEvalSteps)"));
}

absl::StatusOr<const Value*> Evaluator::Eval(const Expr& e) {
  ARMLINT_RETURN_IF_ERROR(AtOffset(Spend(1), e.offset));
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal;
    case ExprKind::kCall: {
      absl::StatusOr<const Value*> r = EvalCall(e);
      if (r.ok() && (*r)->nodes() > limits::kMaxValueNodes) {
        return AtOffset(
            absl::ResourceExhaustedError(Cat("function '", e.name, "' produced a value of ",
                                             (*r)->nodes(), " nodes, over the limit of ",
                                             limits::kMaxValueNodes, " (kMaxValueNodes)")),
            e.offset);
      }
      return r;
    }
    case ExprKind::kMember:
      return EvalMember(e);
    case ExprKind::kIndex:
      return EvalIndex(e);
  }
  return absl::InternalError("bad expression node");
}

namespace {

std::string MemberNames(const Value& obj) {
  std::string out;
  for (const Member& m : obj.members()) {
    if (!out.empty()) out += ", ";
    AppendCat(out, "'", m.key, "'");
    if (out.size() > 200) {
      out += ", ...";
      break;
    }
  }
  return out;
}

const Value* Child(Arena& arena, const Value& parent, const Value* child) {
  if (parent.secure() && !child->secure()) {
    return Value::Reanchor(arena, *child, child->anchor(), kFlagSecure);
  }
  return child;
}

}  // namespace

absl::StatusOr<const Value*> Evaluator::EvalMember(const Expr& e) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* t, Eval(*e.target));
  if (t->is_unknown())
    return Value::Unknown(arena_, t->unknown_reason(), at_, Kind::kUnknown, t->flags());
  if (!t->is_object()) {
    return AtOffset(
        absl::InvalidArgumentError(Cat("cannot read property '", e.name, "' of ",
                                       KindName(t->kind()), t->is_null() ? "" : " value")),
        e.offset);
  }
  const Value* v = t->Find(e.name);
  if (v == nullptr) {
    return AtOffset(
        absl::InvalidArgumentError(Cat("property '", e.name, "' does not exist; the object has ",
                                       t->members().empty() ? "no properties" : MemberNames(*t))),
        e.offset);
  }
  return Child(arena_, *t, v);
}

absl::StatusOr<const Value*> Evaluator::EvalIndex(const Expr& e) {
  ARMLINT_ASSIGN_OR_RETURN(const Value* t, Eval(*e.target));
  ARMLINT_ASSIGN_OR_RETURN(const Value* ix, Eval(*e.args[0]));
  if (t->is_unknown() || ix->is_unknown()) {
    return Value::Unknown(arena_, t->is_unknown() ? t->unknown_reason() : ix->unknown_reason(), at_,
                          Kind::kUnknown, t->flags() | ix->flags());
  }
  if (t->is_array()) {
    if (!ix->is_int()) {
      return AtOffset(absl::InvalidArgumentError(
                          Cat("an array index must be an integer, got ", KindName(ix->kind()))),
                      e.offset);
    }
    std::int64_t i = ix->int_value();
    auto items = t->items();
    if (i < 0 || static_cast<std::uint64_t>(i) >= items.size()) {
      return AtOffset(
          absl::InvalidArgumentError(
              Cat("index ", i, " is out of range for an array of ", items.size(), " items")),
          e.offset);
    }
    return Child(arena_, *t, items[static_cast<std::size_t>(i)]);
  }
  if (t->is_object()) {
    if (!ix->is_string()) {
      return AtOffset(absl::InvalidArgumentError(
                          Cat("an object index must be a string, got ", KindName(ix->kind()))),
                      e.offset);
    }
    const Value* v = t->Find(ix->string_value());
    if (v == nullptr && ix->secure()) {
      return AtOffset(absl::InvalidArgumentError(
                          "a property named by a secure value does not exist (name withheld)"),
                      e.offset);
    }
    if (v == nullptr) {
      return AtOffset(absl::InvalidArgumentError(
                          Cat("property '", ix->string_value(), "' does not exist; the object has ",
                              t->members().empty() ? "no properties" : MemberNames(*t))),
                      e.offset);
    }
    return Child(arena_, *t, v);
  }
  return AtOffset(
      absl::InvalidArgumentError(Cat("cannot index into ", KindName(t->kind()), " value")),
      e.offset);
}

absl::StatusOr<const Value*> Evaluator::EvalCall(const Expr& e) {
  const ArmFunction* fn = e.fn;
  if (fn != nullptr && fn->lazy != nullptr) {
    CallContext ctx(*this, *fn, e, 0);
    return AtOffset(fn->lazy(ctx, e.args), e.offset);
  }
  absl::InlinedVector<const Value*, 6> args;
  args.reserve(e.args.size());
  for (const Expr* a : e.args) {
    ARMLINT_ASSIGN_OR_RETURN(const Value* v, Eval(*a));
    args.push_back(v);
  }
  std::uint8_t flags = 0;
  for (const Value* a : args) {
    if (IsSecretArg(*a)) flags |= kFlagSecure;
  }
  if (!e.ns.empty()) {
    return AtOffset(WithheldIfSecret(env_.CallUserFunction(e.ns, e.name, args), e, flags),
                    e.offset);
  }
  if (fn == nullptr || fn->needs_deployment) {
    absl::StatusOr<const Value*> host = env_.CallHostFunction(e.name, args, at_);
    if (!absl::IsNotFound(host.status())) {
      return AtOffset(WithheldIfSecret(std::move(host), e, flags), e.offset);
    }
  }
  if (fn == nullptr) {
    return AtOffset(absl::InvalidArgumentError(FunctionTable::Get().UnknownFunctionMessage(e.name)),
                    e.offset);
  }
  ARMLINT_RETURN_IF_ERROR(AtOffset(FunctionTable::CheckKinds(*fn, args), e.offset));
  CallContext ctx(*this, *fn, e, flags);
  if (fn->needs_deployment && env_.Deployment() == nullptr) {
    return ctx.Unknown(fn->result, "depends on the deployment, which is not known here");
  }
  if (fn->unknowns != UnknownPolicy::kSelf) {
    for (const Value* a : args) {
      bool unknown = fn->unknowns == UnknownPolicy::kDeep ? ContainsUnknown(*a) : a->is_unknown();
      if (unknown) {
        Kind hint = fn->result;
        if (fn->result_like_first && !args.empty()) {
          hint = args[0]->is_unknown() ? args[0]->unknown_kind() : args[0]->kind();
        }
        return ctx.Unknown(hint, a->is_unknown() ? a->unknown_reason() : std::string_view());
      }
    }
  }
  return AtOffset(WithheldIfSecret(fn->fn(ctx, args), e, flags), e.offset);
}

// ---- Entry points ----

absl::StatusOr<const Value*> EvaluateExpression(const Expr& expr, ExprEnv& env, Arena& arena,
                                                EvalBudget& budget, Anchor at) {
  Evaluator ev(env, arena, budget, at);
  ARMLINT_ASSIGN_OR_RETURN(const Value* v, ev.Eval(expr));
  return Value::Reanchor(arena, *v, at, kFlagFromExpression);
}

absl::StatusOr<const Value*> EvaluateStringValue(const Value& s, ExprEnv& env, Arena& arena,
                                                 EvalBudget& budget) {
  if (!s.is_string()) return &s;
  std::string_view text = s.string_value();
  if (!IsExpression(text)) {
    if (text.size() >= 3 && text[0] == '[' && text[1] == '[' && text.back() == ']') {
      return Value::StringView(arena, text.substr(1), s.anchor(), s.flags());
    }
    return &s;
  }
  ARMLINT_ASSIGN_OR_RETURN(const Expr* e, ParseExpression(text.substr(1, text.size() - 2), arena));
  return EvaluateExpression(*e, env, arena, budget, s.anchor());
}

}  // namespace armlint::internal
