// The JSON object of a rule in the listings (`armlint rules --format json`, `armlint rules
// --policy --format json`): the members both start with, in their order.
#pragma once

#include <string>

#include <boost/json/object.hpp>

#include "armlint/armlint.hpp"

namespace armlint::internal {

// {"id", "category", "impact", "resourceTypes", "problem"}; each listing appends its own.
inline boost::json::object RuleJsonHead(const RuleInfo& r) {
  boost::json::object o;
  o["id"] = r.id;
  o["category"] = std::string(CategoryName(r.category));
  o["impact"] = std::string(ImpactName(r.impact));
  boost::json::array types;
  for (const std::string& t : r.resource_types) types.emplace_back(t);
  o["resourceTypes"] = std::move(types);
  o["problem"] = r.problem;
  return o;
}

}  // namespace armlint::internal
