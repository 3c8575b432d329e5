// Expression parser + evaluator: the input is the text between the brackets of "[...]",
// evaluated against a small environment (parameters, variables, a copy loop, a user function).
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"

#include "arm/evaluator.h"
#include "json/document.h"
#include "json/value.h"
#include "util/arena.h"

namespace {

using namespace armlint::internal;

class FuzzEnv : public ExprEnv {
 public:
  FuzzEnv(Arena& arena, const Value& params) : arena_(arena), params_(params) {}
  absl::StatusOr<const Value*> Parameter(std::string_view name) override {
    const Value* v = params_.Find(name);
    if (v == nullptr) return absl::InvalidArgumentError("no parameter " + std::string(name));
    return v;
  }
  absl::StatusOr<const Value*> Variable(std::string_view name) override {
    if (name == "self") {  // a variable that reads itself: must not recurse forever
      if (++depth_ > 8) return absl::InvalidArgumentError("variable cycle");
      return Value::Unknown(arena_, "cycle", {});
    }
    return Parameter(name);
  }
  absl::StatusOr<std::int64_t> CopyIndex(std::string_view loop) override {
    if (loop.empty() || loop == "loop") return 3;
    return absl::InvalidArgumentError("no such loop");
  }
  absl::StatusOr<const Value*> CallUserFunction(std::string_view ns, std::string_view name,
                                                std::span<const Value* const> args) override {
    if (ns == "ns" && name == "id" && args.size() == 1) return args[0];
    return absl::InvalidArgumentError("no such user function");
  }
  const DeploymentContext* Deployment() override { return &deployment_; }

 private:
  Arena& arena_;
  const Value& params_;
  DeploymentContext deployment_;
  int depth_ = 0;
};

constexpr std::string_view kParams = R"({
  "s": "hello", "n": 42, "neg": -9223372036854775807, "big": 9223372036854775807,
  "d": 1.5, "b": true, "nil": null, "arr": [1, "two", [3], {"four": 4}],
  "obj": {"a": 1, "b": {"c": [1, 2]}, "s": "x"}, "empty": "", "ip": "10.0.0.0/16",
  "date": "2024-02-29T12:00:00Z", "b64": "aGVsbG8=", "uri": "https://a.b/c?d=e"
})";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static auto params = Document::Parse("params.json", std::string(kParams));
  if (!params.ok()) __builtin_trap();
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Arena arena;
  auto expr = ParseExpression(text, arena);
  if (!expr.ok()) return 0;
  FuzzEnv env(arena, (*params)->root());
  EvalBudget budget;
  (void)EvaluateExpression(**expr, env, arena, budget, Anchor{0, 0});
  return 0;
}
