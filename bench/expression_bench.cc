// Micro benchmarks of the ARM expression engine: parsing and evaluating expressions typical of
// Azure Verified Modules (resource ids, names with uniqueString, conditional properties,
// lambdas over arrays).
#include <string>
#include <vector>

#include "benchmark/benchmark.h"

#include "arm/evaluator.h"
#include "json/parser.h"

namespace armlint::internal {
namespace {

// Expressions as they appear in AVM templates (compiled Bicep).
const char* const kExpressions[] = {
    "format('{0}-{1}', parameters('name'), uniqueString(parameters('rgId'), "
    "parameters('location')))",
    "if(and(not(empty(parameters('diagnosticSettings'))), equals(parameters('enableTelemetry'), "
    "true())), parameters('diagnosticSettings'), createArray())",
    "coalesce(tryGet(parameters('managedIdentities'), 'systemAssigned'), false())",
    "toLower(take(replace(concat(parameters('name'), '-', parameters('location')), '_', '-'), 24))",
    "map(coalesce(parameters('roleAssignments'), createArray()), lambda('ra', "
    "union(lambdaVariables("
    "'ra'), createObject('roleDefinitionId', lambdaVariables('ra').roleDefinitionIdOrName))))",
    "guid(parameters('rgId'), parameters('name'), 'Storage Blob Data Reader')",
    "parameters('networkAcls').virtualNetworkRules[0].id",
    "cidrSubnet(parameters('addressPrefix'), 24, 3)",
};

class Env : public ExprEnv {
 public:
  explicit Env(Arena& arena) : arena_(arena) {
    static const std::string kParams =
        R"({"name": "stdata001", "rgId": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg",
            "location": "westeurope", "diagnosticSettings": [{"workspaceResourceId": "x"}],
            "enableTelemetry": true, "managedIdentities": {"systemAssigned": true},
            "roleAssignments": [{"roleDefinitionIdOrName": "Reader", "principalId": "p1"},
                                {"roleDefinitionIdOrName": "Owner", "principalId": "p2"}],
            "networkAcls": {"virtualNetworkRules": [{"id": "/subnets/a"}]},
            "addressPrefix": "10.0.0.0/16"})";
    params_ = ParseJson(kParams, arena_).root;
  }
  absl::StatusOr<const Value*> Parameter(std::string_view name) override {
    const Value* v = params_->Find(name);
    if (v == nullptr) return absl::InvalidArgumentError("no such parameter");
    return v;
  }
  absl::StatusOr<const Value*> Variable(std::string_view) override {
    return absl::InvalidArgumentError("no variables");
  }
  absl::StatusOr<std::int64_t> CopyIndex(std::string_view) override { return 0; }
  absl::StatusOr<const Value*> CallUserFunction(std::string_view, std::string_view,
                                                std::span<const Value* const>) override {
    return absl::NotFoundError("no user functions");
  }

 private:
  Arena& arena_;
  const Value* params_ = nullptr;
};

void BM_Parse(benchmark::State& state) {
  const char* text = kExpressions[state.range(0)];
  for (auto _ : state) {
    Arena arena;
    benchmark::DoNotOptimize(ParseExpression(text, arena));
  }
}
BENCHMARK(BM_Parse)->DenseRange(0, std::size(kExpressions) - 1);

void BM_Evaluate(benchmark::State& state) {
  const char* text = kExpressions[state.range(0)];
  Arena arena;
  Env env(arena);
  const Expr* e = *ParseExpression(text, arena);
  for (auto _ : state) {
    EvalBudget budget;
    Arena scratch;
    absl::StatusOr<const Value*> v = EvaluateExpression(*e, env, scratch, budget, Anchor{0});
    if (!v.ok()) state.SkipWithError("evaluation failed");
    benchmark::DoNotOptimize(v);
  }
}
BENCHMARK(BM_Evaluate)->DenseRange(0, std::size(kExpressions) - 1);

void BM_ParseAndEvaluateAll(benchmark::State& state) {
  for (auto _ : state) {
    Arena arena;
    Env env(arena);
    EvalBudget budget;
    for (const char* text : kExpressions) {
      const Expr* e = *ParseExpression(text, arena);
      benchmark::DoNotOptimize(EvaluateExpression(*e, env, arena, budget, Anchor{0}));
    }
  }
  state.SetItemsProcessed(state.iterations() * std::size(kExpressions));
}
BENCHMARK(BM_ParseAndEvaluateAll);

}  // namespace
}  // namespace armlint::internal
