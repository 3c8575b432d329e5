// template-unused-variable: a template variable that no expression references (arm-ttk
// "Variables Must Be Referenced"). References are variables('name') calls anywhere in the file.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"

namespace armlint::internal {
namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  checks::ReportUnreferenced(context, rule, out, "variables", "variable");
}

}  // namespace

extern const NativeCheck kTemplateUnusedVariable{"template-unused-variable", Run,
                                                 "a template variable that nothing references"};

}  // namespace armlint::internal
