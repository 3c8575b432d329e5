// ARM template expressions inside Azure Policy conditions: the functions a policy may call
// besides the template functions (parameters(), field(), current(), requestContext(),
// addDays(), ipRangeContains(), subscription(), resourceGroup()), for evaluation at load time
// (everything that does not read the resource) and per resource (the rest).
// https://learn.microsoft.com/azure/governance/policy/concepts/definition-structure-policy-rule#policy-functions
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

#include "arm/evaluator.h"
#include "arm/expression_parser.h"
#include "arm/template_context.h"
#include "json/value.h"

namespace armlint::internal {

// A definition's parameter values, by lower-cased name (Azure Policy names are
// case-insensitive).
using PolicyParameters = absl::flat_hash_map<std::string, const Value*>;

// Whether the expression text (with its brackets) reads the resource being evaluated: it
// calls field(), current() or requestContext().
bool ReadsResource(std::string_view expression);

class PolicyEnv : public ExprEnv {
 public:
  explicit PolicyEnv(const PolicyParameters* params) : params_(params) {}

  // Per-resource functions; unset: the function is an error at load time.
  std::function<absl::StatusOr<const Value*>(std::string_view path, Arena&, Anchor)> field;
  std::function<absl::StatusOr<const Value*>(std::string_view name, bool has_name, Arena&, Anchor)>
      current;
  std::string api_version;  // requestContext().apiVersion

  absl::StatusOr<const Value*> Parameter(std::string_view name) override;
  absl::StatusOr<const Value*> Variable(std::string_view name) override;
  absl::StatusOr<std::int64_t> CopyIndex(std::string_view loop) override;
  absl::StatusOr<const Value*> CallUserFunction(std::string_view ns, std::string_view name,
                                                std::span<const Value* const> args) override;
  absl::StatusOr<const Value*> CallHostFunction(std::string_view name,
                                                std::span<const Value* const> args,
                                                Anchor at) override;
  const DeploymentContext* Deployment() override { return &deployment_; }
  Arena* arena = nullptr;  // where context functions allocate

 private:
  const PolicyParameters* params_;
  DeploymentContext deployment_;
};

// Evaluates a parsed policy expression.
absl::StatusOr<const Value*> EvaluatePolicyExpression(const Expr& e, PolicyEnv& env, Arena& arena,
                                                      Anchor at);

}  // namespace armlint::internal
