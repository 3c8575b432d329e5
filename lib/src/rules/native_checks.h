// Native checks: template-level rules a condition cannot express, written in C++, in the manner
// of clang-tidy's checks. A check is named by its rule id and lives in one file,
// rules/checks/<rule_id>.cc, which defines its descriptor:
//
//   extern const NativeCheck kOutputsNoSecrets{"outputs-no-secrets", Run, "summary"};
//
// plus one line in the alphabetical table of rules/native_checks.cc (no self-registration). Its
// metadata is the rule file rules/<pillar>/<rule-id>.json with "check": "<rule-id>"; a check
// that takes options also names their parser here and reads them from the config's
// `rules.options.<rule-id>` (rules/check_options.h).
#pragma once

#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

#include "rules/check_context.h"
#include "rules/check_options.h"
#include "rules/rule.h"

namespace armlint::internal {

// Appends a Hit (rule = `rule`, anchor = the offending value, resource = null or the resource)
// for every violation in `context`.
using NativeCheckFn = void (*)(const CheckContext& context, const Rule& rule,
                               std::vector<Hit>& out);

// Reads a check's options (see rules/check_options.h).
using CheckOptionsParser =
    absl::StatusOr<std::shared_ptr<const CheckOptions>> (*)(CheckOptionsReader& reader);

struct NativeCheck {
  std::string_view name;  // the rule id
  NativeCheckFn run;
  std::string_view summary;                    // one line, for docs
  CheckOptionsParser parse_options = nullptr;  // null: the check takes no options
};

// All native checks, sorted by name.
std::span<const NativeCheck* const> NativeChecks();
const NativeCheck* FindNativeCheck(std::string_view name);

}  // namespace armlint::internal
