// Every limit armlint enforces, with what it bounds and why it has that value.
//
// Where Azure Resource Manager documents a figure (https://learn.microsoft.com/azure/
// azure-resource-manager/templates/best-practices#template-limits) we use it or a multiple of it;
// the rest keep hostile input from exhausting time or memory while staying far above anything
// a real template needs. Exceeding a limit is an InputError that names the limit.
#pragma once

#include <cstddef>
#include <cstdint>

namespace armlint::internal::limits {

// Largest input file read. ARM accepts templates up to 4 MB; exported resource lists and
// parameter files can be larger, so 64 MiB leaves room while bounding memory per file.
inline constexpr std::size_t kMaxFileBytes = 64u << 20;

// JSON nesting depth. Real templates nest < 40 deep; the parser (json/parser.cc: ParseValue,
// ParseObject, ParseArray), the evaluator and the rule walker all recurse once per level, so
// depth is bounded well below what a thread's stack can hold.
inline constexpr int kMaxJsonDepth = 512;

// ARM template expression length: ARM documents 24,576 characters for an expression string;
// we read up to 4x that before refusing.
inline constexpr std::size_t kMaxExpressionChars = 4 * 24576;

// Nesting depth of one expression (function calls, property and index accesses).
inline constexpr int kMaxExpressionDepth = 256;

// Evaluation steps (function calls and value constructions) per template. The whole shared
// corpus needs < 1M for its largest template.
inline constexpr std::int64_t kMaxEvalSteps = 10'000'000;

// Bytes of evaluated values per template (strings, arrays, objects built by functions).
inline constexpr std::size_t kMaxEvalBytes = 256u << 20;

// Length of one string and element count of one array produced by a function.
inline constexpr std::size_t kMaxStringBytes = 16u << 20;
inline constexpr std::size_t kMaxArrayItems = 1u << 20;

// Values in one evaluated value, counting shared sub-values each time (a variable that nests
// an object in itself 40 times spans 2^40 values while using kilobytes): bounds what
// serializing, comparing or expanding it costs.
inline constexpr std::uint32_t kMaxValueNodes = 1u << 22;

// ARM's documented copy count limit for resources, properties, variables and outputs.
inline constexpr std::int64_t kMaxCopyCount = 800;

// Nested inline deployments expanded (ARM documents no depth figure; 50 is ours).
inline constexpr int kMaxDeploymentDepth = 50;

// Resources produced by one template after expansion (ARM allows 800 resources per template;
// nested deployments each add their own).
inline constexpr std::size_t kMaxResources = 100'000;

// Recursion depth of user-defined function calls (ARM forbids recursion; we bound it).
inline constexpr int kMaxUserFunctionDepth = 32;

// Rule condition nesting depth and regex program size (RE2 max_mem).
inline constexpr int kMaxConditionDepth = 64;
inline constexpr std::int64_t kMaxRegexMemory = 1 << 20;

}  // namespace armlint::internal::limits
