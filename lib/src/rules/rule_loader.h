// Parses and validates one rule file (format in DESIGN.md, "Rule files"; docs/rule-language.md).
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "absl/base/call_once.h"
#include "absl/status/statusor.h"

#include "json/document.h"
#include "rules/condition.h"
#include "rules/rule_set.h"

namespace armlint::internal {

// Builds the Rule of `doc`, whose path's file stem must equal the rule id. Every problem
// (unknown key, wrong type, missing metadata, bad resourceType, unknown native check, invalid
// condition or RE2 pattern) is an InputError at the offending value's line:col.
// With `lazy_condition` (the built-in rules, validated by the tests), the condition is kept as
// written and compiled on first use (Rule::GetCondition): errors in it are not reported here.
absl::StatusOr<std::unique_ptr<Rule>> ParseRule(std::shared_ptr<const Document> doc,
                                                bool lazy_condition = false);

// A built-in rule loaded on first use: its file parsed (metadata), then its condition kept as
// written until it is evaluated (ParseRule's lazy_condition).
struct Rule::Lazy {
  std::string_view path, text;  // the embedded rule file
  absl::once_flag load_once;
  std::shared_ptr<const Document> doc;
  const Value* cond = nullptr;  // the "if", in doc
  absl::once_flag compile_once;
  std::unique_ptr<const Condition> condition;
  absl::once_flag json_once;
  std::string json;
  // Rules made elsewhere (Azure Policy definitions, policy/), instead of an embedded file:
  // `load` fills in the metadata of the rule it is given (once per Lazy: a copy of the rule
  // needs its own Lazy, see ForkLazy), `compile` answers the condition (compiling it once,
  // for every copy), `json` the "if" as compact JSON (once per Lazy). Each may be empty.
  std::function<void(Rule&)> load;
  std::function<const Condition*()> compile;
  std::function<std::string()> json_of;
};

// A copy of `rule` for another rule set: a rule whose metadata is filled in on first use gets
// a Lazy of its own (sharing what `compile` shares).
std::unique_ptr<Rule> CopyRule(const Rule& rule);

// Parses `text` as the rule file `path` and builds its Rule.
absl::StatusOr<std::unique_ptr<Rule>> ParseRuleText(std::string path, std::string text);

// Compact JSON of a value (for Rule::condition_json).
std::string CompactJson(const Value& v);

// A rule file's "category" / "impact" value (case-insensitive); nullopt if unknown.
std::optional<Category> CategoryFromName(std::string_view s);
std::optional<Impact> ImpactFromName(std::string_view s);

// The stem of a path: "rules/security/x.json" -> "x".
std::string_view FileStem(std::string_view path);

}  // namespace armlint::internal
