// Value factories and structural helpers.
#include "json/value.h"

#include <cstring>

#include "util/strings.h"

namespace armlint::internal {

namespace {

// kFlagHasSecure / kFlagHasUnknown of a composite holding `child`.
std::uint8_t InnerFlags(const Value& child) {
  std::uint8_t f = child.flags() & (kFlagHasSecure | kFlagHasUnknown);
  if (child.secure()) f |= kFlagHasSecure;
  if (child.is_unknown()) f |= kFlagHasUnknown;
  return f;
}

std::uint32_t SaturatedNodes(std::uint64_t n) {
  return n > UINT32_MAX ? UINT32_MAX : static_cast<std::uint32_t>(n);
}

}  // namespace

const Value* Value::String(Arena& a, std::string_view s, Anchor at, std::uint8_t flags) {
  return StringView(a, a.Copy(s), at, flags);
}

Value* Value::MakeArray(Arena& a, std::span<const Value* const> items, Anchor at,
                        std::uint8_t flags, std::uint64_t nodes) {
  Value* v = Make(a, Kind::kArray, at, flags);
  const Value** p = a.NewArray<const Value*>(items.size());
  if (!items.empty()) std::memcpy(p, items.data(), items.size() * sizeof(const Value*));
  v->u_.a.nodes = SaturatedNodes(nodes);
  v->u_.a.items = p;
  v->u_.a.size = static_cast<std::uint32_t>(items.size());
  return v;
}

Value* Value::MakeObject(Arena& a, std::span<const Member> members, Anchor at, std::uint8_t flags,
                         std::uint64_t nodes) {
  Value* v = Make(a, Kind::kObject, at, flags);
  Member* p = a.NewArray<Member>(members.size());
  if (!members.empty()) std::memcpy(p, members.data(), members.size() * sizeof(Member));
  v->u_.o.nodes = SaturatedNodes(nodes);
  v->u_.o.members = p;
  v->u_.o.size = static_cast<std::uint32_t>(members.size());
  return v;
}

const Value* Value::Array(Arena& a, std::span<const Value* const> items, Anchor at,
                          std::uint8_t flags) {
  std::uint64_t nodes = 1;
  std::uint8_t inner = 0;
  for (const Value* i : items) {
    inner |= InnerFlags(*i);
    nodes += i->nodes();
  }
  Value* v = MakeArray(a, items, at, flags, nodes);
  v->flags_ |= inner;
  return v;
}

const Value* Value::Object(Arena& a, std::span<const Member> members, Anchor at,
                           std::uint8_t flags) {
  std::uint64_t nodes = 1;
  std::uint8_t inner = 0;
  for (const Member& m : members) {
    inner |= InnerFlags(*m.value);
    nodes += m.value->nodes();
  }
  Value* v = MakeObject(a, members, at, flags, nodes);
  v->flags_ |= inner;
  return v;
}

const Value* Value::ParsedArray(Arena& a, std::span<const Value* const> items, Anchor at,
                                std::uint64_t nodes) {
  return MakeArray(a, items, at, 0, nodes);
}

const Value* Value::ParsedObject(Arena& a, std::span<const Member> members, Anchor at,
                                 std::uint64_t nodes) {
  return MakeObject(a, members, at, 0, nodes);
}

const Value* Value::Unknown(Arena& a, std::string_view reason, Anchor at, Kind hint,
                            std::uint8_t flags) {
  Value* v = Make(a, Kind::kUnknown, at, flags);
  v->hint_ = hint;
  v->u_.s.data = reason.data();
  v->u_.s.size = reason.size();
  return v;
}

const Value* Value::Reanchor(Arena& a, const Value& src, Anchor at, std::uint8_t add_flags) {
  Value* v = a.New<Value>(src);
  v->pos_ = at.pos;
  v->source_ = at.source;
  v->flags_ =
      static_cast<std::uint8_t>(v->flags_ | (add_flags & ~(kFlagHasSecure | kFlagHasUnknown)));
  return v;
}

const Member* Value::FindMember(std::string_view key) const {
  if (kind_ != Kind::kObject) return nullptr;
  for (std::size_t i = u_.o.size; i-- > 0;) {
    const Member& m = u_.o.members[i];
    if (EqualsIgnoreCase(m.key, key)) return &m;
  }
  return nullptr;
}

const Value* Value::Find(std::string_view key) const {
  const Member* m = FindMember(key);
  return m ? m->value : nullptr;
}

std::string_view KindName(Kind k) {
  switch (k) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "bool";
    case Kind::kInt:
      return "int";
    case Kind::kDouble:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kArray:
      return "array";
    case Kind::kObject:
      return "object";
    case Kind::kUnknown:
      return "unknown";
  }
  return "?";
}

bool DeepEquals(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return false;
  if (a.is_number() && b.is_number()) {
    if (a.is_int() && b.is_int()) return a.int_value() == b.int_value();
    return a.number_value() == b.number_value();
  }
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case Kind::kNull:
      return true;
    case Kind::kBool:
      return a.bool_value() == b.bool_value();
    case Kind::kString:
      return a.string_value() == b.string_value();
    case Kind::kArray: {
      auto x = a.items(), y = b.items();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!DeepEquals(*x[i], *y[i])) return false;
      }
      return true;
    }
    case Kind::kObject: {
      auto x = a.members(), y = b.members();
      if (x.size() != y.size()) return false;
      for (const Member& m : x) {
        const Value* other = b.Find(m.key);
        if (other == nullptr || !DeepEquals(*m.value, *other)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

bool ContainsUnknown(const Value& v) {
  return v.is_unknown() || (v.flags() & kFlagHasUnknown) != 0;
}

bool ContainsSecure(const Value& v) { return v.secure() || (v.flags() & kFlagHasSecure) != 0; }

}  // namespace armlint::internal
