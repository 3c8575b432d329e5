// Parses JSON as Azure Resource Manager reads it, recording the source offset of every value.
//
// ARM loads templates with Json.NET, which accepts more than RFC 8259: `//` and `/* */`
// comments, trailing commas in arrays and objects, and raw control characters (line breaks,
// tabs) inside string literals, which is how multi-line strings are written. Boost.JSON's
// parser rejects the last and reports no positions for values, so armlint tokenises itself and
// builds arena values (json/value.h) in one pass; Boost.JSON remains the output model.
//
// Duplicate keys: the last one wins, as with Json.NET's default (DuplicatePropertyNameHandling
// .Replace); earlier ones are dropped from the object.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "json/value.h"
#include "util/arena.h"

namespace armlint::internal {

struct Comment {
  std::uint32_t pos;      // offset of the comment's first character ('/')
  std::string_view text;  // without the `//`, `/*`, `*/` markers
};

struct ParseError {
  std::uint32_t pos;  // byte offset of the offending character
  std::string message;
};

struct ParseOutput {
  const Value* root = nullptr;  // null on error
  std::vector<Comment> comments;
  ParseError error;
  std::vector<std::uint32_t> duplicate_keys;  // offsets of keys that a later duplicate replaced
};

// Parses `text` (which must outlive the values: strings without escapes are views into it).
// `source` is stamped into every anchor. A UTF-8 byte order mark is skipped.
ParseOutput ParseJson(std::string_view text, Arena& arena, std::uint8_t source = 0);

}  // namespace armlint::internal
