// User-defined functions: `functions` namespaces with members taking parameters and returning
// output.value
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/user-defined-functions). A
// function sees only its own parameters and other user functions; no variables, no copyIndex(). ARM
// forbids recursion; calls nest at most limits::kMaxUserFunctionDepth deep.
#include <string>

#include "arm/template_scope.h"
#include "arm/template_strings.h"
#include "util/limits.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

class FunctionEnv : public CopyEnv {
 public:
  FunctionEnv(ExprEnv& owner, ExpandState& state, std::string_view fn, const Value* params,
              std::span<const Value* const> args)
      : owner_(owner), state_(state), fn_(fn), params_(params), args_(args) {}

  absl::StatusOr<const Value*> Parameter(std::string_view name) override {
    if (params_ != nullptr) {
      std::span<const Value* const> ps = params_->items();
      for (std::size_t i = 0; i < ps.size() && i < args_.size(); ++i) {
        const Value* n = ps[i]->Find("name");
        if (n != nullptr && n->is_string() && EqualsIgnoreCase(n->string_value(), name)) {
          state_.Touch(*args_[i]);
          return args_[i];
        }
      }
    }
    return tmpl::Invalid(
        tmpl::Concat("user-defined function '", fn_, "' has no parameter '", name, "'"));
  }
  absl::StatusOr<const Value*> Variable(std::string_view name) override {
    return tmpl::Invalid(tmpl::Concat("user-defined function '", fn_,
                                      "' cannot use variables() (variable '", name, "')"));
  }
  absl::StatusOr<const Value*> CallUserFunction(std::string_view ns, std::string_view name,
                                                std::span<const Value* const> args) override {
    return owner_.CallUserFunction(ns, name, args);
  }
  const DeploymentContext* Deployment() override { return owner_.Deployment(); }

 private:
  ExprEnv& owner_;
  ExpandState& state_;
  std::string_view fn_;
  const Value* params_;
  std::span<const Value* const> args_;
};

}  // namespace

absl::StatusOr<const Value*> TemplateScope::CallUserFunction(std::string_view ns,
                                                             std::string_view name,
                                                             std::span<const Value* const> args) {
  function_key_.assign(ns);
  function_key_ += '.';
  function_key_.append(name);
  auto it = functions_.find(function_key_);
  if (it == functions_.end()) {
    return tmpl::Invalid(
        tmpl::Concat("user-defined function '", ns, ".", name, "' is not declared in 'functions'"));
  }
  const Value& decl = *it->second.decl;
  const Value* params = decl.Find("parameters");
  if (params != nullptr && !params->is_array()) params = nullptr;
  std::size_t want = params == nullptr ? 0 : params->items().size();
  if (want != args.size()) {
    return tmpl::Invalid(tmpl::Concat("user-defined function '", ns, ".", name, "' takes ", want,
                                      " argument(s), got ", args.size()));
  }
  const Value* output = decl.Find("output");
  const Value* value = output == nullptr ? nullptr : output->Find("value");
  if (value == nullptr) {
    return tmpl::Invalid(
        tmpl::Concat("user-defined function '", ns, ".", name, "' has no output.value"));
  }
  if (state_.user_function_depth >= limits::kMaxUserFunctionDepth) {
    return tmpl::Invalid(
        tmpl::Concat("user-defined function calls nest deeper than ", limits::kMaxUserFunctionDepth,
                     " (kMaxUserFunctionDepth; recursion through '", ns, ".", name, "'?)"));
  }
  // The name must outlive the env only for messages during this call.
  FunctionEnv env(*this, state_, it->second.name, params, args);
  ++state_.user_function_depth;
  const Value* v = state_.Eval(*value, env);
  --state_.user_function_depth;
  return v;
}

}  // namespace armlint::internal
