// Helpers shared by the built-in function groups.
#include "arm/functions/common.h"

#include "json/parser.h"
#include "util/str_cat.h"

namespace armlint::internal {

namespace {

const Value* Reanchored(Arena& arena, const Value& v, Anchor at, std::uint8_t flags) {
  switch (v.kind()) {
    case Kind::kArray: {
      std::vector<const Value*> items;
      items.reserve(v.items().size());
      for (const Value* i : v.items()) items.push_back(Reanchored(arena, *i, at, flags));
      return Value::Array(arena, items, at, v.flags() | flags);
    }
    case Kind::kObject: {
      std::vector<Member> members;
      members.reserve(v.members().size());
      for (const Member& m : v.members()) {
        members.push_back({m.key, Reanchored(arena, *m.value, at, flags), at.pos});
      }
      return Value::Object(arena, members, at, v.flags() | flags);
    }
    default:
      return Value::Reanchor(arena, v, at, flags);
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
      if (c == '\\' && i + 1 < text.size())
        out += text[++i];
      else if (c == '"')
        in_double = false;
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

namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

}  // namespace

std::size_t Utf8SequenceLength(std::string_view s, std::size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return i + n <= s.size() ? n : s.size() - i;
}

std::size_t Utf16Length(std::string_view s) {
  if (IsAscii(s)) return s.size();
  std::size_t units = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = Utf8SequenceLength(s, i);
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return units;
}

std::size_t ByteOffsetOfUnit(std::string_view s, std::size_t unit) {
  if (IsAscii(s)) return unit < s.size() ? unit : s.size();
  std::size_t units = 0, i = 0;
  while (i < s.size() && units < unit) {
    std::size_t n = Utf8SequenceLength(s, i);
    units += n == 4 ? 2 : 1;
    i += n;
  }
  return i;
}

std::size_t UnitOfByteOffset(std::string_view s, std::size_t byte) {
  if (IsAscii(s)) return byte;
  return Utf16Length(s.substr(0, byte));
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
      if ((ctx.flags() & kFlagSecure) != 0) return ctx.Error("the value is not valid JSON");
      return ctx.Error(
          Cat("the value is not valid JSON: ", out.error.message, " at offset ", out.error.pos));
    }
    out = std::move(second);
  }
  return Reanchored(ctx.arena(), *out.root, ctx.at(), ctx.flags());
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
