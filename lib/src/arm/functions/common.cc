// Helpers shared by the built-in function groups.
#include "arm/functions/common.h"

#include <cmath>
#include <cstdio>

#include "arm/expr_strings.h"
#include "json/parser.h"

namespace armlint::internal {

namespace {

void AppendJsonString(std::string_view s, std::string& out) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", c);
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

const Value* Reanchored(Arena& arena, const Value& v, Anchor at) {
  switch (v.kind()) {
    case Kind::kArray: {
      std::vector<const Value*> items;
      items.reserve(v.items().size());
      for (const Value* i : v.items()) items.push_back(Reanchored(arena, *i, at));
      return Value::Array(arena, items, at, v.flags());
    }
    case Kind::kObject: {
      std::vector<Member> members;
      members.reserve(v.members().size());
      for (const Member& m : v.members()) {
        members.push_back({m.key, Reanchored(arena, *m.value, at), at.pos});
      }
      return Value::Object(arena, members, at, v.flags());
    }
    default:
      return Value::Reanchor(arena, v, at);
  }
}

// Json.NET, which ARM's json() uses, accepts 'single-quoted' strings: rewrite them.
std::string DoubleQuoted(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_double = false, in_single = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_double) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) out += text[++i];
      else if (c == '"') in_double = false;
    } else if (in_single) {
      if (c == '\\' && i + 1 < text.size()) {
        char n = text[++i];
        if (n == '\'') {
          out += '\'';
        } else {
          out += '\\';
          out += n;
        }
      } else if (c == '\'') {
        out += '"';
        in_single = false;
      } else if (c == '"') {
        out += "\\\"";
      } else {
        out += c;
      }
    } else {
      if (c == '"') in_double = true;
      if (c == '\'') {
        in_single = true;
        c = '"';
      }
      out += c;
    }
  }
  return out;
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

std::string ToArmString(const Value& v) {
  switch (v.kind()) {
    case Kind::kString:
      return std::string(v.string_value());
    case Kind::kNull:
      return "";
    case Kind::kBool:
      return v.bool_value() ? "True" : "False";
    case Kind::kInt:
      return Cat(v.int_value());
    case Kind::kDouble:
      return FormatDouble(v.double_value());
    default:
      return ToJson(v);
  }
}

absl::StatusOr<const Value*> ParseJsonText(CallContext& ctx, std::string_view text) {
  std::string_view copy = ctx.arena().Copy(text);
  ParseOutput out = ParseJson(copy, ctx.arena());
  if (out.root == nullptr) {
    std::string_view alt = ctx.arena().Copy(DoubleQuoted(text));
    ParseOutput second = ParseJson(alt, ctx.arena());
    if (second.root == nullptr) {
      return ctx.Error(Cat("the value is not valid JSON: ", out.error.message,
                                    " at offset ", out.error.pos));
    }
    out = std::move(second);
  }
  return Reanchored(ctx.arena(), *out.root, ctx.at());
}

bool AddOverflows(std::int64_t a, std::int64_t b, std::int64_t* out) {
  return __builtin_add_overflow(a, b, out);
}
bool SubOverflows(std::int64_t a, std::int64_t b, std::int64_t* out) {
  return __builtin_sub_overflow(a, b, out);
}
bool MulOverflows(std::int64_t a, std::int64_t b, std::int64_t* out) {
  return __builtin_mul_overflow(a, b, out);
}

}  // namespace armlint::internal
