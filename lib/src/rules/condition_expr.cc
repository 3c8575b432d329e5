// Policy functions for expressions in conditions (see condition_expr.h).
#include "rules/condition_expr.h"

#include <array>
#include <cstdio>

#include "absl/time/time.h"

#include "rules/operators.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// An IPv4 or IPv6 address as 16 bytes (IPv4 mapped), and whether it parsed.
bool ParseIp(std::string_view s, std::array<unsigned char, 16>& out, bool& v4) {
  out.fill(0);
  if (s.find(':') == std::string_view::npos) {
    v4 = true;
    int parts = 0;
    std::size_t i = 0;
    while (parts < 4) {
      std::size_t j = s.find('.', i);
      std::string_view p = s.substr(i, j == std::string_view::npos ? s.size() - i : j - i);
      int n = 0;
      if (p.empty() || p.size() > 3 || !ParseInt(p, n) || n < 0 || n > 255) return false;
      out[12 + parts] = static_cast<unsigned char>(n);
      ++parts;
      if (j == std::string_view::npos) break;
      i = j + 1;
    }
    return parts == 4 && s.find('.', i) == std::string_view::npos;
  }
  v4 = false;
  // IPv6: groups of hex, one "::".
  std::vector<int> head, tail;
  bool gap = false;
  std::size_t i = 0;
  if (s.substr(0, 2) == "::") {
    gap = true;
    i = 2;
  }
  while (i < s.size()) {
    std::size_t j = s.find(':', i);
    std::string_view g = s.substr(i, j == std::string_view::npos ? s.size() - i : j - i);
    if (g.empty() || g.size() > 4) return false;
    int n = 0;
    for (char c : g) {
      int d = (c >= '0' && c <= '9')   ? c - '0'
              : (c >= 'a' && c <= 'f') ? c - 'a' + 10
              : (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                       : -1;
      if (d < 0) return false;
      n = n * 16 + d;
    }
    (gap ? tail : head).push_back(n);
    if (j == std::string_view::npos) break;
    if (j + 1 < s.size() && s[j + 1] == ':') {
      if (gap) return false;
      gap = true;
      i = j + 2;
    } else {
      i = j + 1;
    }
  }
  std::size_t groups = head.size() + tail.size();
  if (groups > 8 || (!gap && groups != 8)) return false;
  std::size_t k = 0;
  for (int g : head) {
    out[k++] = static_cast<unsigned char>(g >> 8);
    out[k++] = static_cast<unsigned char>(g & 0xff);
  }
  k = 16 - tail.size() * 2;
  for (int g : tail) {
    out[k++] = static_cast<unsigned char>(g >> 8);
    out[k++] = static_cast<unsigned char>(g & 0xff);
  }
  return true;
}

// ipRangeContains(range, target): both a CIDR range, an address, or "a-b"; the same family.
absl::StatusOr<bool> IpRangeContains(std::string_view range, std::string_view target) {
  using Ip = std::array<unsigned char, 16>;
  auto bounds = [](std::string_view s, Ip& lo, Ip& hi, bool& v4) -> bool {
    std::size_t dash = s.find('-');
    if (dash != std::string_view::npos) {
      bool v4b = false;
      return ParseIp(Strip(s.substr(0, dash)), lo, v4) &&
             ParseIp(Strip(s.substr(dash + 1)), hi, v4b) && v4 == v4b;
    }
    std::size_t slash = s.find('/');
    if (!ParseIp(s.substr(0, slash), lo, v4)) return false;
    int bits = v4 ? 32 : 128;
    if (slash != std::string_view::npos && !ParseInt(s.substr(slash + 1), bits)) return false;
    if (bits < 0 || bits > (v4 ? 32 : 128)) return false;
    int prefix = bits + (v4 ? 96 : 0);
    hi = lo;
    for (int b = prefix; b < 128; ++b) {
      lo[b / 8] &= static_cast<unsigned char>(~(0x80 >> (b % 8)));
      hi[b / 8] |= static_cast<unsigned char>(0x80 >> (b % 8));
    }
    return true;
  };
  Ip rlo, rhi, tlo, thi;
  bool rv4 = false, tv4 = false;
  if (!bounds(range, rlo, rhi, rv4)) {
    return absl::InvalidArgumentError(Cat("ipRangeContains: invalid range '", range, "'"));
  }
  if (!bounds(target, tlo, thi, tv4)) {
    return absl::InvalidArgumentError(Cat("ipRangeContains: invalid target '", target, "'"));
  }
  if (rv4 != tv4) {
    return absl::InvalidArgumentError("ipRangeContains: range and target of different families");
  }
  return rlo <= tlo && thi <= rhi;
}

}  // namespace

bool ReadsResource(std::string_view e) {
  static const WildcardPattern* kField = new WildcardPattern(WildcardPattern::Like("field"));
  static const WildcardPattern* kCurrent = new WildcardPattern(WildcardPattern::Like("current"));
  static const WildcardPattern* kRequest =
      new WildcardPattern(WildcardPattern::Like("requestContext"));
  return ExpressionCalls(e, *kField) || ExpressionCalls(e, *kCurrent) ||
         ExpressionCalls(e, *kRequest);
}

absl::StatusOr<const Value*> PolicyEnv::Parameter(std::string_view name) {
  if (params_ != nullptr) {
    auto it = params_->find(ToLower(name));
    if (it != params_->end()) return it->second;
  }
  return absl::InvalidArgumentError(Cat("the policy declares no parameter '", name, "'"));
}

absl::StatusOr<const Value*> PolicyEnv::Variable(std::string_view) {
  return absl::InvalidArgumentError("a policy has no variables()");
}

absl::StatusOr<std::int64_t> PolicyEnv::CopyIndex(std::string_view) {
  return absl::InvalidArgumentError("copyIndex() is not available in a policy");
}

absl::StatusOr<const Value*> PolicyEnv::CallUserFunction(std::string_view ns, std::string_view name,
                                                         std::span<const Value* const>) {
  return absl::InvalidArgumentError(Cat("unknown function '", ns, ".", name, "'"));
}

absl::StatusOr<const Value*> PolicyEnv::CallHostFunction(std::string_view name,
                                                         std::span<const Value* const> args,
                                                         Anchor at) {
  Arena& a = *arena;
  auto arg_string = [&](std::size_t i) -> const Value* {
    return i < args.size() && args[i]->is_string() ? args[i] : nullptr;
  };
  if (EqualsIgnoreCase(name, "field")) {
    if (args.size() != 1 || arg_string(0) == nullptr) {
      return absl::InvalidArgumentError("field() takes one string: a field path or alias");
    }
    if (!field) return Value::Unknown(a, "field() is evaluated per resource", at);
    return field(args[0]->string_value(), a, at);
  }
  if (EqualsIgnoreCase(name, "current")) {
    if (args.size() > 1 || (args.size() == 1 && arg_string(0) == nullptr)) {
      return absl::InvalidArgumentError("current() takes at most one string");
    }
    if (!current) return Value::Unknown(a, "current() is evaluated per resource", at);
    return current(args.empty() ? std::string_view() : args[0]->string_value(), !args.empty(), a,
                   at);
  }
  if (EqualsIgnoreCase(name, "requestContext")) {
    if (!args.empty()) return absl::InvalidArgumentError("requestContext() takes no arguments");
    const Value* v = api_version.empty() ? Value::Unknown(a, "the resource has no apiVersion", at)
                                         : Value::String(a, api_version, at);
    return MakeObject(a, {{"apiVersion", v}}, at);
  }
  for (const Value* arg : args) {
    if (arg->is_unknown() && !EqualsIgnoreCase(name, "field")) {
      return Value::Unknown(a, arg->unknown_reason(), at);
    }
  }
  if (EqualsIgnoreCase(name, "utcNow")) {
    // One fixed timestamp for the whole run, as one evaluation in Azure sees one time.
    static const std::string* kNow =
        new std::string(absl::FormatTime("%Y-%m-%dT%H:%M:%E7SZ", absl::Now(), absl::UTCTimeZone()));
    if (!args.empty()) return absl::InvalidArgumentError("utcNow() takes no arguments here");
    return Value::String(a, *kNow, at);
  }
  if (EqualsIgnoreCase(name, "resourceGroup") && args.empty()) {
    // The placeholder resource group of the offline context is an ordinary one: nothing (no
    // Databricks workspace, no managed application) manages it. Where it is, Azure knows and a
    // template does not: the placeholder location would make "same location as the group"
    // policies fire on every literal one.
    const DeploymentContext& d = deployment_;
    return MakeObject(
        a,
        {{"id",
          Value::String(
              a, Cat("/subscriptions/", d.subscription_id, "/resourceGroups/", d.resource_group),
              at)},
         {"name", Value::String(a, d.resource_group, at)},
         {"type", Value::StringView(a, "Microsoft.Resources/resourceGroups", at)},
         {"location", Value::Unknown(a, "the resource group's location is known at deployment", at,
                                     Kind::kString)},
         {"managedBy", Value::StringView(a, "", at)},
         {"tags", Value::Object(a, {}, at)},
         {"properties",
          MakeObject(a, {{"provisioningState", Value::StringView(a, "Succeeded", at)}}, at)}},
        at);
  }
  if (EqualsIgnoreCase(name, "addDays")) {
    if (args.size() != 2 || arg_string(0) == nullptr || !args[1]->is_int()) {
      return absl::InvalidArgumentError("addDays(dateTime, numberOfDaysToAdd)");
    }
    absl::Time t;
    std::string err;
    std::string s(args[0]->string_value());
    if (!absl::ParseTime(absl::RFC3339_full, s, &t, &err) &&
        !absl::ParseTime("%Y-%m-%d", s, &t, &err)) {
      return absl::InvalidArgumentError(Cat("addDays: '", s, "' is not an ISO 8601 date"));
    }
    t += absl::Hours(24 * args[1]->int_value());
    return Value::String(a, absl::FormatTime("%Y-%m-%dT%H:%M:%E*SZ", t, absl::UTCTimeZone()), at);
  }
  if (EqualsIgnoreCase(name, "ipRangeContains")) {
    if (args.size() != 2 || arg_string(0) == nullptr || arg_string(1) == nullptr) {
      return absl::InvalidArgumentError("ipRangeContains(range, targetRange) takes two strings");
    }
    absl::StatusOr<bool> r = IpRangeContains(args[0]->string_value(), args[1]->string_value());
    if (!r.ok()) return r.status();
    return Value::Bool(a, *r, at);
  }
  if (EqualsIgnoreCase(name, "policy")) {
    return Value::Unknown(a, "policy() describes the assignment", at);
  }
  return absl::NotFoundError("");  // the function table's, reading Deployment()
}

absl::StatusOr<const Value*> EvaluatePolicyExpression(const Expr& e, PolicyEnv& env, Arena& arena,
                                                      Anchor at) {
  EvalBudget budget;
  env.arena = &arena;
  return EvaluateExpression(e, env, arena, budget, at);
}

}  // namespace armlint::internal
