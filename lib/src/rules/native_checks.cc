// The table of native checks: one line per check, sorted by rule id (no self-registration).
// Each line names the descriptor that rules/checks/<rule_id>.cc defines.
#include "rules/native_checks.h"

namespace armlint::internal {

// clang-format off
#define ARMLINT_NATIVE_CHECKS(X)     \
  X(kAdminUsernameNotLiteral)        \
  X(kApiVersionRecent)               \
  X(kApimCorsAnyOrigin)              \
  X(kApimPolicyBase)                 \
  X(kAppgwHttpRedirect)              \
  X(kCommandToExecuteProtected)      \
  X(kDeploymentOuterSecret)          \
  X(kDiagnosticLogsEnabled)          \
  X(kDnsZoneDnssec)                  \
  X(kFrontdoorManagedIdentity)       \
  X(kLbNatManagementPortsInternet)   \
  X(kLinkedTemplateNotEvaluated)     \
  X(kLocationNotHardcoded)           \
  X(kNsgManagementPortsInternet)     \
  X(kOutputsNoSecrets)               \
  X(kResourceNameValid)              \
  X(kResourceRequiredTags)           \
  X(kResourceTypeVersionExists)      \
  X(kSecretParameterNotSecure)       \
  X(kSecureParameterLiteralDefault)  \
  X(kTemplateUnusedParameter)        \
  X(kTemplateUnusedVariable)         \
  X(kVmCustomDataCredentials)
// clang-format on

#define ARMLINT_DECLARE_CHECK(descriptor) extern const NativeCheck descriptor;
ARMLINT_NATIVE_CHECKS(ARMLINT_DECLARE_CHECK)
#undef ARMLINT_DECLARE_CHECK

namespace {

#define ARMLINT_CHECK_ADDRESS(descriptor) &descriptor,
constexpr const NativeCheck* kChecks[] = {ARMLINT_NATIVE_CHECKS(ARMLINT_CHECK_ADDRESS)};
#undef ARMLINT_CHECK_ADDRESS

}  // namespace

std::span<const NativeCheck* const> NativeChecks() { return kChecks; }

const NativeCheck* FindNativeCheck(std::string_view name) {
  for (const NativeCheck* c : kChecks) {
    if (c->name == name) return c;
  }
  return nullptr;
}

}  // namespace armlint::internal
