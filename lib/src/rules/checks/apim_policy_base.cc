// apim-policy-base: an API Management policy below the service scope (workspace, product, API,
// operation) with a section (inbound, backend, outbound, on-error) that lacks the <base />
// element, so the policies of the enclosing scopes (the service-wide policy, the product's) are
// not applied to it (Learn "Policies in Azure API Management",
// learn.microsoft.com/azure/api-management/api-management-howto-policies, "Apply policies
// specified at different scopes"). A section left out of the document inherits the parent's
// and is not reported. The service-level policy has no parent scope and is skipped.
#include <string>
#include <vector>

#include "rules/checks/apim_policy.h"
#include "rules/native_checks.h"
#include "util/join.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

constexpr std::string_view kSections[] = {"inbound", "backend", "outbound", "on-error"};

// The sections of the document that lack a <base /> child.
std::vector<std::string_view> SectionsWithoutBase(const pugi::xml_document& doc) {
  std::vector<std::string_view> out;
  const pugi::xml_node policies = doc.child("policies");
  for (std::string_view name : kSections) {
    const pugi::xml_node section = policies.child(std::string(name).c_str());
    if (section && !section.child("base")) out.push_back(name);
  }
  return out;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  for (const checks::ApimPolicy& p : checks::ApimPolicies(context)) {
    if (p.global) continue;
    Hit hit;
    hit.rule = &rule;
    hit.resource = p.resource;
    if (p.value != nullptr) hit.anchor = p.value->anchor();
    if (p.parsed == Tri::kTrue) {
      std::vector<std::string_view> missing = SectionsWithoutBase(*p.xml);
      if (missing.empty()) continue;
      hit.message = Cat("Without <base />: ", Join(missing, ", "), ".");
    } else {
      hit.outcome = Tri::kUnknown;
      hit.message = p.problem;
    }
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kApimPolicyBase{
    "apim-policy-base", Run,
    "an API Management policy below the service scope with a section lacking <base />"};

}  // namespace armlint::internal
