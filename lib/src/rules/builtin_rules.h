// The built-in rule files, embedded at build time by scripts/embed-rules.cmake (generated
// builtin_rules.cc): one entry per rules/**/*.json, sorted by path.
#pragma once

#include <cstddef>
#include <string_view>

namespace armlint::internal {

struct EmbeddedFile {
  std::string_view path;  // "rules/security/storage-secure-transfer.json"
  std::string_view text;
};

extern const EmbeddedFile kBuiltinRuleFiles[];
extern const std::size_t kBuiltinRuleFileCount;

}  // namespace armlint::internal
