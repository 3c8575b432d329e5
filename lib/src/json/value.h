// The value model of every stage: immutable JSON plus Unknown, each value anchored to its source.
//
// Values live in an Arena (util/arena.h) and are referred to by `const Value*`; they are never
// copied or freed one by one. Strings are views, either into the loaded document's text (no
// escapes: zero-copy) or into the arena. `pos` is the byte offset of the source text that
// produced the value (the JSON token, or the template string whose expression computed it), so
// every finding can be reported at file:line:col, also after expansion.
//
//   Arena arena;
//   const Value* v = Value::String(arena, "abc", Anchor{12});
//   v->string_value();  // "abc"
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "util/arena.h"

namespace armlint::internal {

enum class Kind : std::uint8_t { kNull, kBool, kInt, kDouble, kString, kArray, kObject, kUnknown };

// Where a value came from: a byte offset in one of the documents of a lint unit.
struct Anchor {
  static constexpr std::uint32_t kNoPos = std::numeric_limits<std::uint32_t>::max();
  std::uint32_t pos = kNoPos;
  std::uint8_t source = 0;  // 0: the linted file; others: see the lint unit (parameter files)
  // A policy definition's own text (a literal a condition compared): never a place in the
  // linted file, so a finding it decides points at the resource.
  static constexpr std::uint8_t kPolicySource = 255;
  bool known() const { return pos != kNoPos; }
};

class Value;

struct Member {
  std::string_view key;
  const Value* value;
  std::uint32_t key_pos;
};

// Flags carried by a value.
enum ValueFlags : std::uint8_t {
  kFlagNone = 0,
  kFlagSecure = 1,          // derived from a secureString/secureObject parameter: never print
  kFlagFromExpression = 2,  // computed by an ARM expression rather than written literally
  // The null of a nullable parameter that was given no value: the deployment may well give
  // one, so what fails only because of this null cannot be told apart from a real error.
  kFlagAssumedNull = 4,
  // Computed by the Array/Object factories (callers' values for them are ignored): something
  // inside is secure / Unknown. Keeps ContainsSecure/ContainsUnknown O(1) on values that share
  // sub-values (a variable doubling an object 40 times is a DAG of 2^40 leaves).
  kFlagHasSecure = 0x40,
  kFlagHasUnknown = 0x80,
};

class Value {
 public:
  Kind kind() const { return kind_; }
  Anchor anchor() const { return {pos_, source_}; }
  std::uint32_t pos() const { return pos_; }
  std::uint8_t source() const { return source_; }
  std::uint8_t flags() const { return flags_; }
  bool secure() const { return (flags_ & kFlagSecure) != 0; }
  bool from_expression() const { return (flags_ & kFlagFromExpression) != 0; }
  bool assumed_null() const { return (flags_ & kFlagAssumedNull) != 0; }

  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_int() const { return kind_ == Kind::kInt; }
  bool is_double() const { return kind_ == Kind::kDouble; }
  bool is_number() const { return kind_ == Kind::kInt || kind_ == Kind::kDouble; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_object() const { return kind_ == Kind::kObject; }
  bool is_unknown() const { return kind_ == Kind::kUnknown; }

  bool bool_value() const { return u_.b; }
  std::int64_t int_value() const { return u_.i; }
  double double_value() const { return u_.d; }
  // Int or double as double.
  double number_value() const { return kind_ == Kind::kInt ? static_cast<double>(u_.i) : u_.d; }
  std::string_view string_value() const { return {u_.s.data, u_.s.size}; }
  std::span<const Value* const> items() const { return {u_.a.items, u_.a.size}; }
  std::span<const Member> members() const { return {u_.o.members, u_.o.size}; }
  // Values in the tree this value spans, counting shared sub-values each time they occur
  // (saturating at 2^32-1): 1 for a scalar. What serializing or walking it costs.
  std::uint32_t nodes() const {
    return kind_ == Kind::kArray ? u_.a.nodes : kind_ == Kind::kObject ? u_.o.nodes : 1;
  }

  // For an Unknown: why it is unknown ("reference() is evaluated at deployment") and what kind
  // of value it stands for (kUnknown when any).
  std::string_view unknown_reason() const { return {u_.s.data, u_.s.size}; }
  Kind unknown_kind() const { return hint_; }

  // Member lookup on an object, ASCII case-insensitive as ARM property names are; the last of
  // duplicate keys wins (as Json.NET, which ARM uses, loads them). Null when absent or not an
  // object.
  const Value* Find(std::string_view key) const;
  const Member* FindMember(std::string_view key) const;

  // Factories. `flags` is a ValueFlags mask.
  static const Value* Null(Arena& a, Anchor at, std::uint8_t flags = 0);
  static const Value* Bool(Arena& a, bool b, Anchor at, std::uint8_t flags = 0);
  static const Value* Int(Arena& a, std::int64_t i, Anchor at, std::uint8_t flags = 0);
  static const Value* Double(Arena& a, double d, Anchor at, std::uint8_t flags = 0);
  // Does not copy: `s` must outlive the arena's use of it (document text or arena memory).
  static const Value* StringView(Arena& a, std::string_view s, Anchor at, std::uint8_t flags = 0);
  // Copies `s` into the arena.
  static const Value* String(Arena& a, std::string_view s, Anchor at, std::uint8_t flags = 0);
  // Copies the item pointers / members into the arena.
  static const Value* Array(Arena& a, std::span<const Value* const> items, Anchor at,
                            std::uint8_t flags = 0);
  static const Value* Object(Arena& a, std::span<const Member> members, Anchor at,
                             std::uint8_t flags = 0);
  // For the JSON parser, whose values carry no flags: an array / object of such values that
  // spans `nodes` values in all (nodes()), counted as they were read.
  static const Value* ParsedArray(Arena& a, std::span<const Value* const> items, Anchor at,
                                  std::uint64_t nodes);
  static const Value* ParsedObject(Arena& a, std::span<const Member> members, Anchor at,
                                   std::uint64_t nodes);
  static const Value* Unknown(Arena& a, std::string_view reason, Anchor at,
                              Kind hint = Kind::kUnknown, std::uint8_t flags = 0);

  // The same value with another anchor and extra flags (shallow: shares items and members).
  static const Value* Reanchor(Arena& a, const Value& v, Anchor at, std::uint8_t add_flags = 0);

 private:
  Value() = default;
  Kind kind_ = Kind::kNull;
  std::uint8_t flags_ = 0;
  Kind hint_ = Kind::kUnknown;
  std::uint8_t source_ = 0;
  std::uint32_t pos_ = Anchor::kNoPos;
  union U {
    bool b;
    std::int64_t i;
    double d;
    struct {
      const char* data;
      std::size_t size;
    } s;
    struct {
      const Value* const* items;
      std::uint32_t size;
      std::uint32_t nodes;  // see nodes()
    } a;
    struct {
      const Member* members;
      std::uint32_t size;
      std::uint32_t nodes;
    } o;
  } u_{};

  static Value* Make(Arena& a, Kind k, Anchor at, std::uint8_t flags);
  // An array / object holding a copy of `items` / `members` that spans `nodes` values; the
  // flags of what is inside are the caller's to add.
  static Value* MakeArray(Arena& a, std::span<const Value* const> items, Anchor at,
                          std::uint8_t flags, std::uint64_t nodes);
  static Value* MakeObject(Arena& a, std::span<const Member> members, Anchor at, std::uint8_t flags,
                           std::uint64_t nodes);
};

static_assert(sizeof(Value) == 24);

// The scalar factories are inline: the parser makes one for most tokens it reads.
inline Value* Value::Make(Arena& a, Kind k, Anchor at, std::uint8_t flags) {
  Value* v = a.New<Value>(Value());
  v->kind_ = k;
  v->pos_ = at.pos;
  v->source_ = at.source;
  v->flags_ = static_cast<std::uint8_t>(flags & ~(kFlagHasSecure | kFlagHasUnknown));
  return v;
}

inline const Value* Value::Null(Arena& a, Anchor at, std::uint8_t flags) {
  return Make(a, Kind::kNull, at, flags);
}

inline const Value* Value::Bool(Arena& a, bool b, Anchor at, std::uint8_t flags) {
  Value* v = Make(a, Kind::kBool, at, flags);
  v->u_.b = b;
  return v;
}

inline const Value* Value::Int(Arena& a, std::int64_t i, Anchor at, std::uint8_t flags) {
  Value* v = Make(a, Kind::kInt, at, flags);
  v->u_.i = i;
  return v;
}

inline const Value* Value::Double(Arena& a, double d, Anchor at, std::uint8_t flags) {
  Value* v = Make(a, Kind::kDouble, at, flags);
  v->u_.d = d;
  return v;
}

inline const Value* Value::StringView(Arena& a, std::string_view s, Anchor at, std::uint8_t flags) {
  Value* v = Make(a, Kind::kString, at, flags);
  v->u_.s.data = s.data();
  v->u_.s.size = s.size();
  return v;
}

// Name of a kind for messages: "string", "array", ...
std::string_view KindName(Kind k);

// Deep equality with JSON semantics (1 == 1.0; object member order ignored; keys compared
// case-insensitively; strings case-sensitively). Unknowns are never equal to anything.
bool DeepEquals(const Value& a, const Value& b);

// True when `v` or anything inside it is Unknown.
bool ContainsUnknown(const Value& v);

// True when `v` or anything inside it carries kFlagSecure.
bool ContainsSecure(const Value& v);

}  // namespace armlint::internal
