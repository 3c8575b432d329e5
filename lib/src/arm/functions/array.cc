// Array functions, and the string/object overloads that share their names: array, concat,
// contains, createArray, empty, first, flatten, indexFromEnd, indexOf, last, lastIndexOf, length,
// skip, take, tryGet, tryIndexFromEnd. (intersection/union: object.cc; min/max/range: numeric.cc.)
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
//
// Case: contains on a string or an array item is case-sensitive, on an object key
// case-insensitive (array page, "contains"); indexOf/lastIndexOf are case-insensitive on strings
// (string page) and case-sensitive on array items (array page).
// Strings are measured in UTF-16 code units, as .NET (and so ARM) measures them.
#include <algorithm>
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

absl::StatusOr<const Value*> ArrayFn(CallContext& ctx, std::span<const Value* const> args) {
  if (args[0]->is_array()) return ctx.Share(args[0]);
  return ctx.Array(args);
}

absl::StatusOr<const Value*> Concat(CallContext& ctx, std::span<const Value* const> args) {
  bool arrays = false;
  for (const Value* a : args) {
    Kind k = a->is_unknown() ? a->unknown_kind() : a->kind();
    if (k == Kind::kArray) arrays = true;
  }
  for (const Value* a : args) {
    if (a->is_unknown())
      return ctx.Unknown(arrays ? Kind::kArray : Kind::kString, a->unknown_reason());
  }
  if (arrays) {
    std::vector<const Value*> items;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const Value* a = args[i];
      if (a->is_null()) continue;
      if (!a->is_array()) {
        return ctx.Error(
            Cat("cannot concatenate ", KindName(a->kind()), " argument ", i + 1, " with arrays"));
      }
      items.insert(items.end(), a->items().begin(), a->items().end());
      ARMLINT_RETURN_IF_ERROR(
          ctx.CheckSize(items.size(), limits::kMaxArrayItems, "an array", "kMaxArrayItems"));
    }
    ARMLINT_RETURN_IF_ERROR(ctx.Spend(static_cast<std::int64_t>(items.size())));
    return ctx.Array(items);
  }
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const Value* a = args[i];
    if (a->is_object()) {
      return ctx.Error(
          Cat("cannot concatenate object argument ", i + 1, "; concat takes strings or arrays"));
    }
    out += ToArmString(*a);
    ARMLINT_RETURN_IF_ERROR(
        ctx.CheckSize(out.size(), limits::kMaxStringBytes, "a string", "kMaxStringBytes"));
  }
  return ctx.String(out);
}

absl::StatusOr<const Value*> Contains(CallContext& ctx, std::span<const Value* const> args) {
  const Value& c = *args[0];
  const Value& item = *args[1];
  if (c.is_unknown() || item.is_unknown()) {
    return ctx.Unknown(Kind::kBool, c.is_unknown() ? c.unknown_reason() : item.unknown_reason());
  }
  if (c.is_string()) {
    if (!item.is_string() && !item.is_number()) {
      return ctx.Error("expects a string to look for in a string");
    }
    return ctx.Bool(c.string_value().find(ToArmString(item)) != std::string_view::npos);
  }
  if (c.is_object()) {
    if (!item.is_string()) return ctx.Error("expects a string key to look for in an object");
    return ctx.Bool(c.Find(item.string_value()) != nullptr);
  }
  if (ContainsUnknown(item)) return ctx.Unknown(Kind::kBool);
  bool unknown = false;
  for (const Value* v : c.items()) {
    if (DeepEquals(*v, item)) return ctx.Bool(true);
    if (ContainsUnknown(*v)) unknown = true;
  }
  if (unknown) return ctx.Unknown(Kind::kBool);
  return ctx.Bool(false);
}

absl::StatusOr<const Value*> Empty(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  switch (v.kind()) {
    case Kind::kNull:
      return ctx.Bool(true);
    case Kind::kString:
      return ctx.Bool(v.string_value().empty());
    case Kind::kArray:
      return ctx.Bool(v.items().empty());
    default:
      return ctx.Bool(v.members().empty());
  }
}

template <bool kFirst>
absl::StatusOr<const Value*> FirstLast(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  if (v.is_string()) {
    std::string_view s = v.string_value();
    if (s.empty()) return ctx.String("");
    if (kFirst) return ctx.String(s.substr(0, Utf8SequenceLength(s, 0)));
    std::size_t i = s.size() - 1;
    while (i > 0 && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return ctx.String(s.substr(i));
  }
  auto items = v.items();
  if (items.empty()) return ctx.Null();
  return ctx.Share(kFirst ? items.front() : items.back());
}

std::size_t FindIgnoreCase(std::string_view s, std::string_view needle, bool last) {
  if (needle.size() > s.size()) return std::string_view::npos;
  std::size_t n = s.size() - needle.size();
  for (std::size_t k = 0; k <= n; ++k) {
    std::size_t i = last ? n - k : k;
    if (EqualsIgnoreCase(s.substr(i, needle.size()), needle)) return i;
  }
  return std::string_view::npos;
}

template <bool kLast>
absl::StatusOr<const Value*> IndexOf(CallContext& ctx, std::span<const Value* const> args) {
  const Value& c = *args[0];
  const Value& item = *args[1];
  if (c.is_string()) {
    if (!item.is_string()) return ctx.Error("expects a string to look for in a string");
    std::size_t i = FindIgnoreCase(c.string_value(), item.string_value(), kLast);
    if (i == std::string_view::npos) return ctx.Int(-1);
    return ctx.Int(static_cast<std::int64_t>(UnitOfByteOffset(c.string_value(), i)));
  }
  auto items = c.items();
  for (std::size_t k = 0; k < items.size(); ++k) {
    std::size_t i = kLast ? items.size() - 1 - k : k;
    if (DeepEquals(*items[i], item)) return ctx.Int(static_cast<std::int64_t>(i));
  }
  return ctx.Int(-1);
}

absl::StatusOr<const Value*> Length(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  if (v.is_string()) return ctx.Int(static_cast<std::int64_t>(Utf16Length(v.string_value())));
  if (v.is_array()) return ctx.Int(static_cast<std::int64_t>(v.items().size()));
  return ctx.Int(static_cast<std::int64_t>(v.members().size()));
}

template <bool kSkip>
absl::StatusOr<const Value*> SkipTake(CallContext& ctx, std::span<const Value* const> args) {
  const Value& v = *args[0];
  std::int64_t n = args[1]->int_value();
  std::size_t size = v.is_string() ? Utf16Length(v.string_value()) : v.items().size();
  std::size_t k = n <= 0 ? 0 : std::min<std::size_t>(size, static_cast<std::uint64_t>(n));
  std::size_t from = kSkip ? k : 0;
  std::size_t count = kSkip ? size - k : k;
  if (v.is_string()) {
    std::string_view s = v.string_value();
    std::size_t b = ByteOffsetOfUnit(s, from);
    return ctx.String(s.substr(b, ByteOffsetOfUnit(s, from + count) - b));
  }
  return ctx.Array(v.items().subspan(from, count));
}

absl::StatusOr<const Value*> CreateArray(CallContext& ctx, std::span<const Value* const> args) {
  return ctx.Array(args);
}

// The item `from_end` places from the end of `items` (1 is the last), or null.
const Value* FromEnd(std::span<const Value* const> items, std::int64_t from_end) {
  if (from_end < 1 || static_cast<std::uint64_t>(from_end) > items.size()) return nullptr;
  return items[items.size() - static_cast<std::size_t>(from_end)];
}

// One step of a tryGet/tryIndexFromEnd path: an object key, an array index, or the object
// {"value": index, "fromEnd": true} that Bicep's `a[?^n]` compiles to. Null when missing.
absl::StatusOr<const Value*> TryStep(CallContext& ctx, const Value& cur, const Value& k) {
  const Value* key = &k;
  bool from_end = false;
  if (k.is_object()) {
    key = k.Find("value");
    const Value* fe = k.Find("fromEnd");
    if (key == nullptr || (fe != nullptr && !fe->is_bool())) {
      return ctx.Error("expects a path step object {\"value\": index, \"fromEnd\": bool}");
    }
    from_end = fe != nullptr && fe->bool_value();
  }
  if (cur.is_object() && key->is_string() && !from_end) return cur.Find(key->string_value());
  if (cur.is_array() && key->is_int()) {
    std::int64_t ix = key->int_value();
    auto items = cur.items();
    if (from_end) return FromEnd(items, ix);
    return ix >= 0 && static_cast<std::uint64_t>(ix) < items.size()
               ? items[static_cast<std::size_t>(ix)]
               : nullptr;
  }
  if (cur.is_null()) return nullptr;
  return ctx.Error(
      Cat("cannot look up ", KindName(key->kind()), " key in ", KindName(cur.kind()), " value"));
}

// Follows `path` from `cur`; null where a key or index is missing.
absl::StatusOr<const Value*> TryPath(CallContext& ctx, const Value* cur,
                                     std::span<const Value* const> path) {
  for (const Value* k : path) {
    if (cur->is_unknown() || ContainsUnknown(*k)) return ctx.Unknown(Kind::kUnknown);
    ARMLINT_ASSIGN_OR_RETURN(cur, TryStep(ctx, *cur, *k));
    if (cur == nullptr) return ctx.Null();
  }
  return ctx.Share(cur);
}

// tryGet(itemToTest, keyOrIndex, ...): null where a key or index is missing.
absl::StatusOr<const Value*> TryGet(CallContext& ctx, std::span<const Value* const> args) {
  return TryPath(ctx, args[0], args.subspan(1));
}

// indexFromEnd(sourceArray, reverseIndex): reverseIndex is 1-based from the end.
absl::StatusOr<const Value*> IndexFromEnd(CallContext& ctx, std::span<const Value* const> args) {
  auto items = args[0]->items();
  const Value* v = FromEnd(items, args[1]->int_value());
  if (v == nullptr) {
    return ctx.Error(Cat("index ", args[1]->int_value(), " from the end is out of range for an ",
                         "array of ", items.size(), " items (1 is the last item)"));
  }
  return ctx.Share(v);
}

// tryIndexFromEnd(sourceArray, reverseIndex, path...): null when out of range or when the
// array is null; further arguments continue the path as tryGet's do (Bicep's `a[?^1].x`).
absl::StatusOr<const Value*> TryIndexFromEnd(CallContext& ctx, std::span<const Value* const> args) {
  const Value& a = *args[0];
  const Value& n = *args[1];
  if (a.is_unknown() || n.is_unknown()) {
    return ctx.Unknown(Kind::kUnknown, a.is_unknown() ? a.unknown_reason() : n.unknown_reason());
  }
  if (a.is_null()) return ctx.Null();
  const Value* v = FromEnd(a.items(), n.int_value());
  if (v == nullptr) return ctx.Null();
  return TryPath(ctx, v, args.subspan(2));
}

absl::StatusOr<const Value*> Flatten(CallContext& ctx, std::span<const Value* const> args) {
  std::vector<const Value*> items;
  for (const Value* a : args[0]->items()) {
    if (a->is_unknown()) return ctx.Unknown(Kind::kArray, a->unknown_reason());
    if (!a->is_array()) {
      return ctx.Error(Cat("expects an array of arrays, found ", KindName(a->kind())));
    }
    items.insert(items.end(), a->items().begin(), a->items().end());
    ARMLINT_RETURN_IF_ERROR(
        ctx.CheckSize(items.size(), limits::kMaxArrayItems, "an array", "kMaxArrayItems"));
  }
  return ctx.Array(items);
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterArrayFunctions(FunctionTable& t) {
  constexpr std::uint16_t kStrArr = kArgString | kArgArray;
  t.Add({.name = "array", .min_args = 1, .max_args = 1, .result = Kind::kArray, .fn = ArrayFn});
  t.Add({.name = "concat",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArgString | kArgArray | kArgNumber | kArgBool | kArgNull},
         .unknowns = UnknownPolicy::kSelf,
         .fn = Concat});
  t.Add({.name = "contains",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgString | kArgArray | kArgObject, kArgAny},
         .result = Kind::kBool,
         .unknowns = UnknownPolicy::kSelf,
         .fn = Contains});
  t.Add({.name = "createArray",
         .min_args = 0,
         .max_args = -1,
         .result = Kind::kArray,
         .unknowns = UnknownPolicy::kSelf,
         .fn = CreateArray});
  t.Add({.name = "empty",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgNull | kArgString | kArgArray | kArgObject},
         .result = Kind::kBool,
         .fn = Empty});
  t.Add({.name = "first",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kStrArr},
         .fn = FirstLast<true>});
  t.Add({.name = "last",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kStrArr},
         .fn = FirstLast<false>});
  t.Add({.name = "flatten",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgArray},
         .result = Kind::kArray,
         .fn = Flatten});
  t.Add({.name = "indexOf",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kStrArr, kArgAny},
         .result = Kind::kInt,
         .unknowns = UnknownPolicy::kDeep,
         .fn = IndexOf<false>});
  t.Add({.name = "lastIndexOf",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kStrArr, kArgAny},
         .result = Kind::kInt,
         .unknowns = UnknownPolicy::kDeep,
         .fn = IndexOf<true>});
  t.Add({.name = "length",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgString | kArgArray | kArgObject},
         .result = Kind::kInt,
         .fn = Length});
  t.Add({.name = "skip",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kStrArr, kArgInt},
         .fn = SkipTake<true>,
         .result_like_first = true});
  t.Add({.name = "take",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kStrArr, kArgInt},
         .fn = SkipTake<false>,
         .result_like_first = true});
  constexpr std::uint16_t kPathStep = kArgString | kArgInt | kArgObject;
  t.Add({.name = "tryGet",
         .min_args = 2,
         .max_args = -1,
         .arg_kinds = {kArgObject | kArgArray | kArgNull, kPathStep},
         .unknowns = UnknownPolicy::kSelf,
         .fn = TryGet});
  t.Add({.name = "indexFromEnd",
         .min_args = 2,
         .max_args = 2,
         .arg_kinds = {kArgArray, kArgInt},
         .fn = IndexFromEnd});
  t.Add({.name = "tryIndexFromEnd",
         .min_args = 2,
         .max_args = -1,
         .arg_kinds = {kArgArray | kArgNull, kArgInt, kPathStep},
         .unknowns = UnknownPolicy::kSelf,
         .fn = TryIndexFromEnd});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
