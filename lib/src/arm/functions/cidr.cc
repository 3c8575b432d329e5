// Cidr functions (in progress).
#include "arm/function_table.h"

namespace armlint::internal {

void RegisterCidrFunctions(FunctionTable&) {}

}  // namespace armlint::internal
