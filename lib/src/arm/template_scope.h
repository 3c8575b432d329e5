// One template's names as expressions see them: parameters (with supplied values), variables
// and user-defined functions, plus the deployment the scope, deployment and resource functions
// read. The root template and
// each inner-scope nested deployment get their own TemplateScope.
//
// Parameters and variables are evaluated lazily, once, on first use; a cycle is an error that
// names the chain. Their evaluation cannot see the copy loops around the expression that asked.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"

#include "arm/template_context.h"
#include "arm/template_state.h"
#include "util/name_set.h"

namespace armlint::internal {

// A parameter value given from outside the template: a parameter file entry or a nested
// deployment's `parameters` entry ({"value": x} or {"reference": {...}}).
struct SuppliedParameter {
  std::string_view name;
  const Value* value = nullptr;      // the "value" member
  const Value* reference = nullptr;  // the "reference" member (Key Vault secret)
  Anchor anchor;                     // the entry, for messages
};

// The entries of a parameters object ({"name": {"value": ...}, ...}); problems are recorded.
std::vector<SuppliedParameter> SuppliedParameters(ExpandState& state, const Value& parameters);

class TemplateScope : public CopyEnv {
 public:
  // `root` is the template object; `supplied` the values given for its parameters.
  TemplateScope(ExpandState& state, const Value& root, DeploymentContext ctx,
                std::vector<SuppliedParameter> supplied);

  // The template's own structure: `parameters`/`variables` objects, `functions` array. An
  // InputError for the first that is malformed (that section is then ignored).
  absl::Status Init();

  absl::StatusOr<const Value*> Parameter(std::string_view name) override;
  absl::StatusOr<const Value*> Variable(std::string_view name) override;
  absl::StatusOr<const Value*> CallUserFunction(std::string_view ns, std::string_view name,
                                                std::span<const Value* const> args) override;
  const DeploymentContext* Deployment() override { return &ctx_; }

  // Evaluates every parameter and variable not used yet, so that their errors are reported
  // (ARM evaluates them all too), and checks supplied values against the declarations.
  void EvaluateAll();

  ExpandState& state() { return state_; }
  const Value& root() const { return root_; }
  const DeploymentContext& context() const { return ctx_; }

 private:
  enum class Eval : std::uint8_t { kNotYet, kInProgress, kDone };
  struct ParamSlot {
    std::string_view name;
    const Value* decl = nullptr;
    const SuppliedParameter* supplied = nullptr;
    const Value* value = nullptr;
    Eval state = Eval::kNotYet;
  };
  struct VarSlot {
    std::string_view name;
    const Value* decl = nullptr;  // the value, or the copy entry {"name", "count", "input"}
    bool is_copy = false;
    const Value* value = nullptr;
    Eval state = Eval::kNotYet;
    bool assumes_null = false;  // computed from an assumed null (ExpandState::Touch)
  };
  struct FunctionSlot {
    std::string_view ns, name;
    const Value* decl = nullptr;  // {"parameters": [...], "output": {...}}
  };

  const Value* ResolveParameter(ParamSlot& slot);
  void CheckParameterValue(const ParamSlot& slot, const Value& v);
  const Value* ResolveVariable(VarSlot& slot);

  ExpandState& state_;
  const Value& root_;
  DeploymentContext ctx_;
  std::vector<SuppliedParameter> supplied_;
  // By name ignoring ASCII case, as ARM looks names up: the keys are views into the template
  // (function keys, "ns.name", are in the arena), so that indexing a template allocates
  // nothing per name.
  template <typename T>
  using NameMap = absl::flat_hash_map<std::string_view, T, CaseInsensitiveHash, CaseInsensitiveEq>;
  NameMap<ParamSlot> params_;
  NameMap<VarSlot> vars_;
  NameMap<FunctionSlot> functions_;
  std::vector<std::string_view> param_order_, var_order_;  // declaration order
  std::vector<std::string_view> var_chain_;                // variables being evaluated
  std::string function_key_;                               // CallUserFunction's "ns.name", reused
};

}  // namespace armlint::internal
