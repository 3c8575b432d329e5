// The table of native checks: one line per check, sorted by name (no self-registration).
#include "rules/native_checks.h"

#include <array>

#include "rules/str.h"

namespace armlint::internal {
namespace {

constexpr std::array<NativeCheck, 10> kChecks = {{
    {"admin-username-literal", CheckAdminUsernameLiteral,
     "an adminUsername property written as a string literal"},
    {"api-version-age", CheckApiVersionAge,
     "a resource apiVersion older than 24 months (CheckContext::api_version_max_age_months)"},
    {"command-to-execute-secrets", CheckCommandToExecuteSecrets,
     "commandToExecute in an extension's public settings that uses secure parameters or list*()"},
    {"hardcoded-location", CheckHardcodedLocation,
     "a resource location written as a literal other than 'global'"},
    {"outputs-secrets", CheckOutputsSecrets,
     "an output whose value uses list*() or a secure parameter"},
    {"required-tags", CheckRequiredTags,
     "a taggable resource without a tag named in CheckContext::required_tags (config "
     "rules.options.requiredTags); silent when that list is empty"},
    {"secret-parameter-type", CheckSecretParameterType,
     "a parameter named like a password or secret that is not securestring/secureobject"},
    {"secure-parameter-default", CheckSecureParameterDefault,
     "a securestring/secureobject parameter with a literal default value"},
    {"unused-parameter", CheckUnusedParameter, "a template parameter that nothing references"},
    {"unused-variable", CheckUnusedVariable, "a template variable that nothing references"},
}};

}  // namespace

std::span<const NativeCheck> NativeChecks() { return kChecks; }

const NativeCheck* FindNativeCheck(std::string_view name) {
  for (const NativeCheck& c : kChecks) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace armlint::internal
