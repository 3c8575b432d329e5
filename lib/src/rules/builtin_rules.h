// The built-in rule files, embedded at build time by scripts/embed-rules.cmake (generated
// builtin_rules.cc): one entry per rules/**/*.json, sorted by path.
#pragma once

#include <cstddef>
#include <string_view>

#include "util/embedded_file.h"

namespace armlint::internal {

extern const EmbeddedFile kBuiltinRuleFiles[];
extern const std::size_t kBuiltinRuleFileCount;

// What the rule set is indexed by, read from each rule file at build time (same order as
// kBuiltinRuleFiles): the rest of a rule file is parsed on the rule's first use.
struct BuiltinRuleEntry {
  std::string_view id;              // the file stem
  std::string_view resource_types;  // "resourceType" values as written, '\n'-separated
  bool check;                       // a native check ("check" instead of "if")
};
extern const BuiltinRuleEntry kBuiltinRuleIndex[];

}  // namespace armlint::internal
