// apim-cors-any-origin: an API Management policy whose cors policy allows any origin
// (<allowed-origins><origin>*</origin>), so any web site can call the APIs from a browser with
// its visitors' credentials or tokens (Learn "Set CORS policy",
// learn.microsoft.com/azure/api-management/cors-policy). The policy XML is parsed
// (rules/checks/apim_policy.h); a document not known offline or not well-formed XML gives an
// unknown outcome.
#include <string>
#include <vector>

#include "rules/checks/apim_policy.h"
#include "rules/native_checks.h"

namespace armlint::internal {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n')) {
    s.remove_suffix(1);
  }
  return s;
}

// Finds a cors element that lists the origin "*". pugixml's tree walker is iterative, so a
// deeply nested document cannot exhaust the stack, and uses no exceptions (XPath would).
struct AnyOriginFinder : pugi::xml_tree_walker {
  bool found = false;
  bool for_each(pugi::xml_node& node) override {
    if (node.type() != pugi::node_element || std::string_view(node.name()) != "cors") {
      return true;
    }
    for (pugi::xml_node origin : node.child("allowed-origins").children("origin")) {
      if (Trim(origin.child_value()) == "*") found = true;
    }
    return !found;
  }
};

bool AllowsAnyOrigin(pugi::xml_document& doc) {
  AnyOriginFinder finder;
  doc.traverse(finder);
  return finder.found;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  for (const checks::ApimPolicy& p : checks::ApimPolicies(context)) {
    Hit hit;
    hit.rule = &rule;
    hit.resource = p.resource;
    if (p.value != nullptr) hit.anchor = p.value->anchor();
    if (p.parsed == Tri::kTrue) {
      if (!AllowsAnyOrigin(*p.xml)) continue;
      hit.message = "Its cors policy lists <origin>*</origin>.";
    } else {
      hit.outcome = Tri::kUnknown;
      hit.message = p.problem;
    }
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kApimCorsAnyOrigin{
    "apim-cors-any-origin", Run, "an API Management policy whose cors policy allows the origin *"};

}  // namespace armlint::internal
