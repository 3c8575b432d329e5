// Evaluation of template values and the bookkeeping of one expansion.
#include "arm/template_state.h"

#include <cmath>

#include "arm/template_strings.h"
#include "util/input_error.h"
#include "util/limits.h"
#include "util/strings.h"

namespace armlint::internal {

absl::StatusOr<std::int64_t> CopyEnv::CopyIndex(std::string_view loop) {
  if (copy_.empty()) {
    return tmpl::Invalid("copyIndex() used outside a copy loop");
  }
  for (std::size_t i = copy_.size(); i-- > 0;) {
    if (loop.empty() ? !copy_[i].named_only : EqualsIgnoreCase(copy_[i].name, loop)) {
      return copy_[i].index;
    }
  }
  if (loop.empty()) {
    return tmpl::Invalid(
        "copyIndex() without a loop name outside a resource copy loop (property and variable "
        "loops are read by name: copyIndex('name'))");
  }
  return tmpl::Invalid(
      tmpl::Concat("copyIndex('", loop, "'): no enclosing copy loop named '", loop, "'"));
}

absl::Status ExpandState::ErrorAt(Anchor at, std::string_view message,
                                  absl::StatusCode code) const {
  const Document* doc = at.source == 0 ? &tmpl_ : params_;
  if (doc == nullptr || !at.known()) {
    return InputError(SourceLocation{tmpl_.path(), 0, 0, ""}, message, code);
  }
  return InputError(doc->Locate(at.pos), message, code);
}

void ExpandState::AddError(absl::Status error) {
  if (error.ok() || quiet > 0) return;
  std::string key(error.message());
  if (auto loc = GetSourceLocation(error)) tmpl::AppendTo(key, "@", loc->line, ":", loc->column);
  if (!error_keys_.insert(std::move(key)).second) return;
  errors_.push_back(std::move(error));
}

const Value* ExpandState::EvalString(const Value& s, CopyEnv& env) {
  std::string_view text = s.string_value();
  if (!IsExpression(text)) {
    // "[[x]" is the escaped literal "[x]".
    if (text.size() >= 3 && text[0] == '[' && text[1] == '[' && text.back() == ']') {
      return Value::StringView(arena(), text.substr(1), s.anchor(), s.flags());
    }
    return &s;
  }
  if (!fatal_.ok()) return Value::Unknown(arena(), "evaluation stopped", s.anchor());
  auto [it, inserted] = parsed_.try_emplace(std::make_pair(text.data(), text.size()));
  if (inserted) {
    absl::StatusOr<const Expr*> e = ParseExpression(text.substr(1, text.size() - 2), arena());
    if (e.ok()) {
      it->second.expr = *e;
    } else {
      it->second.error = e.status();
    }
  }
  if (it->second.expr == nullptr) {
    AddError(ErrorAt(s.anchor(), tmpl::MessageOf(it->second.error)));
    return Value::Unknown(arena(), arena().Copy(tmpl::MessageOf(it->second.error)), s.anchor());
  }
  const Expr* expr = it->second.expr;  // `it` may move during evaluation
  const Touched outer = ExchangeTouched({});
  absl::StatusOr<const Value*> r = EvaluateExpression(*expr, env, arena(), budget_, s.anchor());
  const Touched touched = ExchangeTouched(
      {outer.secure || secure_touched_, outer.assumed_null || assumed_null_touched_});
  const std::uint8_t secure = touched.secure ? kFlagSecure : 0;
  if (!r.ok()) {
    if (absl::IsResourceExhausted(r.status())) {
      SetFatal(ErrorAt(s.anchor(), tmpl::MessageOf(r.status()), r.status().code()));
    } else if (touched.assumed_null) {
      // parameters('key').vaultId with `key` nullable and given no value: ARM would fail only
      // if the deployment gives none, which a template on its own cannot tell.
      return Value::Unknown(arena(),
                            arena().Copy(tmpl::Concat("depends on a nullable parameter with no "
                                                      "value (",
                                                      tmpl::MessageOf(r.status()), ")")),
                            s.anchor(), Kind::kUnknown, secure);
    } else {
      AddError(ErrorAt(s.anchor(), tmpl::MessageOf(r.status()), r.status().code()));
    }
    return Value::Unknown(arena(), arena().Copy(tmpl::MessageOf(r.status())), s.anchor(),
                          Kind::kUnknown, secure);
  }
  const Value* v = *r;
  if (touched.secure && !v->secure()) {
    v = Value::Reanchor(arena(), *v, v->anchor(), kFlagSecure);
  }
  return v;
}

const Value* ExpandState::Eval(const Value& v, CopyEnv& env) {
  switch (v.kind()) {
    case Kind::kString:
      return EvalString(v, env);
    case Kind::kArray: {
      std::span<const Value* const> items = v.items();
      const std::size_t base = item_stack_.size();
      bool changed = false;
      for (std::size_t i = 0; i < items.size(); ++i) {
        const Value* e = Eval(*items[i], env);
        if (e != items[i] && !changed) {
          changed = true;
          item_stack_.insert(item_stack_.end(), items.begin(),
                             items.begin() + static_cast<std::ptrdiff_t>(i));
        }
        if (changed) item_stack_.push_back(e);
      }
      if (!changed) return &v;
      const Value* out = Value::Array(
          arena(), std::span<const Value* const>(item_stack_).subspan(base), v.anchor(), v.flags());
      item_stack_.resize(base);
      return Bounded(out);
    }
    case Kind::kObject:
      return Bounded(EvalObject(v, env));
    default:
      return &v;
  }
}

// `v`, or an Unknown and an error when it spans more than kMaxValueNodes values (literal arrays
// and objects whose members each hold a large evaluated value).
const Value* ExpandState::Bounded(const Value* v) {
  if (v->nodes() <= limits::kMaxValueNodes) return v;
  std::string msg = tmpl::Concat("value of ", v->nodes(), " nodes, over the limit of ",
                                 limits::kMaxValueNodes, " (kMaxValueNodes)");
  AddError(v->anchor(), msg);
  return Value::Unknown(arena(), arena().Copy(msg), v->anchor(), v->kind(), v->flags());
}

namespace {

// A property copy array: [{"name": "disks", "count": n, "input": {...}}, ...]
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/copy-properties).
bool IsPropertyCopy(const Value& copies) {
  if (!copies.is_array() || copies.items().empty()) return false;
  for (const Value* c : copies.items()) {
    if (!c->is_object() || c->Find("name") == nullptr || c->Find("input") == nullptr) {
      return false;
    }
  }
  return true;
}

}  // namespace

const Value* ExpandState::EvalObject(const Value& v, CopyEnv& env) {
  std::span<const Member> members = v.members();
  for (const Member& m : members) {
    if (EqualsIgnoreCase(m.key, "copy") && IsPropertyCopy(*m.value)) {
      return EvalPropertyCopy(v, *m.value, env);
    }
  }
  const std::size_t base = member_stack_.size();
  bool changed = false;
  for (std::size_t i = 0; i < members.size(); ++i) {
    const Value* e = Eval(*members[i].value, env);
    if (e != members[i].value && !changed) {
      changed = true;
      member_stack_.insert(member_stack_.end(), members.begin(),
                           members.begin() + static_cast<std::ptrdiff_t>(i));
    }
    if (changed) member_stack_.push_back(Member{members[i].key, e, members[i].key_pos});
  }
  if (!changed) return &v;
  const Value* out = Value::Object(arena(), std::span<const Member>(member_stack_).subspan(base),
                                   v.anchor(), v.flags());
  member_stack_.resize(base);
  return out;
}

const Value* ExpandState::EvalPropertyCopy(const Value& obj, const Value& copies, CopyEnv& env) {
  std::vector<Member> out;
  for (const Member& m : obj.members()) {
    if (EqualsIgnoreCase(m.key, "copy")) continue;
    out.push_back(Member{m.key, Eval(*m.value, env), m.key_pos});
  }
  for (const Value* c : copies.items()) {
    const Value* name = c->Find("name");
    const Value* input = c->Find("input");
    if (!name->is_string()) {
      AddError(name->anchor(), "property copy: 'name' must be a string");
      continue;
    }
    const Value* result = nullptr;
    absl::StatusOr<std::optional<std::int64_t>> count = CopyCount(*c, env);
    if (!count.ok()) {
      AddError(count.status());
      result = Value::Unknown(arena(), "invalid copy count", c->anchor(), Kind::kArray);
    } else if (!count->has_value()) {
      result = Value::Unknown(arena(), "copy count is unknown", c->anchor(), Kind::kArray);
    } else {
      std::vector<const Value*> items;
      items.reserve(static_cast<std::size_t>(**count));
      for (std::int64_t i = 0; i < **count; ++i) {
        env.PushCopy(name->string_value(), i, /*named_only=*/true);
        items.push_back(Eval(*input, env));
        env.PopCopy();
      }
      result = Value::Array(arena(), items, c->anchor());
    }
    bool replaced = false;
    for (Member& m : out) {
      if (EqualsIgnoreCase(m.key, name->string_value())) {
        m.value = result;
        replaced = true;
      }
    }
    if (!replaced) out.push_back(Member{name->string_value(), result, name->pos()});
  }
  return Value::Object(arena(), out, obj.anchor(), obj.flags());
}

absl::StatusOr<std::optional<std::int64_t>> ExpandState::CopyCount(const Value& copy,
                                                                   CopyEnv& env) {
  const Value* count = copy.Find("count");
  if (count == nullptr) return ErrorAt(copy.anchor(), "copy: 'count' is missing");
  const Value* v = Eval(*count, env);
  if (v->is_unknown()) return std::optional<std::int64_t>();
  std::int64_t n = 0;
  if (v->is_int()) {
    n = v->int_value();
  } else if (v->is_double() && std::floor(v->double_value()) == v->double_value() &&
             std::fabs(v->double_value()) < 1e15) {
    n = static_cast<std::int64_t>(v->double_value());
  } else {
    return ErrorAt(count->anchor(),
                   tmpl::Concat("copy: 'count' must be an integer, got ", KindName(v->kind())));
  }
  if (n < 0) {
    return ErrorAt(count->anchor(), tmpl::Concat("copy: 'count' must not be negative, got ", n));
  }
  if (n > limits::kMaxCopyCount) {
    return ErrorAt(count->anchor(),
                   tmpl::Concat("copy: 'count' is ", n, ", above ARM's limit of ",
                                limits::kMaxCopyCount, " (kMaxCopyCount)"),
                   absl::StatusCode::kResourceExhausted);
  }
  return std::optional<std::int64_t>(n);
}

}  // namespace armlint::internal
