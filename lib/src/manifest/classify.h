// Decides what a JSON document is: template, parameter file, resource export, or none of these.
#pragma once

#include <string_view>

#include "json/value.h"

namespace armlint::internal {

enum class ManifestKind { kTemplate, kParameters, kResourceExport, kOther };

struct Classification {
  ManifestKind kind = ManifestKind::kOther;
  bool language_v2 = false;  // template with languageVersion 2.0 (symbolic resources)
  // Deployment scope from the $schema: "resourceGroup", "subscription", "managementGroup",
  // "tenant" (templates only).
  std::string_view scope;
  std::string_view reason;  // why it is kOther, for verbose output
};

Classification Classify(const Value& root);

std::string_view ManifestKindName(ManifestKind k);  // "template", "parameters", "export", "other"

}  // namespace armlint::internal
