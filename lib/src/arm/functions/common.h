// Helpers shared by the built-in function groups: JSON text of a value, the string form ARM
// gives values in concat/format/string, and parsing JSON text into values.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "arm/evaluator.h"
#include "json/value.h"

namespace armlint::internal {

// Compact JSON text of `v` (as Json.NET writes it with Formatting.None). Unknowns are written
// as null; callers check ContainsUnknown first.
void AppendJson(const Value& v, std::string& out);
std::string ToJson(const Value& v);

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

// Formats a double the way .NET's default ToString() does for common values ("1.5", "2").
std::string FormatDouble(double d);

}  // namespace armlint::internal
