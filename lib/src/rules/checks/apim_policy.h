// The API Management policy documents of a deployment, parsed as XML with pugixml: each
// Microsoft.ApiManagement/service/.../policies resource (service, workspace, product, API or
// operation scope) whose properties.format is xml or rawxml (xml when omitted: Learn, API
// Management REST "Policy - Create Or Update", PolicyContentFormat). The *-link formats name a
// URL and are skipped; so are policy fragments.
#pragma once

#include <memory>
#include <pugixml.hpp>
#include <string>
#include <vector>

#include "rules/check_context.h"

namespace armlint::internal::checks {

struct ApimPolicy {
  const Resource* resource = nullptr;
  const Value* value = nullptr;  // properties.value (null when absent)
  // The service-level (global) policy, which has no parent scope for <base /> to include.
  bool global = false;
  // True: `xml` holds the document. Unknown: the value is not known offline, or is not
  // well-formed XML (rawxml allows unescaped policy expressions); `problem` says which.
  Tri parsed = Tri::kUnknown;
  std::string problem;
  std::shared_ptr<pugi::xml_document> xml;
};

std::vector<ApimPolicy> ApimPolicies(const CheckContext& context);

}  // namespace armlint::internal::checks
