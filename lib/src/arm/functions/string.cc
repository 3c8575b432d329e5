// String functions: base64, base64ToJson, base64ToString, dataUri, dataUriToString, endsWith,
// join, padLeft, replace, split, startsWith, string, substring, toLower, toUpper, trim, uri,
// uriComponent, uriComponentToString. (concat, contains, empty, first, last, indexOf,
// lastIndexOf, length, skip, take: array.cc; json: object.cc; format: string_format.cc; guid,
// uniqueString, newGuid: string_hash.cc.)
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
//
// Case: startsWith/endsWith are case-insensitive, replace and split case-sensitive (the page
// states it for startsWith/endsWith; replace and split are .NET's ordinal operations).
#include <string>

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/limits.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr char kB64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

std::string Base64Encode(std::string_view in) {
  std::string out;
  out.reserve((in.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= in.size(); i += 3) {
    std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(in[i])} << 16) |
                      (std::uint32_t{static_cast<unsigned char>(in[i + 1])} << 8) |
                      static_cast<unsigned char>(in[i + 2]);
    out += kB64[n >> 18];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += kB64[n & 63];
  }
  if (i + 1 == in.size()) {
    std::uint32_t n = std::uint32_t{static_cast<unsigned char>(in[i])} << 16;
    out += kB64[n >> 18];
    out += kB64[(n >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    std::uint32_t n = (std::uint32_t{static_cast<unsigned char>(in[i])} << 16) |
                      (std::uint32_t{static_cast<unsigned char>(in[i + 1])} << 8);
    out += kB64[n >> 18];
    out += kB64[(n >> 12) & 63];
    out += kB64[(n >> 6) & 63];
    out += '=';
  }
  return out;
}

bool Base64Decode(std::string_view in, std::string* out) {
  std::uint32_t acc = 0;
  int bits = 0;
  std::size_t pad = 0;
  for (char c : in) {
    if (c == '=') {
      ++pad;
      continue;
    }
    if (pad > 0) return false;
    const char* p = c == '\0' ? nullptr : std::strchr(kB64, c);
    if (p == nullptr) {
      if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
      return false;
    }
    acc = (acc << 6) | static_cast<std::uint32_t>(p - kB64);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      *out += static_cast<char>((acc >> bits) & 0xff);
    }
  }
  return pad <= 2;
}

absl::StatusOr<std::string> DecodeArg(CallContext& ctx, std::string_view s) {
  std::string out;
  if (!Base64Decode(s, &out)) return ctx.Error("the value is not valid base64");
  return out;
}

absl::StatusOr<const Value*> Base64(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.String(Base64Encode(args[0]->string_value()));
}

absl::StatusOr<const Value*> Base64ToString(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(std::string s, DecodeArg(ctx, args[0]->string_value()));
  return ctx.String(s);
}

absl::StatusOr<const Value*> Base64ToJson(CallContext& ctx, std::span<const Value* const> args) {
  ARMLINT_ASSIGN_OR_RETURN(std::string s, DecodeArg(ctx, args[0]->string_value()));
  return ParseJsonText(ctx, s);
}

absl::StatusOr<const Value*> DataUri(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.String(
      Cat("data:text/plain;charset=utf8;base64,", Base64Encode(args[0]->string_value())));
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto hex = [](char c) {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (s[i] == '%' && i + 2 < s.size() + 0 && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

absl::StatusOr<const Value*> DataUriToString(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view s = args[0]->string_value();
  if (!StartsWithIgnoreCase(s, "data:")) return ctx.Error("the value is not a data URI");
  std::size_t comma = s.find(',');
  if (comma == std::string_view::npos) return ctx.Error("the data URI has no ','");
  std::string_view meta = s.substr(5, comma - 5);
  std::string_view data = s.substr(comma + 1);
  if (EndsWithIgnoreCase(meta, ";base64")) {
    ARMLINT_ASSIGN_OR_RETURN(std::string out, DecodeArg(ctx, data));
    return ctx.String(out);
  }
  return ctx.String(PercentDecode(data));
}

absl::StatusOr<const Value*> StartsWith(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.Bool(StartsWithIgnoreCase(args[0]->string_value(), args[1]->string_value()));
}
absl::StatusOr<const Value*> EndsWith(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.Bool(EndsWithIgnoreCase(args[0]->string_value(), args[1]->string_value()));
}

absl::StatusOr<const Value*> Join(CallContext& ctx, std::span<const Value* const> args) {
  std::string out;
  std::string_view delim = args[1]->string_value();
  bool first = true;
  for (const Value* v : args[0]->items()) {
    if (v->is_unknown()) return ctx.Unknown(Kind::kString, v->unknown_reason());
    if (v->is_array() || v->is_object()) {
      return ctx.Error(Cat("expects an array of strings, found ", KindName(v->kind())));
    }
    if (!first) out += delim;
    first = false;
    out += ToArmString(*v);
    ARMLINT_RETURN_IF_ERROR(
        ctx.CheckSize(out.size(), limits::kMaxStringBytes, "a string", "kMaxStringBytes"));
  }
  return ctx.String(out);
}

absl::StatusOr<const Value*> PadLeft(CallContext& ctx, std::span<const Value* const> args) {
  std::string value = ToArmString(*args[0]);
  std::int64_t total = args[1]->int_value();
  char pad = ' ';
  if (args.size() == 3) {
    std::string_view p = args[2]->string_value();
    if (p.size() != 1) return ctx.Error("the padding character must be a single character");
    pad = p[0];
  }
  const auto length = static_cast<std::int64_t>(Utf16Length(value));
  if (total <= length) return ctx.String(value);
  ARMLINT_RETURN_IF_ERROR(ctx.CheckSize(static_cast<std::uint64_t>(total), limits::kMaxStringBytes,
                                        "a string of length", "kMaxStringBytes"));
  std::string out(static_cast<std::size_t>(total - length), pad);
  out += value;
  return ctx.String(out);
}

absl::StatusOr<const Value*> Replace(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view s = args[0]->string_value();
  std::string_view from = args[1]->string_value();
  std::string_view to = args[2]->string_value();
  if (from.empty()) return ctx.Error("the string to replace must not be empty");
  std::string out;
  std::size_t pos = 0;
  for (;;) {
    std::size_t hit = s.find(from, pos);
    if (hit == std::string_view::npos) break;
    out.append(s.substr(pos, hit - pos));
    out.append(to);
    pos = hit + from.size();
    ARMLINT_RETURN_IF_ERROR(
        ctx.CheckSize(out.size(), limits::kMaxStringBytes, "a string", "kMaxStringBytes"));
  }
  out.append(s.substr(pos));
  return ctx.String(out);
}

// split(input, delimiter | [delimiters]): empty entries are kept (.NET String.Split).
absl::StatusOr<const Value*> Split(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view s = args[0]->string_value();
  std::vector<std::string_view> delims;
  if (args[1]->is_string()) {
    delims.push_back(args[1]->string_value());
  } else {
    for (const Value* d : args[1]->items()) {
      if (d->is_unknown()) return ctx.Unknown(Kind::kArray, d->unknown_reason());
      if (!d->is_string()) return ctx.Error("expects the delimiters to be strings");
      delims.push_back(d->string_value());
    }
  }
  std::vector<const Value*> parts;
  std::size_t start = 0, i = 0;
  while (i < s.size()) {
    std::size_t matched = 0;
    for (std::string_view d : delims) {
      if (!d.empty() && s.substr(i, d.size()) == d) {
        matched = d.size();
        break;
      }
    }
    if (matched > 0) {
      parts.push_back(ctx.String(s.substr(start, i - start)));
      i += matched;
      start = i;
    } else {
      ++i;
    }
  }
  parts.push_back(ctx.String(s.substr(start)));
  ARMLINT_RETURN_IF_ERROR(
      ctx.CheckSize(parts.size(), limits::kMaxArrayItems, "an array", "kMaxArrayItems"));
  return ctx.Array(parts);
}

absl::StatusOr<const Value*> String(CallContext& ctx, std::span<const Value* const> args) {
  if (args[0]->is_string()) return ctx.Share(args[0]);
  return ctx.String(ToArmString(*args[0]));
}

absl::StatusOr<const Value*> Substring(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view s = args[0]->string_value();
  std::int64_t start = args[1]->int_value();
  const auto size = static_cast<std::int64_t>(Utf16Length(s));
  std::int64_t len = args.size() == 3 ? args[2]->int_value() : size - start;
  if (start < 0 || start > size) {
    return ctx.Error(Cat("the start index ", start, " is outside the string of length ", size));
  }
  if (len < 0 || len > size - start) {
    return ctx.Error(Cat("the length ", len, " from index ", start,
                         " goes past the end of the string of length ", size));
  }
  std::size_t from = ByteOffsetOfUnit(s, static_cast<std::size_t>(start));
  std::size_t to = ByteOffsetOfUnit(s, static_cast<std::size_t>(start + len));
  return ctx.String(s.substr(from, to - from));
}

template <bool kUpper>
absl::StatusOr<const Value*> ChangeCase(CallContext& ctx, std::span<const Value* const> args) {
  std::string s(args[0]->string_value());
  for (char& c : s) {
    if (kUpper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    if (!kUpper) c = AsciiLower(c);
  }
  return ctx.String(s);
}

absl::StatusOr<const Value*> Trim(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view s = args[0]->string_value();
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
  };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return ctx.String(s);
}

// uri(baseUri, relativeUri), as .NET's Uri(Uri, string): an absolute relative URI wins; one
// starting with '/' replaces the path; otherwise it replaces the base's last path segment.
// Dot segments are removed as RFC 3986 section 5.2.4 says.
std::string RemoveDotSegments(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  bool trailing = false;
  while (i <= path.size()) {
    std::size_t j = path.find('/', i);
    if (j == std::string_view::npos) j = path.size();
    std::string_view seg = path.substr(i, j - i);
    trailing = false;
    if (seg == "..") {
      if (out.size() > 1) out.pop_back();
      trailing = true;
    } else if (seg == ".") {
      trailing = true;
    } else {
      out.push_back(seg);
    }
    i = j + 1;
  }
  std::string r;
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (k > 0) r += '/';
    r.append(out[k]);
  }
  if (trailing) r += '/';
  return r;
}

absl::StatusOr<const Value*> Uri(CallContext& ctx, std::span<const Value* const> args) {
  std::string_view base = args[0]->string_value();
  std::string_view rel = args[1]->string_value();
  std::size_t scheme = base.find("://");
  if (scheme == std::string_view::npos) return ctx.Error("the base URI must be absolute");
  if (rel.find("://") != std::string_view::npos) return ctx.String(rel);
  std::size_t path_start = base.find('/', scheme + 3);
  std::string_view authority = base.substr(0, path_start);
  std::string_view path = path_start == std::string_view::npos ? "/" : base.substr(path_start);
  std::size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  std::string merged;
  if (!rel.empty() && rel[0] == '/') {
    merged = std::string(rel);
  } else {
    merged = std::string(path.substr(0, path.rfind('/') + 1));
    merged += rel;
  }
  std::size_t rq = merged.find_first_of("?#");
  std::string suffix;
  if (rq != std::string::npos) {
    suffix = merged.substr(rq);
    merged.resize(rq);
  }
  return ctx.String(Cat(authority, RemoveDotSegments(merged), suffix));
}

// uriComponent: .NET Uri.EscapeDataString, which leaves only RFC 3986 unreserved characters.
absl::StatusOr<const Value*> UriComponent(CallContext& ctx, std::span<const Value* const> args) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : args[0]->string_value()) {
    auto u = static_cast<unsigned char>(c);
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return ctx.String(out);
}

absl::StatusOr<const Value*> UriComponentToString(CallContext& ctx,
                                                  std::span<const Value* const> args) {
  return ctx.String(PercentDecode(args[0]->string_value()));
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterStringFunctions(FunctionTable& t) {
  auto str = [&](std::string_view name, int min, int max, std::vector<std::uint16_t> kinds,
                 Kind result, ArmFn fn) {
    t.Add({.name = name,
           .min_args = min,
           .max_args = max,
           .arg_kinds = std::move(kinds),
           .result = result,
           .fn = fn});
  };
  constexpr std::uint16_t S = kArgString;
  str("base64", 1, 1, {S}, Kind::kString, Base64);
  str("base64ToJson", 1, 1, {S}, Kind::kUnknown, Base64ToJson);
  str("base64ToString", 1, 1, {S}, Kind::kString, Base64ToString);
  str("dataUri", 1, 1, {S}, Kind::kString, DataUri);
  str("dataUriToString", 1, 1, {S}, Kind::kString, DataUriToString);
  str("endsWith", 2, 2, {S}, Kind::kBool, EndsWith);
  str("startsWith", 2, 2, {S}, Kind::kBool, StartsWith);
  str("join", 2, 2, {kArgArray, S}, Kind::kString, Join);
  str("padLeft", 2, 3, {S | kArgInt, kArgInt, S}, Kind::kString, PadLeft);
  str("replace", 3, 3, {S}, Kind::kString, Replace);
  str("split", 2, 2, {S, S | kArgArray}, Kind::kArray, Split);
  str("substring", 2, 3, {S, kArgInt}, Kind::kString, Substring);
  str("toLower", 1, 1, {S}, Kind::kString, ChangeCase<false>);
  str("toUpper", 1, 1, {S}, Kind::kString, ChangeCase<true>);
  str("trim", 1, 1, {S}, Kind::kString, Trim);
  str("uri", 2, 2, {S}, Kind::kString, Uri);
  str("uriComponent", 1, 1, {S}, Kind::kString, UriComponent);
  str("uriComponentToString", 1, 1, {S}, Kind::kString, UriComponentToString);
  // string() of an array or object writes its items: an Unknown inside makes it Unknown.
  t.Add({.name = "string",
         .min_args = 1,
         .max_args = 1,
         .result = Kind::kString,
         .unknowns = UnknownPolicy::kDeep,
         .fn = String});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
