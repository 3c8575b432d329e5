// linked-template-not-evaluated: a nested deployment whose template armlint cannot see, so none of
// its resources is checked: a `templateLink` (armlint never fetches: it lints offline) or an inline
// `template` whose value is known only at deployment. Reported as an unknown outcome, never as a
// violation: `--report-unknown` lists each, and the summary counts them, so a gate does not pass
// in silence on resources it never read.
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& r : *context.resources) {
    if (r.unexpanded_template == nullptr) continue;
    Hit hit;
    hit.rule = &rule;
    hit.outcome = Tri::kUnknown;
    hit.resource = &r;
    hit.anchor = r.unexpanded_template->anchor();
    // The evaluated link, for the message; a secure value (a SAS token) is never printed.
    const Value* props = r.body != nullptr ? r.body->Find("properties") : nullptr;
    const Value* link = props != nullptr ? props->Find("templateLink") : nullptr;
    if (link == nullptr) {
      hit.message = "(its template is computed at deployment, so its resources are not checked)";
      out.push_back(std::move(hit));
      continue;
    }
    const Value* target = nullptr;
    if (link->is_object()) {
      target = link->Find("uri");
      if (target == nullptr) target = link->Find("id");
    }
    if (target != nullptr && target->is_string() && !ContainsSecure(*target)) {
      hit.message = Cat("(templateLink '", target->string_value(),
                        "' is not fetched, so its resources are not checked)");
    } else {
      hit.message = "(its templateLink is not fetched, so its resources are not checked)";
    }
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kLinkedTemplateNotEvaluated{
    "linked-template-not-evaluated", Run,
    "a nested deployment whose template is linked or computed, so its resources are not checked"};

}  // namespace armlint::internal
