// Helpers the native checks share: walking a raw template and reading its expressions.
#pragma once

#include <cstdint>
#include <cstring>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"

#include "arm/expression_parser.h"
#include "json/value.h"
#include "rules/check_context.h"
#include "rules/rule.h"
#include "util/expression_syntax.h"
#include "util/name_set.h"
#include "util/strings.h"

namespace armlint::internal::checks {

// Pairs of names compared ignoring ASCII case (a resource type and an API version), as views:
// for checks that report a type and version once per file.
using NamePair = std::pair<std::string_view, std::string_view>;
struct NamePairHash {
  std::size_t operator()(const NamePair& p) const {
    return CaseInsensitiveHash()(p.first) * 31 ^ CaseInsensitiveHash()(p.second);
  }
};
struct NamePairEq {
  bool operator()(const NamePair& a, const NamePair& b) const {
    return EqualsIgnoreCase(a.first, b.first) && EqualsIgnoreCase(a.second, b.second);
  }
};
using NamePairSet = absl::flat_hash_set<NamePair, NamePairHash, NamePairEq>;

// The resource's lower-cased type: `type_lower`, or `type` lowered into `scratch` where the
// resource was made without it.
inline std::string_view LowerType(const Resource& r, std::string& scratch) {
  if (!r.type_lower.empty() || r.type.empty()) return r.type_lower;
  scratch = ToLower(r.type);
  return scratch;
}

// The raw template root of a context, or null when the file is not a deployment template.
const Value* TemplateRoot(const CheckContext& context);

// Whether a JSON string is an ARM expression (util/expression_syntax.h).
using internal::IsExpression;

// Calls `fn` for every resource declaration: the template's `resources` (array, or object of
// symbolic names), child `resources`, and inline nested deployments' templates.
void ForEachResource(const Value& tmpl, const std::function<void(const Value&)>& fn);

// Calls `fn(value)` for every string value inside `v` (depth-first, document order). Templates,
// so that the callback inlines: these walks visit every node of every template.
template <typename Fn>
void ForEachString(const Value& v, const Fn& fn) {
  if (v.is_string()) {
    fn(v);
  } else if (v.is_array()) {
    for (const Value* item : v.items()) ForEachString(*item, fn);
  } else if (v.is_object()) {
    for (const Member& m : v.members()) ForEachString(*m.value, fn);
  }
}

// What a whole template references by name: every parameters('x') and variables('y') in its
// string values and in property names that are expressions. `dynamic_*` is set when a call
// computes its argument, so that any declaration might be the one used.
// Names as written (views into the template's text), compared ignoring ASCII case as ARM
// does; collecting them allocates nothing per reference.
struct TemplateReferences {
  NameSet parameters;
  NameSet variables;
  bool dynamic_parameters = false;
  bool dynamic_variables = false;
};

// What the native checks that would each walk a whole template look for, found by one walk
// and cached in the (per-file) context. Everything in document order (depth-first, a member
// before what is inside it), as views into the template.
struct TemplateIndex {
  // Strings that are expressions: string values and property names.
  std::vector<std::string_view> expressions;
  // Members named adminUsername / settings (ignoring case) inside the template's `resources`.
  std::vector<const Member*> admin_usernames;
  std::vector<const Member*> settings;
};

// The index of the context's template `tmpl`, made on first use.
const TemplateIndex& Index(const CheckContext& context, const Value& tmpl);

// The references of the context's template (from its index's expressions), made on first use
// and cached in the context.
const TemplateReferences& References(const CheckContext& context, const Value& tmpl);

// Names (lower-cased) that expression `e` passes as a literal to `function(...)` (`function`
// in lower case), e.g. parameters('x'). Sets `dynamic` when the function is called with a computed
// argument.
void CollectReferences(std::string_view e, std::string_view function,
                       absl::flat_hash_set<std::string>& names, bool& dynamic);

// Lower-cased names of the template's securestring/secureobject parameters.
absl::flat_hash_set<std::string> SecureParameters(const Value& tmpl);

// Parses the JSON string `e` ("[...]") as an expression and calls `fn` for every function call
// in it, outermost first; false (nothing called) when `e` is not an expression or does not
// parse.
bool ForEachCall(std::string_view e, const std::function<void(const Expr&)>& fn);

// The three below read the parsed expression (ForEachCall): `listKeys ('x')` is a call,
// 'listKeys(x)' in a string literal is not. An expression that does not parse (an input error
// the expander reports) is scanned as text instead.

// Whether expression `e` calls the function `name` (case-insensitive).
bool CallsFunction(std::string_view e, std::string_view name);

// Whether expression `e` calls a list*() function (listKeys, listSecrets, list...).
bool CallsListFunction(std::string_view e);

// Whether expression `e` references one of `secure` through parameters('...').
bool ReferencesSecure(std::string_view e, const absl::flat_hash_set<std::string>& secure);

// The template-unused-* checks: a Hit for every declaration in `section` ("parameters" or
// "variables") that no parameters('name') or variables('name') call uses; `what` names one in
// messages ("parameter").
void ReportUnreferenced(const CheckContext& context, const Rule& rule, std::vector<Hit>& out,
                        std::string_view section, std::string_view what);

// A template-level Hit at `pos` of the linted file.
Hit MakeHit(const Rule& rule, std::uint32_t pos, std::string message);

}  // namespace armlint::internal::checks
