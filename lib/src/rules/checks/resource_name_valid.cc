// resource-name-valid: a resource whose name breaks its type's naming rules (length, allowed
// characters, first and last character), so that the deployment fails. The table follows Learn
// "Naming rules and restrictions for Azure resources",
// https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules
// (one row per type: its length range and the pattern of its "Valid characters" column). Only a
// name that is a literal or fully evaluated offline is judged; an Unknown name (a parameter
// without a value, reference()) is never reported, nor is a name with characters outside ASCII
// (several types accept Unicode the rules describe only loosely), nor one that holds a
// parameter-file placeholder (GEN-UNIQUE).
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/call_once.h"

#include "rules/checks/name_rules.h"
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Row i's pattern, parsed the first time a name of its type is judged.
const checks::NamePattern& Pattern(std::size_t i) {
  struct Compiled {
    absl::once_flag once;
    std::optional<checks::NamePattern> pattern;
  };
  static auto* const kCompiled = new Compiled[checks::NameRules().size()];
  Compiled& c = kCompiled[i];
  absl::call_once(c.once,
                  [&] { c.pattern = checks::NamePattern::Parse(checks::NameRules()[i].pattern); });
  return *c.pattern;  // every row parses (name_rules_test)
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

bool RuleCoversType(const Rule& rule, std::string_view type) {
  if (rule.resource_types.empty()) return true;
  for (const std::string& t : rule.resource_types) {
    if (t == type) return true;
  }
  return false;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    // Exported resources exist, so Azure accepted their names.
    if (r.from_export || !r.name_known || r.body == nullptr) continue;
    std::string lower;
    std::string_view type = checks::LowerType(r, lower);
    if (!RuleCoversType(rule, type)) continue;
    const Value* last = r.name_value;
    // A name from a secure parameter is never printed, so it is not judged either.
    if (last == nullptr || !last->is_string() || last->secure()) continue;
    std::string_view name = last->string_value();
    // GEN-UNIQUE, GEN-UNIQUE-8...: the placeholders of the Azure Quickstart Templates'
    // parameter files, which their pipeline replaces with generated names before deploying.
    if (!IsAscii(name) || name.find("GEN-") != std::string_view::npos) continue;
    const std::vector<checks::NameRule>& rules = checks::NameRules();
    for (std::size_t i = 0; i < rules.size(); ++i) {
      const checks::NameRule& n = rules[i];
      if (n.type != type) continue;
      std::string why;
      int length = static_cast<int>(name.size());
      if (length < n.min || length > n.max) {
        why =
            Cat("is ", length, " characters long; ", r.type, " names take ", n.min, " to ", n.max);
      } else if (!Pattern(i).Matches(name)) {
        why = Cat("breaks the naming rule of ", r.type, ": ", n.valid);
      }
      if (why.empty()) break;
      Hit hit;
      hit.rule = &rule;
      hit.resource = &r;
      if (const Value* v = r.body->Find("name")) hit.anchor = v->anchor();
      hit.message = Cat("The name '", name, "' ", why, ".");
      out.push_back(std::move(hit));
      break;
    }
  }
}

}  // namespace

extern const NativeCheck kResourceNameValid{
    "resource-name-valid", Run,
    "a resource whose literal or evaluated name breaks its type's naming rules (length, "
    "characters)"};

}  // namespace armlint::internal
