// A file compiled into the library by scripts/embed-rules.cmake (the built-in rule packs, the
// configuration schema): its path as in the source tree and its text, both static.
#pragma once

#include <cstddef>
#include <string_view>

namespace armlint::internal {

// The view of a string literal, its length taken from the array's: a table of embedded files
// is then initialised at compile time (constinit) without counting its bytes there, which
// compilers give up on for texts this long.
template <std::size_t N>
consteval std::string_view EmbeddedText(const char (&text)[N]) {
  return {text, N - 1};
}

struct EmbeddedFile {
  std::string_view path;  // "rules/security/storage-secure-transfer.json"
  std::string_view text;
};

}  // namespace armlint::internal
