// What makes a JSON string an ARM template expression, for every stage that reads templates
// (the expander, the native checks, source-form lookups).
#pragma once

#include <string_view>

namespace armlint::internal {

// Whether a JSON string is an expression: it starts with '[' and ends with ']', and does not
// start with "[[" (an escaped literal: ARM drops the first '[' and keeps the rest as text).
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions#escape-characters
inline bool IsExpression(std::string_view s) {
  return s.size() >= 2 && s.front() == '[' && s[1] != '[' && s.back() == ']';
}

}  // namespace armlint::internal
