// Date functions (in progress).
#include "arm/function_table.h"

namespace armlint::internal {

void RegisterDateFunctions(FunctionTable&) {}

}  // namespace armlint::internal
