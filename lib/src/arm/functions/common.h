// Helpers shared by the built-in function groups: the string form ARM gives values in
// concat/format/string, and parsing JSON text into values (their JSON text: json/compact_json.h).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"

#include "arm/evaluator.h"
#include "json/compact_json.h"  // ToJson, FormatDouble
#include "json/value.h"

namespace armlint::internal {

// The string ARM makes of a value in string(), format() and concat of mixed values: strings
// as they are, numbers in invariant culture, bools "True"/"False" (.NET), null "", arrays
// and objects as compact JSON.
std::string ToArmString(const Value& v);

// Parses JSON text into values anchored at the context's anchor; InvalidArgument when the
// text is not JSON.
absl::StatusOr<const Value*> ParseJsonText(CallContext& ctx, std::string_view text);

// Whether `v` equals `w` as ARM compares (DeepEquals).
inline bool ArmEquals(const Value& v, const Value& w) { return DeepEquals(v, w); }

// Checked 64-bit arithmetic for the numeric functions.
bool AddOverflows(std::int64_t a, std::int64_t b, std::int64_t* out);
bool SubOverflows(std::int64_t a, std::int64_t b, std::int64_t* out);
bool MulOverflows(std::int64_t a, std::int64_t b, std::int64_t* out);

// guid() of the '-'-joined arguments and uniqueString() of them (functions/string_hash.cc).
std::string ArmGuid(std::string_view joined);
std::string ArmUniqueString(std::string_view joined);

// ARM (.NET) measures strings in UTF-16 code units; armlint's strings are UTF-8. These convert
// (ASCII strings, nearly all of them, take the fast path).
std::size_t Utf16Length(std::string_view s);
// Byte offset of UTF-16 unit `unit` (clamped to the string; a unit inside a surrogate pair
// rounds up to the next character).
std::size_t ByteOffsetOfUnit(std::string_view s, std::size_t unit);
// UTF-16 unit index of byte offset `byte` (a character boundary).
std::size_t UnitOfByteOffset(std::string_view s, std::size_t byte);
// Bytes of the UTF-8 sequence starting at `s[i]`.
std::size_t Utf8SequenceLength(std::string_view s, std::size_t i);

}  // namespace armlint::internal
