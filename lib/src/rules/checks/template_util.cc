// Template walking and expression scanning shared by the native checks.
#include "rules/checks/template_util.h"

#include <cctype>

#include "manifest/classify.h"
#include "rules/operators.h"
#include "rules/str.h"
#include "util/strings.h"

namespace armlint::internal::checks {

const Value* TemplateRoot(const CheckContext& context) {
  if (context.doc == nullptr || context.classification.kind != ManifestKind::kTemplate) {
    return nullptr;
  }
  const Value& root = context.doc->root();
  return root.is_object() ? &root : nullptr;
}

bool IsExpression(std::string_view s) {
  return s.size() >= 2 && s.front() == '[' && s[1] != '[' && s.back() == ']';
}

namespace {

void VisitResources(const Value* resources, const std::function<void(const Value&)>& fn, int depth);

void VisitResource(const Value& res, const std::function<void(const Value&)>& fn, int depth) {
  if (!res.is_object() || depth > 64) return;
  fn(res);
  VisitResources(res.Find("resources"), fn, depth + 1);
  // Inline nested deployments: properties.template.resources.
  if (const Value* props = res.Find("properties")) {
    if (const Value* tmpl = props->Find("template"); tmpl && tmpl->is_object()) {
      VisitResources(tmpl->Find("resources"), fn, depth + 1);
    }
  }
}

void VisitResources(const Value* resources, const std::function<void(const Value&)>& fn,
                    int depth) {
  if (resources == nullptr) return;
  if (resources->is_array()) {
    for (const Value* r : resources->items()) VisitResource(*r, fn, depth);
  } else if (resources->is_object()) {
    for (const Member& m : resources->members()) VisitResource(*m.value, fn, depth);
  }
}

}  // namespace

void ForEachResource(const Value& tmpl, const std::function<void(const Value&)>& fn) {
  VisitResources(tmpl.Find("resources"), fn, 0);
}

void ForEachString(const Value& v, const std::function<void(const Value&)>& fn) {
  if (v.is_string()) {
    fn(v);
  } else if (v.is_array()) {
    for (const Value* item : v.items()) ForEachString(*item, fn);
  } else if (v.is_object()) {
    for (const Member& m : v.members()) ForEachString(*m.value, fn);
  }
}

void ForEachMember(const Value& v, const std::function<void(const Member&, const Value&)>& fn) {
  if (v.is_array()) {
    for (const Value* item : v.items()) ForEachMember(*item, fn);
  } else if (v.is_object()) {
    for (const Member& m : v.members()) {
      fn(m, v);
      ForEachMember(*m.value, fn);
    }
  }
}

void CollectReferences(std::string_view e, std::string_view function,
                       absl::flat_hash_set<std::string>& names, bool& dynamic) {
  bool in_string = false;
  for (std::size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (in_string) {
      if (c == '\'') {
        if (i + 1 < e.size() && e[i + 1] == '\'') {
          ++i;
        } else {
          in_string = false;
        }
      }
      continue;
    }
    if (c == '\'') {
      in_string = true;
      continue;
    }
    bool boundary = i == 0 || !(std::isalnum(static_cast<unsigned char>(e[i - 1])) ||
                                e[i - 1] == '_' || e[i - 1] == '.');
    if (!boundary || !StartsWithIgnoreCase(e.substr(i), function)) continue;
    std::size_t j = i + function.size();
    while (j < e.size() && e[j] == ' ') ++j;
    if (j >= e.size() || e[j] != '(') continue;
    ++j;
    while (j < e.size() && e[j] == ' ') ++j;
    std::size_t close = j < e.size() && e[j] == '\'' ? e.find('\'', j + 1) : std::string_view::npos;
    std::size_t after = close == std::string_view::npos ? close : close + 1;
    while (after != std::string_view::npos && after < e.size() && e[after] == ' ') ++after;
    if (close == std::string_view::npos || after >= e.size() || e[after] != ')') {
      dynamic = true;  // parameters(concat(...)) or parameters('a''b'): cannot tell which
      i = j - 1;       // scan the argument normally
    } else {
      names.insert(ToLower(e.substr(j + 1, close - j - 1)));
      i = close;  // past the name's closing quote
    }
  }
}

absl::flat_hash_set<std::string> SecureParameters(const Value& tmpl) {
  absl::flat_hash_set<std::string> out;
  const Value* params = tmpl.Find("parameters");
  if (params == nullptr || !params->is_object()) return out;
  for (const Member& m : params->members()) {
    const Value* type = m.value->Find("type");
    if (type && type->is_string() &&
        (EqualsIgnoreCase(type->string_value(), "securestring") ||
         EqualsIgnoreCase(type->string_value(), "secureobject"))) {
      out.insert(ToLower(m.key));
    }
  }
  return out;
}

bool CallsFunction(std::string_view e, std::string_view name) {
  WildcardPattern p;
  p.pieces = {ToLower(name)};
  return ExpressionCalls(e, p);
}

bool CallsListFunction(std::string_view e) {
  static const WildcardPattern* list = [] {
    auto* p = new WildcardPattern();
    p->pieces = {"list", ""};
    return p;
  }();
  return ExpressionCalls(e, *list);
}

bool ReferencesSecure(std::string_view e, const absl::flat_hash_set<std::string>& secure) {
  absl::flat_hash_set<std::string> names;
  bool dynamic = false;
  CollectReferences(e, "parameters", names, dynamic);
  for (const std::string& n : names) {
    if (secure.contains(n)) return true;
  }
  return false;
}

Hit MakeHit(const Rule& rule, std::uint32_t pos, std::string message) {
  Hit h;
  h.rule = &rule;
  h.outcome = Tri::kTrue;
  h.anchor = Anchor{pos, 0};
  h.message = std::move(message);
  return h;
}

}  // namespace armlint::internal::checks
