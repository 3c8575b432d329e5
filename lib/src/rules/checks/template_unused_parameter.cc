// template-unused-parameter: a template parameter that no expression references (arm-ttk
// "Parameters Must Be Referenced"). References are parameters('name') calls anywhere in the file.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"

namespace armlint::internal {
namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  checks::ReportUnreferenced(context, rule, out, "parameters", "parameter");
}

}  // namespace

extern const NativeCheck kTemplateUnusedParameter{"template-unused-parameter", Run,
                                                  "a template parameter that nothing references"};

}  // namespace armlint::internal
