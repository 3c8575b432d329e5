// admin-username-not-literal: an adminUsername (VM osProfile, scale sets, ...) that is a string
// literal (arm-ttk "adminUsername Should Not Be A Literal"): take it from a parameter. A literal
// stays a literal through variables('x') and, in an inline nested deployment with inner scope,
// through parameters('x') whose value the deployment sets to a literal: the finding is at the
// adminUsername and names where the literal is written.
#include "arm/expression.h"
#include "arm/expression_parser.h"
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/arena.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Where parameters() and variables() of a template resolve.
struct Scope {
  const Value* tmpl = nullptr;    // whose `variables` variables() reads
  const Value* values = nullptr;  // inner-scope deployment: its properties.parameters; else null
  const Scope* outer = nullptr;   // where `values` are evaluated
};

constexpr int kMaxIndirections = 16;

// The non-empty string literal that `v` amounts to in `scope`: `v` itself, or the literal that a
// whole-expression variables('x') or (inner scope) parameters('x') leads to; else null.
const Value* Literal(const Value* v, const Scope& scope, int depth) {
  if (v == nullptr || !v->is_string() || v->string_value().empty() || depth > kMaxIndirections) {
    return nullptr;
  }
  std::string_view s = v->string_value();
  if (!checks::IsExpression(s)) return v;
  Arena arena;
  absl::StatusOr<const Expr*> parsed = ParseExpression(s.substr(1, s.size() - 2), arena);
  if (!parsed.ok()) return nullptr;
  const Expr& e = **parsed;
  if (e.kind != ExprKind::kCall || !e.ns.empty() || e.args.size() != 1 ||
      e.args[0]->kind != ExprKind::kLiteral || !e.args[0]->literal->is_string()) {
    return nullptr;
  }
  std::string_view name = e.args[0]->literal->string_value();
  if (EqualsIgnoreCase(e.name, "variables")) {
    const Value* vars = scope.tmpl->Find("variables");
    return Literal(vars != nullptr && vars->is_object() ? vars->Find(name) : nullptr, scope,
                   depth + 1);
  }
  if (EqualsIgnoreCase(e.name, "parameters") && scope.values != nullptr && scope.outer) {
    const Value* p = scope.values->is_object() ? scope.values->Find(name) : nullptr;
    return Literal(p != nullptr && p->is_object() ? p->Find("value") : nullptr, *scope.outer,
                   depth + 1);
  }
  return nullptr;
}

struct Walk {
  const CheckContext& context;
  const Rule& rule;
  std::vector<Hit>& out;

  void Check(const Value& v, const Scope& scope) {
    const Value* literal = Literal(&v, scope, 0);
    if (literal == nullptr) return;
    if (literal == &v) {
      out.push_back(checks::MakeHit(rule, v.pos(), "adminUsername is a literal"));
      return;
    }
    out.push_back(
        checks::MakeHit(rule, v.pos(),
                        Cat("adminUsername is the literal '", literal->string_value(),
                            "' written at line ", context.doc->Position(literal->pos()).line)));
  }

  // adminUsername members anywhere in `v` but `skip` (child resources, nested templates).
  void Scan(const Value& v, const Value* skip_a, const Value* skip_b, const Scope& scope,
            int depth) {
    if (depth > 64) return;
    if (v.is_array()) {
      for (const Value* item : v.items()) Scan(*item, skip_a, skip_b, scope, depth + 1);
      return;
    }
    if (!v.is_object()) return;
    for (const Member& m : v.members()) {
      if (m.value == skip_a || m.value == skip_b) continue;
      if (EqualsIgnoreCase(m.key, "adminUsername")) Check(*m.value, scope);
      Scan(*m.value, skip_a, skip_b, scope, depth + 1);
    }
  }

  void Resources(const Value* resources, const Scope& scope, int depth) {
    if (resources == nullptr || depth > 64) return;
    if (resources->is_array()) {
      for (const Value* r : resources->items()) Resource(*r, scope, depth);
    } else if (resources->is_object()) {
      for (const Member& m : resources->members()) Resource(*m.value, scope, depth);
    }
  }

  void Resource(const Value& res, const Scope& scope, int depth) {
    if (!res.is_object()) return;
    const Value* children = res.Find("resources");
    const Value* props = res.Find("properties");
    const Value* inner = props != nullptr ? props->Find("template") : nullptr;
    if (inner != nullptr && !inner->is_object()) inner = nullptr;
    Scan(res, children, inner, scope, 0);
    Resources(children, scope, depth + 1);
    if (inner == nullptr) return;
    // expressionEvaluationOptions.scope "inner": the nested template has its own parameters
    // (set by the deployment's `parameters`) and variables; else it reads the parent's.
    const Value* options = props->Find("expressionEvaluationOptions");
    const Value* s = options != nullptr ? options->Find("scope") : nullptr;
    if (s != nullptr && s->is_string() && EqualsIgnoreCase(s->string_value(), "inner")) {
      Resources(inner->Find("resources"), Scope{inner, props->Find("parameters"), &scope},
                depth + 1);
    } else {
      Resources(inner->Find("resources"), scope, depth + 1);
    }
  }
};

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  Walk walk{context, rule, out};
  walk.Resources(tmpl->Find("resources"), Scope{tmpl, nullptr, nullptr}, 0);
}

}  // namespace

extern const NativeCheck kAdminUsernameNotLiteral{
    "admin-username-not-literal", Run,
    "an adminUsername that is a string literal, directly or through variables and nested "
    "deployments' parameter values"};

}  // namespace armlint::internal
