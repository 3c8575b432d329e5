// The table of built-in functions and the one argument checker every call goes through.
#include "arm/function_table.h"

#include <algorithm>
#include <cassert>
#include <vector>

#include "util/did_you_mean.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

std::uint16_t KindBit(Kind k) {
  switch (k) {
    case Kind::kNull:
      return kArgNull;
    case Kind::kBool:
      return kArgBool;
    case Kind::kInt:
      return kArgInt;
    case Kind::kDouble:
      return kArgDouble;
    case Kind::kString:
      return kArgString;
    case Kind::kArray:
      return kArgArray;
    case Kind::kObject:
      return kArgObject;
    case Kind::kUnknown:
      return 0;
  }
  return 0;
}

const FunctionTable& FunctionTable::Get() {
  static const FunctionTable* table = [] {
    auto* t = new FunctionTable();
    RegisterArrayFunctions(*t);
    RegisterCidrFunctions(*t);
    RegisterComparisonFunctions(*t);
    RegisterDateFunctions(*t);
    RegisterDeploymentFunctions(*t);
    RegisterEnvFunctions(*t);
    RegisterLambdaFunctions(*t);
    RegisterLogicalFunctions(*t);
    RegisterNumericFunctions(*t);
    RegisterObjectFunctions(*t);
    RegisterResourceFunctions(*t);
    RegisterScopeFunctions(*t);
    RegisterStringFunctions(*t);
    RegisterStringFormatFunctions(*t);
    RegisterStringHashFunctions(*t);
    return t;
  }();
  return *table;
}

const ArmFunction* FunctionTable::Find(std::string_view name) const {
  char buf[64];
  if (name.size() > sizeof(buf)) return nullptr;
  for (std::size_t i = 0; i < name.size(); ++i) buf[i] = AsciiLower(name[i]);
  std::string_view lower(buf, name.size());
  auto it = by_lower_name_.find(absl::string_view(lower.data(), lower.size()));
  if (it != by_lower_name_.end()) return &it->second;
  for (const std::string& p : prefixes_) {
    if (lower.substr(0, p.size()) == p) {
      return &by_lower_name_.find(Cat(p, "*"))->second;
    }
  }
  return nullptr;
}

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
ArmFunction DeploymentObjectFunction(std::string_view name, ArmFn fn) {
  return {.name = name,
          .min_args = 0,
          .max_args = 0,
          .result = Kind::kObject,
          .fn = fn,
          .needs_deployment = true};
}
#pragma GCC diagnostic pop

void FunctionTable::Add(ArmFunction f) {
  std::string key = ToLower(f.name);
  if (f.name_is_prefix) {
    assert(!key.empty() && key.back() == '*');
    prefixes_.push_back(key.substr(0, key.size() - 1));
  }
  by_lower_name_.insert_or_assign(std::move(key), std::move(f));
}

std::vector<const ArmFunction*> FunctionTable::All() const {
  std::vector<std::pair<std::string_view, const ArmFunction*>> sorted;
  for (const auto& [k, f] : by_lower_name_) sorted.emplace_back(k, &f);
  std::sort(sorted.begin(), sorted.end());
  std::vector<const ArmFunction*> out;
  for (const auto& [k, f] : sorted) out.push_back(f);
  return out;
}

absl::Status FunctionTable::CheckArity(const ArmFunction& f, std::size_t n) {
  const auto count = static_cast<int>(n);
  if (count >= f.min_args && (f.max_args < 0 || count <= f.max_args)) return absl::OkStatus();
  std::string expected;
  auto plural = [](int k) { return k == 1 ? " argument" : " arguments"; };
  if (f.max_args < 0) {
    expected = Cat("at least ", f.min_args, plural(f.min_args));
  } else if (f.min_args == f.max_args) {
    expected = Cat(f.min_args, plural(f.min_args));
  } else {
    expected = Cat(f.min_args, " to ", f.max_args, " arguments");
  }
  return absl::InvalidArgumentError(Cat("function '", f.name, "' expects ", expected, ", got ", n));
}

namespace {

std::string KindsText(std::uint16_t mask) {
  if (mask == kArgAny) return "any value";
  std::string out;
  static constexpr std::pair<std::uint16_t, std::string_view> kNames[] = {
      {kArgString, "string"}, {kArgNumber, "number"}, {kArgInt, "int"},
      {kArgDouble, "number"}, {kArgBool, "bool"},     {kArgArray, "array"},
      {kArgObject, "object"}, {kArgNull, "null"}};
  std::uint16_t done = 0;
  for (const auto& [bit, name] : kNames) {
    if ((mask & bit) == bit && (done & bit) != bit) {
      if (!out.empty()) AppendCat(out, " or ");
      AppendCat(out, name);
      done |= bit;
    }
  }
  return out;
}

std::string_view Article(std::string_view s) {
  return (!s.empty() && (s[0] == 'a' || s[0] == 'i' || s[0] == 'o')) ? "an " : "a ";
}

}  // namespace

absl::Status FunctionTable::CheckKinds(const ArmFunction& f, std::span<const Value* const> args) {
  if (f.arg_kinds.empty()) return absl::OkStatus();
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::uint16_t mask = f.arg_kinds[std::min(i, f.arg_kinds.size() - 1)];
    const Value& a = *args[i];
    std::uint16_t bit = KindBit(a.is_unknown() ? a.unknown_kind() : a.kind());
    if (bit == 0 || (mask & bit) != 0) continue;
    std::string want = KindsText(mask);
    return absl::InvalidArgumentError(
        Cat("function '", f.name, "' expects argument ", i + 1, " to be ", Article(want), want,
            ", got ", Article(KindName(a.is_unknown() ? a.unknown_kind() : a.kind())),
            KindName(a.is_unknown() ? a.unknown_kind() : a.kind())));
  }
  return absl::OkStatus();
}

std::string FunctionTable::UnknownFunctionMessage(std::string_view name) const {
  std::vector<std::string_view> names;
  for (const auto& [k, f] : by_lower_name_) {
    if (!f.name_is_prefix) names.push_back(f.name);
  }
  return Cat("unknown function '", name, "'", DidYouMean(name, names));
}

}  // namespace armlint::internal
