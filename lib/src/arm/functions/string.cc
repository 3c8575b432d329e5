// String functions (in progress).
#include "arm/function_table.h"

namespace armlint::internal {

void RegisterStringFunctions(FunctionTable&) {}

}  // namespace armlint::internal
