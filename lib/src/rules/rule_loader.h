// Parses and validates one rule file (format in DESIGN.md, "Rule files"; docs/rule-language.md).
#pragma once

#include <memory>
#include <string>

#include "absl/status/statusor.h"

#include "json/document.h"
#include "rules/rule_set.h"

namespace armlint::internal {

// Builds the Rule of `doc`, whose path's file stem must equal the rule id. Every problem
// (unknown key, wrong type, missing metadata, bad resourceType, unknown native check, invalid
// condition or RE2 pattern) is an InputError at the offending value's line:col.
absl::StatusOr<std::unique_ptr<Rule>> ParseRule(std::shared_ptr<const Document> doc);

// Parses `text` as the rule file `path` and builds its Rule.
absl::StatusOr<std::unique_ptr<Rule>> ParseRuleText(std::string path, std::string text);

// Compact JSON of a value (for Rule::condition_json).
std::string CompactJson(const Value& v);

// The stem of a path: "rules/security/x.json" -> "x".
std::string_view FileStem(std::string_view path);

}  // namespace armlint::internal
