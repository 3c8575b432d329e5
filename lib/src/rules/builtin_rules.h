// The built-in rule files, embedded at build time by scripts/embed-rules.cmake (generated
// builtin_rules.cc): one entry per rules/**/*.json, sorted by path.
#pragma once

#include <cstddef>

#include "util/embedded_file.h"

namespace armlint::internal {

extern const EmbeddedFile kBuiltinRuleFiles[];
extern const std::size_t kBuiltinRuleFileCount;

}  // namespace armlint::internal
