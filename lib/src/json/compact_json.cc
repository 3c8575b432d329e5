// Compact JSON text of values (Json.NET's Formatting.None).
#include "json/compact_json.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "util/json_escape.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

void AppendJsonString(std::string_view s, std::string& out) {
  out += '"';
  AppendJsonEscaped(out, s);
  out += '"';
}

}  // namespace

std::string FormatDouble(double d) {
  if (std::isnan(d)) return "NaN";
  if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
  if (d == std::floor(d) && std::fabs(d) < 1e15) {
    return Cat(static_cast<std::int64_t>(d));
  }
  // Shortest representation that round-trips, as .NET Core 3.0+ writes doubles.
  char buf[32];
  for (int prec = 1; prec <= 17; ++prec) {
    std::snprintf(buf, sizeof(buf), "%.*g", prec, d);
    if (std::strtod(buf, nullptr) == d) break;
  }
  return buf;
}

void AppendJson(const Value& v, std::string& out) {
  switch (v.kind()) {
    case Kind::kNull:
    case Kind::kUnknown:
      out += "null";
      return;
    case Kind::kBool:
      out += v.bool_value() ? "true" : "false";
      return;
    case Kind::kInt:
      AppendCat(out, v.int_value());
      return;
    case Kind::kDouble:
      out += FormatDouble(v.double_value());
      return;
    case Kind::kString:
      AppendJsonString(v.string_value(), out);
      return;
    case Kind::kArray: {
      out += '[';
      bool first = true;
      for (const Value* i : v.items()) {
        if (!first) out += ',';
        first = false;
        AppendJson(*i, out);
      }
      out += ']';
      return;
    }
    case Kind::kObject: {
      out += '{';
      bool first = true;
      for (const Member& m : v.members()) {
        if (!first) out += ',';
        first = false;
        AppendJsonString(m.key, out);
        out += ':';
        AppendJson(*m.value, out);
      }
      out += '}';
      return;
    }
  }
}

std::string ToJson(const Value& v) {
  std::string out;
  AppendJson(v, out);
  return out;
}

}  // namespace armlint::internal
