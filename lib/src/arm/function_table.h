// The one table of ARM template functions, looked up by lower-cased name, with the arity and
// argument kinds each declares, so that one checker words every bad call alike (as jsonnet's
// validateBuiltinArgs does for its builtins).
//
// A function is `absl::StatusOr<const Value*> Fn(CallContext&, std::span<const Value* const>)`
// (arguments evaluated first) or, for the few that decide which arguments to evaluate (if,
// and, or, coalesce and the lambda functions), a LazyFn that receives the argument expressions.
// Functions that read the deployment (scope, deployment and resource functions) are flagged
// `needs_deployment` and read it through CallContext::deployment().
// Each group registers its functions in Register<Group>Functions (functions/<group>.cc); the
// README's "Template functions" list is checked against this table by a test.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"

#include "arm/expression.h"
#include "json/value.h"

namespace armlint::internal {

class CallContext;

// Argument kinds a function accepts: a mask of kinds.
enum ArgKinds : std::uint16_t {
  kArgNull = 1 << 0,
  kArgBool = 1 << 1,
  kArgInt = 1 << 2,
  kArgDouble = 1 << 3,
  kArgString = 1 << 4,
  kArgArray = 1 << 5,
  kArgObject = 1 << 6,
  kArgNumber = kArgInt | kArgDouble,
  kArgAny = 0x7f,
};

// The mask bit of a kind (kUnknown: 0).
std::uint16_t KindBit(Kind k);

// What a function does with Unknown arguments.
enum class UnknownPolicy : std::uint8_t {
  kShallow,  // an Unknown argument makes the result Unknown (the default)
  kDeep,     // an argument with an Unknown anywhere inside makes the result Unknown
  kSelf,     // the function looks at Unknowns itself
};

using ArmFn = absl::StatusOr<const Value*> (*)(CallContext&, std::span<const Value* const>);
using ArmLazyFn = absl::StatusOr<const Value*> (*)(CallContext&, std::span<const Expr* const>);

struct ArmFunction {
  std::string_view name;  // canonical spelling, for messages
  int min_args = 0;
  int max_args = 0;  // -1: any number
  // Accepted kinds of each argument; the last entry applies to all further arguments. Empty:
  // any kind.
  std::vector<std::uint16_t> arg_kinds;
  Kind result = Kind::kUnknown;  // kind of the result, the hint of an Unknown result
  UnknownPolicy unknowns = UnknownPolicy::kShallow;
  ArmFn fn = nullptr;
  ArmLazyFn lazy = nullptr;  // set instead of fn for functions that evaluate their own arguments
  // The result has the kind of argument 1 (skip, take, union, ...): an Unknown result gets the
  // kind argument 1 has or stands for.
  bool result_like_first = false;
  // Reads the deployment (CallContext::deployment()); Unknown when the ExprEnv has none.
  bool needs_deployment = false;
  // `name` ends in '*' and what precedes it is a prefix: the entry answers every function whose
  // name starts with it and that has no entry of its own ("list*": listConnectionStrings, ...).
  bool name_is_prefix = false;
};

// The entry of a function of no arguments that answers an object read from the deployment
// (deployment(), subscription(), resourceGroup(), ...).
ArmFunction DeploymentObjectFunction(std::string_view name, ArmFn fn);

class FunctionTable {
 public:
  // The table of every built-in function (built once, immutable, thread-safe).
  static const FunctionTable& Get();

  // The entry of `name` (case-insensitive), else the prefix entry it starts with, else null.
  const ArmFunction* Find(std::string_view name) const;

  void Add(ArmFunction f);

  // Every entry, sorted by lower-cased name (for documentation and tests).
  std::vector<const ArmFunction*> All() const;

  // "function 'substring' expects 2 to 3 arguments, got 1", or OK.
  static absl::Status CheckArity(const ArmFunction& f, std::size_t n);
  // "function 'substring' expects argument 1 to be a string, got int", or OK. Unknown arguments
  // pass when the kind they stand for is accepted or not known.
  static absl::Status CheckKinds(const ArmFunction& f, std::span<const Value* const> args);

  // "unknown function 'concatt' (did you mean 'concat'?)": the nearest function name within a
  // small edit distance.
  std::string UnknownFunctionMessage(std::string_view name) const;

 private:
  absl::flat_hash_map<std::string, ArmFunction> by_lower_name_;
  std::vector<std::string> prefixes_;  // name_is_prefix entries, lower-cased, without the '*'
};

// Registration, one per group (functions/<group>.cc).
void RegisterArrayFunctions(FunctionTable& t);
void RegisterCidrFunctions(FunctionTable& t);
void RegisterComparisonFunctions(FunctionTable& t);
void RegisterDateFunctions(FunctionTable& t);
void RegisterDeploymentFunctions(FunctionTable& t);  // deployment, environment, deployer
void RegisterEnvFunctions(FunctionTable& t);
void RegisterLambdaFunctions(FunctionTable& t);
void RegisterLogicalFunctions(FunctionTable& t);
void RegisterNumericFunctions(FunctionTable& t);
void RegisterObjectFunctions(FunctionTable& t);
void RegisterResourceFunctions(FunctionTable& t);  // *ResourceId, reference, list*, ...
void RegisterScopeFunctions(FunctionTable& t);     // subscription, resourceGroup, ...
void RegisterStringFunctions(FunctionTable& t);
void RegisterStringFormatFunctions(FunctionTable& t);  // format
void RegisterStringHashFunctions(FunctionTable& t);    // guid, uniqueString

}  // namespace armlint::internal
