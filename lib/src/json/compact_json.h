// Compact JSON text of a value, as Json.NET writes it with Formatting.None: what ARM's string()
// and json() functions print, and how rule listings show a rule's condition.
#pragma once

#include <string>

#include "json/value.h"

namespace armlint::internal {

// Appends the compact JSON text of `v`. Unknowns are written as null; callers check
// ContainsUnknown first.
void AppendJson(const Value& v, std::string& out);
std::string ToJson(const Value& v);

// A double as .NET's default ToString() writes it: integral values without a fraction ("2"),
// others in the shortest form that round-trips ("1.5"), and "NaN", "Infinity", "-Infinity".
std::string FormatDouble(double d);

}  // namespace armlint::internal
