// Object functions and the array overloads that share their names: createObject,
// intersection, items, json, null, objectKeys, shallowMerge, union.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
//
// union merges objects deeply: where both values of a key are objects they are merged
// recursively; otherwise (arrays included) the later value wins. Arrays are unioned at the top
// level only, keeping the first occurrence of each item (the page's union examples).
#include <algorithm>
#include <string>

#include "absl/container/inlined_vector.h"

#include "arm/evaluator.h"
#include "arm/function_table.h"
#include "arm/functions/common.h"
#include "util/limits.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

absl::StatusOr<const Value*> CreateObject(CallContext& ctx, std::span<const Value* const> args) {
  if (args.size() % 2 != 0) {
    return ctx.Error(
        Cat("expects key/value pairs (an even number of arguments), got ", args.size()));
  }
  absl::InlinedVector<Member, 16> members;
  for (std::size_t i = 0; i < args.size(); i += 2) {
    if (args[i]->is_unknown()) return ctx.Unknown(Kind::kObject, args[i]->unknown_reason());
    if (!args[i]->is_string()) {
      return ctx.Error(Cat("expects argument ", i + 1, " (a key) to be a string, got ",
                           KindName(args[i]->kind())));
    }
    std::string_view key = args[i]->string_value();
    auto it = std::find_if(members.begin(), members.end(),
                           [&](const Member& m) { return EqualsIgnoreCase(m.key, key); });
    if (it != members.end()) {
      it->value = args[i + 1];
    } else {
      members.push_back({key, args[i + 1], ctx.at().pos});
    }
  }
  return ctx.Object(members);
}

const Value* MergeObjects(CallContext& ctx, const Value& a, const Value& b) {
  std::vector<Member> members(a.members().begin(), a.members().end());
  for (const Member& m : b.members()) {
    auto it = std::find_if(members.begin(), members.end(),
                           [&](const Member& x) { return EqualsIgnoreCase(x.key, m.key); });
    if (it == members.end()) {
      members.push_back(m);
    } else if (it->value->is_object() && m.value->is_object()) {
      it->value = MergeObjects(ctx, *it->value, *m.value);
    } else {
      it->value = m.value;
    }
  }
  return ctx.Object(members);
}

absl::StatusOr<const Value*> Union(CallContext& ctx, std::span<const Value* const> args) {
  bool arrays = args[0]->is_array();
  for (const Value* a : args) {
    if (a->is_array() != arrays) return ctx.Error("expects all arrays or all objects");
  }
  if (!arrays) {
    const Value* r = args[0];
    for (std::size_t i = 1; i < args.size(); ++i) r = MergeObjects(ctx, *r, *args[i]);
    return ctx.Share(r);
  }
  std::vector<const Value*> items;
  for (const Value* a : args) {
    ARMLINT_RETURN_IF_ERROR(ctx.Spend(static_cast<std::int64_t>(a->items().size())));
    for (const Value* v : a->items()) {
      if (ContainsUnknown(*v)) return ctx.Unknown(Kind::kArray);
      bool seen = false;
      for (const Value* w : items) {
        if (DeepEquals(*v, *w)) {
          seen = true;
          break;
        }
      }
      if (!seen) items.push_back(v);
    }
    ARMLINT_RETURN_IF_ERROR(ctx.Spend(static_cast<std::int64_t>(items.size())));
  }
  return ctx.Array(items);
}

absl::StatusOr<const Value*> Intersection(CallContext& ctx, std::span<const Value* const> args) {
  bool arrays = args[0]->is_array();
  for (const Value* a : args) {
    if (a->is_array() != arrays) return ctx.Error("expects all arrays or all objects");
  }
  if (ContainsUnknown(*args[0])) return ctx.Unknown(arrays ? Kind::kArray : Kind::kObject);
  for (const Value* a : args) {
    if (ContainsUnknown(*a)) return ctx.Unknown(arrays ? Kind::kArray : Kind::kObject);
  }
  if (!arrays) {
    std::vector<Member> members;
    for (const Member& m : args[0]->members()) {
      bool all = true;
      for (std::size_t i = 1; i < args.size() && all; ++i) {
        const Value* o = args[i]->Find(m.key);
        all = o != nullptr && DeepEquals(*o, *m.value);
      }
      if (all) members.push_back(m);
    }
    return ctx.Object(members);
  }
  std::vector<const Value*> items;
  ARMLINT_RETURN_IF_ERROR(ctx.Spend(static_cast<std::int64_t>(args[0]->items().size())));
  for (const Value* v : args[0]->items()) {
    bool all = true;
    for (std::size_t i = 1; i < args.size() && all; ++i) {
      all = std::any_of(args[i]->items().begin(), args[i]->items().end(),
                        [&](const Value* w) { return DeepEquals(*v, *w); });
    }
    bool seen =
        std::any_of(items.begin(), items.end(), [&](const Value* w) { return DeepEquals(*v, *w); });
    if (all && !seen) items.push_back(v);
  }
  return ctx.Array(items);
}

// items(object): [{"key": k, "value": v}, ...] sorted by key, as the page's example shows.
absl::StatusOr<const Value*> Items(CallContext& ctx, std::span<const Value* const> args) {
  std::vector<Member> sorted(args[0]->members().begin(), args[0]->members().end());
  std::stable_sort(sorted.begin(), sorted.end(), [](const Member& a, const Member& b) {
    return ToLower(a.key) < ToLower(b.key);
  });
  std::vector<const Value*> items;
  items.reserve(sorted.size());
  for (const Member& m : sorted) {
    Member kv[2] = {
        {"key", Value::StringView(ctx.arena(), m.key, ctx.at(), ctx.flags()), ctx.at().pos},
        {"value", m.value, ctx.at().pos}};
    items.push_back(ctx.Object(kv));
  }
  return ctx.Array(items);
}

absl::StatusOr<const Value*> ObjectKeys(CallContext& ctx, std::span<const Value* const> args) {
  std::vector<const Value*> keys;
  for (const Member& m : args[0]->members()) {
    keys.push_back(Value::StringView(ctx.arena(), m.key, ctx.at(), ctx.flags()));
  }
  return ctx.Array(keys);
}

absl::StatusOr<const Value*> ShallowMerge(CallContext& ctx, std::span<const Value* const> args) {
  std::vector<Member> members;
  for (const Value* o : args[0]->items()) {
    if (o->is_unknown()) return ctx.Unknown(Kind::kObject, o->unknown_reason());
    if (!o->is_object()) {
      return ctx.Error(Cat("expects an array of objects, found ", KindName(o->kind())));
    }
    for (const Member& m : o->members()) {
      auto it = std::find_if(members.begin(), members.end(),
                             [&](const Member& x) { return EqualsIgnoreCase(x.key, m.key); });
      if (it == members.end()) {
        members.push_back(m);
      } else {
        it->value = m.value;
      }
    }
  }
  return ctx.Object(members);
}

absl::StatusOr<const Value*> Json(CallContext& ctx, std::span<const Value* const> args) {
  return ParseJsonText(ctx, args[0]->string_value());
}

absl::StatusOr<const Value*> Null(CallContext& ctx, std::span<const Value* const>) {
  return ctx.Null();
}

}  // namespace

// Entries name only the fields they set (designated initializers).
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
void RegisterObjectFunctions(FunctionTable& t) {
  constexpr std::uint16_t kArrObj = kArgArray | kArgObject;
  t.Add({.name = "createObject",
         .min_args = 0,
         .max_args = -1,
         .result = Kind::kObject,
         .unknowns = UnknownPolicy::kSelf,
         .fn = CreateObject});
  t.Add({.name = "union",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArrObj},
         .fn = Union,
         .result_like_first = true});
  t.Add({.name = "intersection",
         .min_args = 1,
         .max_args = -1,
         .arg_kinds = {kArrObj},
         .fn = Intersection,
         .result_like_first = true});
  t.Add({.name = "items",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgObject},
         .result = Kind::kArray,
         .fn = Items});
  t.Add({.name = "objectKeys",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgObject},
         .result = Kind::kArray,
         .fn = ObjectKeys});
  t.Add({.name = "shallowMerge",
         .min_args = 1,
         .max_args = 1,
         .arg_kinds = {kArgArray},
         .result = Kind::kObject,
         .fn = ShallowMerge});
  t.Add({.name = "json", .min_args = 1, .max_args = 1, .arg_kinds = {kArgString}, .fn = Json});
  t.Add({.name = "null", .min_args = 0, .max_args = 0, .result = Kind::kNull, .fn = Null});
}
#pragma GCC diagnostic pop

}  // namespace armlint::internal
