// Test helpers for the expression engine: a fake ExprEnv and a fixture that evaluates an
// expression and prints the result as compact JSON ("<unknown string>" for an Unknown,
// "error: ..." for an error), so function tests read as tables of documented outputs.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "arm/evaluator.h"
#include "arm/expression_parser.h"
#include "arm/functions/common.h"
#include "json/parser.h"
#include "json/value.h"
#include "util/arena.h"
#include "util/str_cat.h"

namespace armlint::internal::exprtest {

class FakeEnv : public ExprEnv {
 public:
  explicit FakeEnv(Arena&) {}

  std::map<std::string, const Value*> params;
  std::map<std::string, const Value*> vars;
  std::map<std::string, std::int64_t> loops;  // "" = innermost
  int context_calls = 0;

  absl::StatusOr<const Value*> Parameter(std::string_view name) override {
    auto it = params.find(std::string(name));
    if (it == params.end()) {
      return absl::InvalidArgumentError(Cat("parameter '", name, "' is not declared"));
    }
    return it->second;
  }
  absl::StatusOr<const Value*> Variable(std::string_view name) override {
    auto it = vars.find(std::string(name));
    if (it == vars.end()) {
      return absl::InvalidArgumentError(Cat("variable '", name, "' is not declared"));
    }
    return it->second;
  }
  absl::StatusOr<std::int64_t> CopyIndex(std::string_view loop) override {
    auto it = loops.find(std::string(loop));
    if (it == loops.end()) return absl::InvalidArgumentError("copyIndex() outside a copy loop");
    return it->second;
  }
  absl::StatusOr<const Value*> CallUserFunction(std::string_view ns, std::string_view name,
                                                std::span<const Value* const> args) override {
    if (ns == "test" && name == "first" && !args.empty()) return args[0];
    return absl::InvalidArgumentError(Cat("user function '", ns, ".", name, "' is not defined"));
  }
  // The deployment the scope and resource functions read; null when `no_deployment`.
  const DeploymentContext* Deployment() override {
    ++context_calls;
    return no_deployment ? nullptr : &deployment;
  }
  DeploymentContext deployment = [] {
    DeploymentContext d;
    d.resource_group = "rg";
    d.location = "westus";
    return d;
  }();
  bool no_deployment = false;
};

class ExprTest {
 public:
  Arena arena;
  FakeEnv env{arena};
  EvalBudget budget;

  // A value from JSON text (single quotes allowed for readability: 'a' -> "a").
  const Value* Json(std::string_view text, bool secure = false) {
    std::string s(text);
    for (char& c : s) {
      if (c == '\'') c = '"';
    }
    std::string_view kept = arena.Copy(s);
    ParseOutput out = ParseJson(kept, arena);
    if (out.root == nullptr) return Value::String(arena, Cat("bad test JSON: ", text), {});
    return secure ? Value::Reanchor(arena, *out.root, out.root->anchor(), kFlagSecure) : out.root;
  }
  void Param(std::string_view name, std::string_view json, bool secure = false) {
    env.params[std::string(name)] = Json(json, secure);
  }
  void Var(std::string_view name, std::string_view json) {
    env.vars[std::string(name)] = Json(json);
  }

  absl::StatusOr<const Value*> Eval(std::string_view expr) {
    std::string_view text = arena.Copy(expr);
    absl::StatusOr<const Expr*> e = ParseExpression(text, arena);
    if (!e.ok()) return e.status();
    return EvaluateExpression(**e, env, arena, budget, Anchor{100, 0});
  }

  // Compact JSON of the result; "<unknown KIND>" or "error: MESSAGE" otherwise.
  std::string Show(std::string_view expr) {
    absl::StatusOr<const Value*> v = Eval(expr);
    if (!v.ok()) return Cat("error: ", MessageOf(v.status()));
    if ((*v)->is_unknown()) return Cat("<unknown ", KindName((*v)->unknown_kind()), ">");
    return ToJson(**v);
  }
};

struct Case {
  const char* expr;
  const char* want;
};

}  // namespace armlint::internal::exprtest
