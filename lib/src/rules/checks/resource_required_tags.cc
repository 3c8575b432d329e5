// resource-required-tags: a resource that lacks a tag named in the config's
// rules.options.resource-required-tags.tags (formerly rules.options.requiredTags; Azure Policy
// "Require a tag on resources", PSRule's tagging options). Silent without the option. Tag names
// compare case-insensitively, as Azure compares them
// (learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations).
// Applies to the rule's resourceType (the types that carry tags); a `tags` value that is
// Unknown offline (a parameter with no value, reference()) gives an unknown outcome, not a
// finding.
#include <string>
#include <string_view>

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "rules/operators.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Whether `rule`'s resourceType (lower-cased; empty: any type; `*` as in `like`) covers the
// lower-cased type `type`.
bool RuleCoversType(const Rule& rule, std::string_view type) {
  if (rule.resource_types.empty()) return true;
  for (const std::string& t : rule.resource_types) {
    if (t.find('*') == std::string::npos) {
      if (t == type) return true;
      continue;
    }
    if (WildcardPattern::Like(t).Matches(type)) return true;
  }
  return false;
}

struct Options : CheckOptions {
  std::vector<std::string> tags;  // none: the check is silent
};

absl::StatusOr<std::shared_ptr<const CheckOptions>> ParseOptions(CheckOptionsReader& reader) {
  auto o = std::make_shared<Options>();
  // requiredTags: the flat name before options were per rule (deprecated).
  ARMLINT_RETURN_IF_ERROR(reader.Strings("tags", o->tags, "requiredTags"));
  return o;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const std::vector<std::string>& required = context.OptionsFor<Options>(rule).tags;
  if (required.empty() || context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    if (r.body == nullptr) continue;
    std::string lower;
    std::string_view type = checks::LowerType(r, lower);
    if (!RuleCoversType(rule, type)) continue;
    Hit hit;
    hit.rule = &rule;
    hit.resource = &r;
    const Value* tags = r.body->Find("tags");
    if (tags != nullptr) hit.anchor = tags->anchor();  // else the resource (findings.cc)
    if (tags != nullptr && tags->is_unknown()) {
      hit.outcome = Tri::kUnknown;
      hit.message = "Its tags are not known before deployment.";
      out.push_back(std::move(hit));
      continue;
    }
    std::string missing;
    int n = 0;
    for (const std::string& name : required) {
      if (tags != nullptr && tags->is_object() && tags->Find(name) != nullptr) continue;
      missing += Cat(n++ == 0 ? "" : ", ", "'", name, "'");
    }
    if (n == 0) continue;
    hit.outcome = Tri::kTrue;
    hit.message = Cat("Missing required ", n == 1 ? "tag " : "tags ", missing, ".");
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kResourceRequiredTags{
    "resource-required-tags", Run,
    "a taggable resource without a tag named in rules.options.resource-required-tags.tags; "
    "silent when that list is empty",
    ParseOptions};

}  // namespace armlint::internal
