// A file compiled into the library by scripts/embed-rules.cmake (the built-in rule packs, the
// configuration schema): its path as in the source tree and its text, both static.
#pragma once

#include <string_view>

namespace armlint::internal {

struct EmbeddedFile {
  std::string_view path;  // "rules/security/storage-secure-transfer.json"
  std::string_view text;
};

}  // namespace armlint::internal
