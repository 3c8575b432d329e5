// Finding policy definitions, initiatives and assignment values in files (shapes in
// policy_loader.h). Private to policy/.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "json/document.h"
#include "json/value.h"
#include "rules/condition_expr.h"

namespace armlint::internal {

// One definition or initiative as found in a file.
struct PolicyItem {
  std::shared_ptr<const Document> doc;
  const Value* props = nullptr;   // the `properties` object
  const Value* anchor = nullptr;  // the item as written, for messages
  std::string name;               // `name`, else the file stem
  std::string id;                 // `id` when given
  bool is_set = false;            // an initiative (policyDefinitions)
  bool builtin = false;           // policyType BuiltIn
  int source = -1;                // PolicyLoadOptions::sources index; -1: `paths`
};

// *.json files under each path (a file is taken as it is), sorted per folder. A missing path
// is a NotFound InputError.
absl::StatusOr<std::vector<std::string>> PolicyFiles(const std::vector<std::string>& paths);

// The definitions and initiatives in `doc`; an InputError when it holds none in a known shape.
absl::Status ReadPolicyItems(std::shared_ptr<const Document> doc, std::vector<PolicyItem>& out);

// Assignment values: {"name": {"value": v}}, {"parameters": {...}}, an assignment's JSON.
// Keys lower-cased. An InputError in `doc` when the shape is none of these.
absl::StatusOr<PolicyParameters> ReadAssignmentValues(const Document& doc);

}  // namespace armlint::internal
