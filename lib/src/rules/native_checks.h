// Native checks: template-level rules a condition cannot express, written in C++. Each lives in
// rules/checks/<name>.cc and has one line in the alphabetical table of native_checks.cc; its
// metadata is a rule file with "check": "<name>".
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "rules/rule_set.h"

namespace armlint::internal {

// Appends a Hit (rule = `rule`, anchor = the offending value, resource = null or the resource)
// for every violation in `context`.
using NativeCheckFn = void (*)(const CheckContext& context, const Rule& rule,
                               std::vector<Hit>& out);

struct NativeCheck {
  std::string_view name;
  NativeCheckFn run;
  std::string_view summary;  // one line, for docs
};

// All native checks, sorted by name.
std::span<const NativeCheck> NativeChecks();
const NativeCheck* FindNativeCheck(std::string_view name);

// The checks themselves (rules/checks/*.cc).
void CheckAdminUsernameLiteral(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckApiVersionAge(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckCommandToExecuteSecrets(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckHardcodedLocation(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckOutputsSecrets(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckRequiredTags(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckSecretParameterType(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckSecureParameterDefault(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckUnusedParameter(const CheckContext&, const Rule&, std::vector<Hit>&);
void CheckUnusedVariable(const CheckContext&, const Rule&, std::vector<Hit>&);

}  // namespace armlint::internal
