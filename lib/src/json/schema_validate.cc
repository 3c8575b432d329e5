// A JSON Schema subset validator over the json stage's values (see schema_validate.h).
#include "json/schema_validate.h"

#include <cmath>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"

#include "util/did_you_mean.h"
#include "util/join.h"
#include "util/strings.h"
#include "util/utf8.h"

namespace armlint::internal {
namespace {

constexpr int kMaxRefDepth = 16;

constexpr std::string_view kAnnotations[] = {"$schema",  "$id",         "$comment",
                                             "title",    "description", "default",
                                             "examples", "$defs",       "definitions"};
constexpr std::string_view kAssertions[] = {
    "$ref",          "type",     "enum",    "properties", "additionalProperties",
    "propertyNames", "required", "items",   "minLength",  "maxLength",
    "pattern",       "format",   "minimum", "maximum"};
constexpr std::string_view kFormats[] = {"date"};

template <std::size_t N>
bool OneOf(const std::string_view (&list)[N], std::string_view s) {
  for (std::string_view k : list) {
    if (k == s) return true;
  }
  return false;
}

absl::Status SchemaBug(std::string_view what) {
  return absl::InternalError(absl::StrCat("schema outside the supported subset: ", AbslView(what)));
}

bool IsIdentifier(std::string_view key) {
  if (key.empty() || (key[0] >= '0' && key[0] <= '9')) return false;
  for (char c : key) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '$';
    if (!ok) return false;
  }
  return true;
}

std::string WithKey(const std::string& path, std::string_view key) {
  if (IsIdentifier(key))
    return path.empty() ? std::string(key) : absl::StrCat(path, ".", AbslView(key));
  return absl::StrCat(path, "[\"", AbslView(key), "\"]");
}

// A short JSON rendering of a scalar for messages: "High", 3, true.
std::string Literal(const Value& v) {
  switch (v.kind()) {
    case Kind::kString:
      return absl::StrCat("\"", AbslView(v.string_value()), "\"");
    case Kind::kInt:
      return absl::StrCat(v.int_value());
    case Kind::kDouble:
      return absl::StrCat(v.double_value());
    case Kind::kBool:
      return v.bool_value() ? "true" : "false";
    case Kind::kNull:
      return "null";
    default:
      return std::string(KindName(v.kind()));
  }
}

// "a", "a or b", "a, b or c".
std::string JoinOr(const std::vector<std::string>& parts) { return Join(parts, ", ", " or "); }

std::string TypeNoun(std::string_view type, bool plural) {
  if (type == "integer") return plural ? "integers" : "an integer";
  if (type == "object") return plural ? "objects" : "an object";
  if (type == "array") return plural ? "arrays" : "an array";
  if (type == "null") return plural ? "nulls" : "null";
  return plural ? absl::StrCat(AbslView(type), "s") : absl::StrCat("a ", AbslView(type));
}

std::vector<std::string_view> TypeNames(const Value& schema) {
  std::vector<std::string_view> out;
  const Value* t = ExactMember(schema, "type");
  if (t == nullptr) return out;
  if (t->is_string()) out.push_back(t->string_value());
  if (t->is_array()) {
    for (const Value* item : t->items()) {
      if (item->is_string()) out.push_back(item->string_value());
    }
  }
  return out;
}

bool HasType(const Value& v, std::string_view type) {
  if (type == "null") return v.is_null();
  if (type == "boolean") return v.is_bool();
  if (type == "integer") {
    return v.is_int() || (v.is_double() && std::isfinite(v.double_value()) &&
                          std::floor(v.double_value()) == v.double_value());
  }
  if (type == "number") return v.is_number();
  if (type == "string") return v.is_string();
  if (type == "array") return v.is_array();
  if (type == "object") return v.is_object();
  return false;
}

// RFC 3339 full-date: YYYY-MM-DD naming a real day.
bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  auto num = [&](std::size_t at, std::size_t len) {
    int n = 0;
    for (std::size_t i = at; i < at + len; ++i) n = n * 10 + (s[i] - '0');
    return n;
  };
  const int year = num(0, 4), month = num(5, 2), day = num(8, 2);
  if (month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return day <= kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}

class Validator {
 public:
  Validator(const Value& root, const Document& doc, std::string_view root_name)
      : root_(root), doc_(doc), root_name_(root_name) {}

  // `subject` overrides how the value is named (property names are not at a path of their own).
  absl::Status Check(const Value& v, const Value& schema_in, const std::string& path,
                     const std::string& subject = "") {
    const Value* schema = &schema_in;
    if (schema->is_bool()) {
      if (schema->bool_value()) return absl::OkStatus();
      return doc_.ErrorAt(v.pos(),
                          absl::StrCat(Subject(path, *schema, subject), " is not allowed"));
    }
    if (!schema->is_object()) return SchemaBug("a schema must be an object or a boolean");
    for (const Member& m : schema->members()) {
      if (!OneOf(kAnnotations, m.key) && !OneOf(kAssertions, m.key)) {
        return SchemaBug(absl::StrCat("keyword '", AbslView(m.key), "'"));
      }
    }
    if (const Value* ref = ExactMember(*schema, "$ref")) {
      const Value* target = ResolveSchemaRef(root_, *schema);
      if (target == nullptr) return SchemaBug(absl::StrCat("$ref ", Literal(*ref)));
      // The referring schema's title names the value, else the referenced one's.
      std::string named = subject;
      if (named.empty() && ExactMember(*schema, "title") != nullptr) {
        named = Subject(path, *schema, "");
      }
      if (absl::Status s = Check(v, *target, path, named); !s.ok()) return s;
    }
    const std::string who = Subject(path, *schema, subject);
    if (std::vector<std::string_view> types = TypeNames(*schema); !types.empty()) {
      bool ok = false;
      for (std::string_view t : types) ok = ok || HasType(v, t);
      if (!ok) return doc_.ErrorAt(v.pos(), absl::StrCat(who, " must be ", Describe(*schema)));
    }
    if (const Value* e = ExactMember(*schema, "enum")) {
      if (!e->is_array()) return SchemaBug("enum must be an array");
      bool ok = false;
      std::vector<std::string> names;
      std::vector<std::string_view> strings;  // for a suggestion when `v` is a misspelt one
      for (const Value* item : e->items()) {
        ok = ok || DeepEquals(v, *item);
        names.push_back(Literal(*item));
        if (item->is_string()) strings.push_back(item->string_value());
      }
      if (!ok) {
        std::string hint = v.is_string() ? DidYouMean(v.string_value(), strings) : "";
        return doc_.ErrorAt(v.pos(), absl::StrCat(who, " must be ", JoinOr(names), hint));
      }
    }
    if (v.is_string()) {
      if (absl::Status s = CheckString(v, *schema, who); !s.ok()) return s;
    }
    if (v.is_number()) {
      if (absl::Status s = CheckNumber(v, *schema, who); !s.ok()) return s;
    }
    if (v.is_array()) {
      if (const Value* items = ExactMember(*schema, "items")) {
        for (std::size_t i = 0; i < v.items().size(); ++i) {
          const std::string item_path = absl::StrCat(path, "[", i, "]");
          if (absl::Status s = Check(*v.items()[i], *items, item_path); !s.ok()) return s;
        }
      }
    }
    if (v.is_object()) return CheckObject(v, *schema, path, who);
    return absl::OkStatus();
  }

 private:
  std::string Subject(const std::string& path, const Value& schema,
                      const std::string& subject) const {
    if (!subject.empty()) return subject;
    if (path.empty()) return std::string(root_name_);
    std::string out = absl::StrCat("'", path, "'");
    if (const Value* title = ExactMember(schema, "title"); title && title->is_string()) {
      absl::StrAppend(&out, " (", AbslView(title->string_value()), ")");
    }
    return out;
  }

  // "a string", "an array of strings", "an integer or null".
  std::string Describe(const Value& schema) const {
    std::vector<std::string> parts;
    for (std::string_view t : TypeNames(schema)) {
      std::string noun = TypeNoun(t, false);
      const Value* items = t == "array" ? ExactMember(schema, "items") : nullptr;
      const Value* item_schema = items ? ResolveSchemaRef(root_, *items) : nullptr;
      if (item_schema != nullptr && item_schema->is_object()) {
        std::vector<std::string_view> item_types = TypeNames(*item_schema);
        if (item_types.size() == 1) absl::StrAppend(&noun, " of ", TypeNoun(item_types[0], true));
      }
      parts.push_back(std::move(noun));
    }
    return JoinOr(parts);
  }

  absl::Status CheckString(const Value& v, const Value& schema, const std::string& who) const {
    std::string_view s = v.string_value();
    if (const Value* f = ExactMember(schema, "format")) {
      if (!f->is_string() || !OneOf(kFormats, f->string_value())) {
        return SchemaBug(absl::StrCat("format ", Literal(*f)));
      }
      if (!IsDate(s))
        return doc_.ErrorAt(v.pos(), absl::StrCat(who, " must be a date \"YYYY-MM-DD\""));
    }
    if (const Value* p = ExactMember(schema, "pattern")) {
      if (!p->is_string()) return SchemaBug("pattern must be a string");
      RE2::Options options;
      options.set_log_errors(false);
      RE2 re(p->string_value(), options);
      if (!re.ok()) return SchemaBug(absl::StrCat("pattern ", Literal(*p), ": ", re.error()));
      if (!RE2::PartialMatch(s, re)) {
        std::string msg = absl::StrCat(who, " must match ", AbslView(p->string_value()));
        if (const Value* d = ExactMember(schema, "description"); d && d->is_string()) {
          absl::StrAppend(&msg, " (", AbslView(d->string_value()), ")");
        }
        return doc_.ErrorAt(v.pos(), msg);
      }
    }
    const Value* min = ExactMember(schema, "minLength");
    const Value* max = ExactMember(schema, "maxLength");
    if ((min && !min->is_int()) || (max && !max->is_int())) {
      return SchemaBug("minLength and maxLength must be integers");
    }
    const std::size_t n = CountCodePoints(s);
    if (min && static_cast<std::int64_t>(n) < min->int_value()) {
      return doc_.ErrorAt(v.pos(), min->int_value() == 1
                                       ? absl::StrCat(who, " must not be empty")
                                       : absl::StrCat(who, " must be at least ", min->int_value(),
                                                      " characters long"));
    }
    if (max && static_cast<std::int64_t>(n) > max->int_value()) {
      return doc_.ErrorAt(
          v.pos(), absl::StrCat(who, " must be at most ", max->int_value(), " characters long"));
    }
    return absl::OkStatus();
  }

  absl::Status CheckNumber(const Value& v, const Value& schema, const std::string& who) const {
    const Value* min = ExactMember(schema, "minimum");
    const Value* max = ExactMember(schema, "maximum");
    if ((min && !min->is_number()) || (max && !max->is_number())) {
      return SchemaBug("minimum and maximum must be numbers");
    }
    const double x = v.number_value();
    if ((min && x < min->number_value()) || (max && x > max->number_value())) {
      std::string range = min && max ? absl::StrCat("from ", Literal(*min), " to ", Literal(*max))
                          : min      ? absl::StrCat("at least ", Literal(*min))
                                     : absl::StrCat("at most ", Literal(*max));
      return doc_.ErrorAt(v.pos(), absl::StrCat(who, " must be ", range));
    }
    return absl::OkStatus();
  }

  absl::Status CheckObject(const Value& v, const Value& schema, const std::string& path,
                           const std::string& who) {
    const Value* props = ExactMember(schema, "properties");
    const Value* extra = ExactMember(schema, "additionalProperties");
    const Value* names = ExactMember(schema, "propertyNames");
    if (props && !props->is_object()) return SchemaBug("properties must be an object");
    if (const Value* req = ExactMember(schema, "required")) {
      if (!req->is_array()) return SchemaBug("required must be an array");
      for (const Value* name : req->items()) {
        if (!name->is_string()) return SchemaBug("required must list strings");
        if (ExactMember(v, name->string_value()) == nullptr) {
          return doc_.ErrorAt(v.pos(),
                              absl::StrCat(who, " needs \"", AbslView(name->string_value()), "\""));
        }
      }
    }
    for (const Member& m : v.members()) {
      if (names != nullptr) {
        const Value* key = Value::StringView(doc_.arena(), m.key, Anchor{m.key_pos});
        const Value* target = ResolveSchemaRef(root_, *names);
        if (target == nullptr) return SchemaBug("propertyNames $ref");
        std::string named =
            absl::StrCat("key '", AbslView(m.key), "' in ",
                         path.empty() ? std::string(root_name_) : absl::StrCat("'", path, "'"));
        if (const Value* title = ExactMember(*target, "title"); title && title->is_string()) {
          absl::StrAppend(&named, " (", AbslView(title->string_value()), ")");
        }
        if (absl::Status s = Check(*key, *names, path, named); !s.ok()) return s;
      }
      const std::string member_path = WithKey(path, m.key);
      if (const Value* p = props ? ExactMember(*props, m.key) : nullptr) {
        if (absl::Status s = Check(*m.value, *p, member_path); !s.ok()) return s;
      } else if (extra != nullptr && extra->is_bool() && !extra->bool_value()) {
        std::vector<std::string> known;
        if (props != nullptr) {
          for (const Member& k : props->members()) known.emplace_back(k.key);
        }
        return doc_.ErrorAt(m.key_pos, absl::StrCat("unknown key '", AbslView(m.key), "' in ", who,
                                                    " (known: ", Join(known, ", "), ")"));
      } else if (extra != nullptr) {
        if (absl::Status s = Check(*m.value, *extra, member_path); !s.ok()) return s;
      }
    }
    return absl::OkStatus();
  }

  const Value& root_;
  const Document& doc_;
  std::string_view root_name_;
};

absl::Status CheckSubsetAt(const Value& root, const Value& schema, const std::string& pointer) {
  if (schema.is_bool()) return absl::OkStatus();
  if (!schema.is_object()) return SchemaBug(absl::StrCat(pointer, ": not a schema"));
  for (const Member& m : schema.members()) {
    const std::string at = absl::StrCat(pointer, "/", EscapePointerToken(m.key));
    if (OneOf(kAnnotations, m.key)) {
      if (m.key == "$defs" || m.key == "definitions") {
        if (!m.value->is_object()) return SchemaBug(absl::StrCat(at, ": not an object"));
        for (const Member& d : m.value->members()) {
          absl::Status s =
              CheckSubsetAt(root, *d.value, absl::StrCat(at, "/", EscapePointerToken(d.key)));
          if (!s.ok()) return s;
        }
      }
      continue;
    }
    if (!OneOf(kAssertions, m.key)) return SchemaBug(absl::StrCat(at, ": unsupported keyword"));
    if (m.key == "$ref" && ResolveSchemaRef(root, schema) == nullptr) {
      return SchemaBug(absl::StrCat(at, ": unresolved $ref"));
    }
    if (m.key == "format" && (!m.value->is_string() || !OneOf(kFormats, m.value->string_value()))) {
      return SchemaBug(absl::StrCat(at, ": unsupported format"));
    }
    if (m.key == "pattern") {
      RE2::Options options;
      options.set_log_errors(false);
      if (!m.value->is_string() || !RE2(m.value->string_value(), options).ok()) {
        return SchemaBug(absl::StrCat(at, ": pattern does not compile"));
      }
    }
    if (m.key == "properties") {
      if (!m.value->is_object()) return SchemaBug(absl::StrCat(at, ": not an object"));
      for (const Member& p : m.value->members()) {
        absl::Status s =
            CheckSubsetAt(root, *p.value, absl::StrCat(at, "/", EscapePointerToken(p.key)));
        if (!s.ok()) return s;
      }
    }
    if (m.key == "items" || m.key == "additionalProperties" || m.key == "propertyNames") {
      if (absl::Status s = CheckSubsetAt(root, *m.value, at); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

const Value* ExactMember(const Value& v, std::string_view key) {
  if (!v.is_object()) return nullptr;
  const Value* found = nullptr;
  for (const Member& m : v.members()) {
    if (m.key == key) found = m.value;
  }
  return found;
}

const Value* ResolveSchemaRef(const Value& root, const Value& schema) {
  const Value* s = &schema;
  for (int depth = 0; depth < kMaxRefDepth; ++depth) {
    const Value* ref = ExactMember(*s, "$ref");
    if (ref == nullptr) return s;
    if (!ref->is_string()) return nullptr;
    std::string_view r = ref->string_value();
    std::string_view container;
    for (std::string_view prefix : {"#/$defs/", "#/definitions/"}) {
      if (r.starts_with(prefix)) {
        container = prefix.substr(2, prefix.size() - 3);
        r.remove_prefix(prefix.size());
        break;
      }
    }
    const Value* defs = container.empty() ? nullptr : ExactMember(root, container);
    s = defs ? ExactMember(*defs, r) : nullptr;
    if (s == nullptr) return nullptr;
  }
  return nullptr;
}

absl::Status ValidateAgainstSchema(const Value& schema, const Document& doc,
                                   std::string_view root_name) {
  return Validator(schema, doc, root_name).Check(doc.root(), schema, "");
}

absl::Status CheckSchemaSubset(const Value& schema) { return CheckSubsetAt(schema, schema, ""); }

}  // namespace armlint::internal
