// unused-variable: a template variable that no expression references (arm-ttk "Variables Must
// Be Referenced"). References are variables('name') calls anywhere in the file.
#include "rules/native_checks.h"
#include "rules/str.h"

namespace armlint::internal {

void CheckUnreferenced(const CheckContext& context, const Rule& rule, std::vector<Hit>& out,
                       std::string_view section, std::string_view what);

void CheckUnusedVariable(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  CheckUnreferenced(context, rule, out, "variables", "variable");
}

}  // namespace armlint::internal
