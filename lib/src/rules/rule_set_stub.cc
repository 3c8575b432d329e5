// Placeholder rule set until the rule language lands: no rules.
#include "rules/rule_set.h"

namespace armlint::internal {
struct RuleSet::Index {};
RuleSet::~RuleSet() = default;
absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::Load(const RuleSetOptions&) {
  return std::unique_ptr<const RuleSet>(new RuleSet());
}
absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::LoadDir(const std::string&) {
  return std::unique_ptr<const RuleSet>(new RuleSet());
}
void RuleSet::EvaluateResource(const Resource&, std::vector<Hit>&) const {}
void RuleSet::RunNativeChecks(const CheckContext&, std::vector<Hit>&) const {}
const Rule* RuleSet::Find(std::string_view) const { return nullptr; }
}  // namespace armlint::internal
