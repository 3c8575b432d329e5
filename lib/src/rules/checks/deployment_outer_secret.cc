// deployment-outer-secret: a nested deployment whose inline template is evaluated in the outer
// scope (properties.expressionEvaluationOptions.scope absent or "outer") and references a
// securestring/secureobject parameter of the template around it (PSRule
// Azure.Deployment.OuterSecret; Learn "Expression evaluation scope in nested templates",
// learn.microsoft.com/azure/azure-resource-manager/templates/linked-templates#expression-evaluation-scope-in-nested-templates):
// the secure value is expanded into the nested template, which the deployment history shows in
// clear text. Inner-scope nested templates are walked in turn, with their own parameters.
#include <string>
#include <string_view>
#include <vector>

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

void Visit(const Value& tmpl, const Rule& rule, std::vector<Hit>& out, int depth) {
  if (depth > 16) return;
  const Value* resources = tmpl.Find("resources");
  if (resources == nullptr) return;
  absl::flat_hash_set<std::string> secure = checks::SecureParameters(tmpl);
  auto visit_resource = [&](const Value& r) {
    if (!r.is_object()) return;
    const Value* type = r.Find("type");
    if (type == nullptr || !type->is_string() ||
        !EqualsIgnoreCase(type->string_value(), "Microsoft.Resources/deployments")) {
      return;
    }
    const Value* props = r.Find("properties");
    const Value* inner = props != nullptr && props->is_object() ? props->Find("template") : nullptr;
    if (inner == nullptr || !inner->is_object()) return;
    bool inner_scope = false;
    if (const Value* options = props->Find("expressionEvaluationOptions");
        options != nullptr && options->is_object()) {
      const Value* scope = options->Find("scope");
      inner_scope = scope != nullptr && scope->is_string() &&
                    EqualsIgnoreCase(scope->string_value(), "inner");
    }
    if (inner_scope) {
      Visit(*inner, rule, out, depth + 1);
      return;
    }
    if (secure.empty()) return;
    const Value* found = nullptr;
    checks::ForEachString(*inner, [&](const Value& s) {
      if (found == nullptr && checks::IsExpression(s.string_value()) &&
          checks::ReferencesSecure(s.string_value(), secure)) {
        found = &s;
      }
    });
    if (found == nullptr) return;
    std::string name;
    if (const Value* n = r.Find("name"); n != nullptr && n->is_string()) {
      name = std::string(n->string_value());
    }
    out.push_back(checks::MakeHit(
        rule, found->pos(),
        Cat("nested deployment '", name,
            "' evaluates its template in the outer scope and uses a secure parameter")));
  };
  if (resources->is_array()) {
    for (const Value* r : resources->items()) visit_resource(*r);
  } else if (resources->is_object()) {
    for (const Member& m : resources->members()) visit_resource(*m.value);
  }
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  Visit(*tmpl, rule, out, 0);
}

}  // namespace

extern const NativeCheck kDeploymentOuterSecret{
    "deployment-outer-secret", Run,
    "a nested deployment in the outer evaluation scope whose template uses a secure parameter"};

}  // namespace armlint::internal
