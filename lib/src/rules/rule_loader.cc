// Rule file parsing and validation.
#include "rules/rule_loader.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

#include "json/compact_json.h"
#include "rules/condition.h"
#include "rules/environments.h"
#include "rules/native_checks.h"
#include "util/did_you_mean.h"
#include "util/join.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr std::array<std::string_view, 12> kKeys = {
    "$schema",       "id", "category", "impact",      "resourceType", "problem", "solution",
    "learnMoreLink", "if", "check",    "azurePolicy", "environments"};

bool IsKebab(std::string_view id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  for (std::size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && id[i + 1] == '-')) return false;
  }
  return true;
}

// "Microsoft.Storage/storageAccounts", "Microsoft.Sql/servers/databases", "Microsoft.Web/*".
bool IsResourceType(std::string_view t) {
  std::size_t slash = t.find('/');
  if (slash == std::string_view::npos || slash == 0) return false;
  std::string_view ns = t.substr(0, slash);
  if (ns.find('.') == std::string_view::npos || ns.front() == '.' || ns.back() == '.') {
    return false;
  }
  std::size_t start = 0;
  for (std::size_t i = 0; i <= t.size(); ++i) {
    if (i == t.size() || t[i] == '/' || t[i] == '.') {
      if (i == start) return false;
      start = i + 1;
      continue;
    }
    char c = t[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || (c == '*' && i > slash);
    if (!ok) return false;
    if (t[i] == '.' && i > slash) return false;
  }
  return true;
}

// A built-in definition's name: its GUID as Azure publishes it (a few are not valid hex, e.g.
// 17k78e20-...), so letters, digits and dashes.
bool IsDefinitionName(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    bool ok =
        (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-';
    if (!ok) return false;
  }
  return true;
}

// "azurePolicy": the Azure Policy built-ins that check the same control, each
// {"name": "<definition GUID>", "displayName": "..."}. Metadata only: it names the built-in a
// user may already assign; it does not change what the rule reports.
absl::Status ParseAzurePolicy(const Document& doc, const Value& list, std::vector<PolicyRef>& out) {
  if (!list.is_array() || list.items().empty()) {
    return doc.ErrorAt(list.pos(),
                       "'azurePolicy' must be a non-empty array of {name, displayName}");
  }
  for (const Value* item : list.items()) {
    if (!item->is_object()) {
      return doc.ErrorAt(item->pos(), "an 'azurePolicy' entry is an object {name, displayName}");
    }
    for (const Member& m : item->members()) {
      if (m.key != "name" && m.key != "displayName") {
        return doc.ErrorAt(m.key_pos, Cat("unknown key '", m.key,
                                          "' in an 'azurePolicy' entry (name, displayName)"));
      }
    }
    const Value* name = item->Find("name");
    const Value* display = item->Find("displayName");
    if (name == nullptr || !name->is_string() || !IsDefinitionName(name->string_value())) {
      return doc.ErrorAt(
          name ? name->pos() : item->pos(),
          "an 'azurePolicy' entry's 'name' is the built-in definition's name (its GUID)");
    }
    if (display == nullptr || !display->is_string() || display->string_value().empty()) {
      return doc.ErrorAt(display ? display->pos() : item->pos(),
                         "an 'azurePolicy' entry needs its 'displayName' (a string)");
    }
    out.push_back(PolicyRef{.name = std::string(name->string_value()),
                            .display_name = std::string(display->string_value())});
  }
  return absl::OkStatus();
}

// "environments": the workload environments the rule is about, each a canonical name or
// "non-production" (rules/environments.h).
absl::Status ParseEnvironments(const Document& doc, const Value& list,
                               std::vector<std::string>& out) {
  std::vector<std::string_view> known(EnvironmentNames().begin(), EnvironmentNames().end());
  known.push_back(kNonProduction);
  const std::string names = Join(known, ", ", " or ");
  if (!list.is_array() || list.items().empty()) {
    return doc.ErrorAt(list.pos(), Cat("'environments' must be a non-empty array of ", names));
  }
  for (const Value* item : list.items()) {
    if (!item->is_string()) {
      return doc.ErrorAt(item->pos(), Cat("an 'environments' entry is one of ", names));
    }
    std::string_view name = item->string_value();
    if (std::find(known.begin(), known.end(), name) == known.end()) {
      std::optional<std::string_view> canonical = CanonicalEnvironment(name);
      std::string hint = canonical ? Cat(" (write '", *canonical, "')") : DidYouMean(name, known);
      return doc.ErrorAt(item->pos(), Cat("unknown environment '", name, "'", hint,
                                          "; the rule's environments are ", names));
    }
    if (std::find(out.begin(), out.end(), name) != out.end()) {
      return doc.ErrorAt(item->pos(), Cat("environment '", name, "' is listed twice"));
    }
    out.emplace_back(name);
  }
  return absl::OkStatus();
}

}  // namespace

std::optional<Category> CategoryFromName(std::string_view s) {
  struct E {
    std::string_view n;
    Category c;
  };
  static constexpr E kCats[] = {{"Cost", Category::kCost},
                                {"Security", Category::kSecurity},
                                {"Reliability", Category::kReliability},
                                {"Performance", Category::kPerformance},
                                {"OperationalExcellence", Category::kOperationalExcellence}};
  for (const E& e : kCats) {
    if (EqualsIgnoreCase(e.n, s)) return e.c;
  }
  return std::nullopt;
}

std::optional<Impact> ImpactFromName(std::string_view s) {
  if (EqualsIgnoreCase(s, "High")) return Impact::kHigh;
  if (EqualsIgnoreCase(s, "Medium")) return Impact::kMedium;
  if (EqualsIgnoreCase(s, "Low")) return Impact::kLow;
  return std::nullopt;
}

std::string CompactJson(const Value& v) {
  // The same compact JSON the ARM functions print (string(), json()).
  return ToJson(v);
}

std::string_view FileStem(std::string_view path) {
  // Scanned by hand: find_last_of("/\\") makes a memchr call per character of the path, and
  // this runs for every rule loaded.
  for (std::size_t i = path.size(); i-- > 0;) {
    if (path[i] == '/' || path[i] == '\\') {
      path.remove_prefix(i + 1);
      break;
    }
  }
  std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && dot > 0) path = path.substr(0, dot);
  return path;
}

absl::StatusOr<std::unique_ptr<Rule>> ParseRule(std::shared_ptr<const Document> doc_ptr,
                                                bool lazy_condition) {
  const Document& doc = *doc_ptr;
  const Value& root = doc.root();
  if (!root.is_object()) {
    return doc.ErrorAt(root.pos(),
                       Cat("a rule file holds one JSON object, not ", KindName(root.kind())));
  }
  for (const Member& m : root.members()) {
    if (std::find(kKeys.begin(), kKeys.end(), m.key) != kKeys.end()) continue;
    return doc.ErrorAt(m.key_pos,
                       Cat("unknown key '", m.key, "' in rule file", DidYouMean(m.key, kKeys)));
  }
  auto rule = std::make_unique<Rule>();
  rule->source = doc.path();
  // Required string metadata.
  auto text = [&](std::string_view key, std::string& out) -> absl::Status {
    const Member* m = root.FindMember(key);
    if (m == nullptr || m->key != key) {
      return doc.ErrorAt(root.pos(), Cat("rule file is missing '", key, "'"));
    }
    const Value* v = m->value;
    if (!v->is_string()) {
      return doc.ErrorAt(v->pos(), Cat("'", key, "' must be a string, not ", KindName(v->kind())));
    }
    if (v->string_value().empty()) {
      return doc.ErrorAt(v->pos(), Cat("'", key, "' must not be empty"));
    }
    out = std::string(v->string_value());
    return absl::OkStatus();
  };
  for (auto [key, field] : std::initializer_list<std::pair<std::string_view, std::string*>>{
           {"id", &rule->id},
           {"problem", &rule->problem},
           {"solution", &rule->solution},
           {"learnMoreLink", &rule->learn_more_link}}) {
    absl::Status s = text(key, *field);
    if (!s.ok()) return s;
  }
  const Value* id = root.Find("id");
  if (!IsKebab(rule->id)) {
    return doc.ErrorAt(id->pos(), Cat("rule id '", rule->id,
                                      "' must be kebab-case (lowercase letters, digits "
                                      "and single dashes)"));
  }
  if (FileStem(doc.path()) != rule->id) {
    return doc.ErrorAt(id->pos(), Cat("rule id '", rule->id, "' must equal the file stem '",
                                      FileStem(doc.path()), "' (rename one of them)"));
  }
  const Value* link = root.Find("learnMoreLink");
  if (!StartsWithIgnoreCase(rule->learn_more_link, "https://")) {
    return doc.ErrorAt(link->pos(), "'learnMoreLink' must be an https:// URL");
  }
  std::string category, impact;
  if (absl::Status s = text("category", category); !s.ok()) return s;
  if (absl::Status s = text("impact", impact); !s.ok()) return s;
  std::optional<Category> cat = CategoryFromName(category);
  if (!cat) {
    return doc.ErrorAt(root.Find("category")->pos(),
                       Cat("unknown category '", category,
                           "' (Cost, Security, Reliability, Performance or "
                           "OperationalExcellence)"));
  }
  rule->category = *cat;
  std::optional<Impact> imp = ImpactFromName(impact);
  if (!imp) {
    return doc.ErrorAt(root.Find("impact")->pos(),
                       Cat("unknown impact '", impact, "' (High, Medium or Low)"));
  }
  rule->impact = *imp;
  // resourceType: string, array of strings, or absent (any type).
  if (const Value* rt = root.Find("resourceType")) {
    std::vector<const Value*> types;
    if (rt->is_string()) {
      types.push_back(rt);
    } else if (rt->is_array() && !rt->items().empty()) {
      types.assign(rt->items().begin(), rt->items().end());
    } else {
      return doc.ErrorAt(rt->pos(),
                         "'resourceType' must be a type string or a non-empty array of them "
                         "(omit it for any type)");
    }
    for (const Value* t : types) {
      if (!t->is_string() || !IsResourceType(t->string_value())) {
        return doc.ErrorAt(t->pos(), Cat("invalid resource type ",
                                         t->is_string() ? Cat("'", t->string_value(), "'")
                                                        : std::string(KindName(t->kind())),
                                         " (expected 'Namespace.Provider/type[/child]', e.g. "
                                         "'Microsoft.Storage/storageAccounts')"));
      }
      rule->resource_types.push_back(ToLower(t->string_value()));
    }
  }
  if (const Value* list = root.Find("azurePolicy")) {
    if (absl::Status s = ParseAzurePolicy(doc, *list, rule->azure_policies); !s.ok()) return s;
  }
  if (const Value* list = root.Find("environments")) {
    if (absl::Status s = ParseEnvironments(doc, *list, rule->environments); !s.ok()) return s;
  }
  const Value* cond = root.Find("if");
  const Value* check = root.Find("check");
  if ((cond == nullptr) == (check == nullptr)) {
    return doc.ErrorAt(root.pos(),
                       "a rule has exactly one of 'if' (a condition) or 'check' (a "
                       "native check name)");
  }
  if (check != nullptr) {
    if (!check->is_string()) return doc.ErrorAt(check->pos(), "'check' must be a string");
    if (FindNativeCheck(check->string_value()) == nullptr) {
      std::vector<std::string_view> names;
      for (const NativeCheck* c : NativeChecks()) names.push_back(c->name);
      return doc.ErrorAt(check->pos(), Cat("unknown native check '", check->string_value(),
                                           "' (known: ", Join(names, ", "), ")"));
    }
    // A native check is named by its rule: one id in the rule file, the check's file, the
    // table and the config's rules.options.<id>.
    if (check->string_value() != rule->id) {
      return doc.ErrorAt(check->pos(), Cat("'check' must equal the rule's id '", rule->id,
                                           "' (native checks are named by their rules)"));
    }
    rule->check = std::string(check->string_value());
    return rule;
  }
  if (lazy_condition) {
    rule->lazy = std::make_shared<Rule::Lazy>();
    rule->lazy->doc = doc_ptr;
    rule->lazy->cond = cond;
    return rule;
  }
  rule->condition_json = CompactJson(*cond);
  absl::StatusOr<std::unique_ptr<Condition>> c = Condition::Compile(doc_ptr, *cond);
  if (!c.ok()) return c.status();
  rule->condition = std::move(*c);
  return rule;
}

absl::StatusOr<std::unique_ptr<Rule>> ParseRuleText(std::string path, std::string text) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse(std::move(path), std::move(text));
  if (!doc.ok()) return doc.status();
  return ParseRule(std::shared_ptr<const Document>(std::move(*doc)));
}

}  // namespace armlint::internal
