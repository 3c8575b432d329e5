// Loading, validation and discovery of .armlint.json files.
#include "findings/config.h"

#include <filesystem>

#include "absl/strings/str_cat.h"

#include "json/document.h"
#include "util/strings.h"

namespace armlint::internal {
namespace fs = std::filesystem;

namespace {

class Reader {
 public:
  explicit Reader(const Document& doc) : doc_(doc) {}

  absl::Status Error(const Value& at, std::string_view msg) const {
    return doc_.ErrorAt(at.pos(), msg);
  }

  absl::StatusOr<std::string> String(const Value& v, std::string_view what) const {
    if (!v.is_string()) {
      return Error(v, absl::StrCat(AbslView(what), " must be a string"));
    }
    return std::string(v.string_value());
  }

  absl::StatusOr<std::vector<std::string>> Strings(const Value& v, std::string_view what) const {
    if (!v.is_array())
      return Error(v, absl::StrCat(AbslView(what), " must be an array of strings"));
    std::vector<std::string> out;
    for (const Value* item : v.items()) {
      if (!item->is_string()) {
        return Error(*item, absl::StrCat(AbslView(what), " must be an array of strings"));
      }
      out.emplace_back(item->string_value());
    }
    return out;
  }

  absl::Status Keys(const Value& obj, std::string_view what,
                    std::initializer_list<std::string_view> known) const {
    if (!obj.is_object()) return Error(obj, absl::StrCat(AbslView(what), " must be an object"));
    for (const Member& m : obj.members()) {
      bool ok = false;
      for (std::string_view k : known) ok = ok || m.key == k;
      if (!ok) {
        std::string list;
        for (std::string_view k : known)
          absl::StrAppend(&list, list.empty() ? "" : ", ", AbslView(k));
        return doc_.ErrorAt(m.key_pos, absl::StrCat("unknown key '", AbslView(m.key), "' in ",
                                                    AbslView(what), " (known: ", list, ")"));
      }
    }
    return absl::OkStatus();
  }

 private:
  const Document& doc_;
};

bool IsDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

std::string Resolve(const std::string& dir, const std::string& p) {
  if (p.empty() || fs::path(p).is_absolute() || dir.empty()) return p;
  return (fs::path(dir) / p).lexically_normal().generic_string();
}

absl::Status ReadRules(const Reader& r, const Value& rules, Config& c) {
  if (absl::Status s =
          r.Keys(rules, "'rules'", {"enable", "disable", "disableCategories", "impact", "options"});
      !s.ok())
    return s;
  if (const Value* v = rules.Find("enable")) {
    auto ids = r.Strings(*v, "'rules.enable'");
    if (!ids.ok()) return ids.status();
    c.enable = *ids;
  }
  if (const Value* v = rules.Find("disable")) {
    auto ids = r.Strings(*v, "'rules.disable'");
    if (!ids.ok()) return ids.status();
    c.disable = *ids;
  }
  if (const Value* v = rules.Find("disableCategories")) {
    auto names = r.Strings(*v, "'rules.disableCategories'");
    if (!names.ok()) return names.status();
    for (std::size_t i = 0; i < names->size(); ++i) {
      std::optional<Category> cat = ParseCategory((*names)[i]);
      if (!cat) {
        return r.Error(*v->items()[i],
                       "unknown category (Cost, Security, Reliability, Performance, "
                       "OperationalExcellence)");
      }
      c.disable_categories.push_back(*cat);
    }
  }
  if (const Value* v = rules.Find("impact")) {
    if (!v->is_object()) return r.Error(*v, "'rules.impact' must be an object: rule id -> impact");
    for (const Member& m : v->members()) {
      std::optional<Impact> impact =
          m.value->is_string() ? ParseImpact(m.value->string_value()) : std::nullopt;
      if (!impact) return r.Error(*m.value, "impact must be \"High\", \"Medium\" or \"Low\"");
      c.impact[std::string(m.key)] = *impact;
    }
  }
  if (const Value* v = rules.Find("options")) {
    if (absl::Status s = r.Keys(*v, "'rules.options'", {"requiredTags", "apiVersionMaxAgeMonths"});
        !s.ok())
      return s;
    if (const Value* t = v->Find("requiredTags")) {
      auto tags = r.Strings(*t, "'requiredTags'");
      if (!tags.ok()) return tags.status();
      c.required_tags = *tags;
    }
    if (const Value* a = v->Find("apiVersionMaxAgeMonths")) {
      if (!a->is_int() || a->int_value() < 1 || a->int_value() > 240) {
        return r.Error(*a, "'apiVersionMaxAgeMonths' must be an integer from 1 to 240");
      }
      c.api_version_max_age_months = static_cast<int>(a->int_value());
    }
  }
  return absl::OkStatus();
}

absl::Status ReadSuppressions(const Reader& r, const Value& list, Config& c) {
  if (!list.is_array()) return r.Error(list, "'suppressions' must be an array");
  for (const Value* item : list.items()) {
    if (absl::Status s = r.Keys(*item, "a suppression",
                                {"rule", "resource", "file", "justification", "expires"});
        !s.ok())
      return s;
    ConfigSuppression sup;
    const Value* rule = item->Find("rule");
    const Value* why = item->Find("justification");
    if (rule == nullptr) return r.Error(*item, "a suppression needs \"rule\" (an id or \"*\")");
    if (why == nullptr || !why->is_string() || why->string_value().empty()) {
      return r.Error(why ? *why : *item, "a suppression needs a non-empty \"justification\"");
    }
    auto rule_s = r.String(*rule, "'rule'");
    if (!rule_s.ok()) return rule_s.status();
    sup.rule = *rule_s;
    sup.justification = std::string(why->string_value());
    if (const Value* v = item->Find("resource")) {
      auto s = r.String(*v, "'resource'");
      if (!s.ok()) return s.status();
      sup.resource = *s;
    }
    if (const Value* v = item->Find("file")) {
      auto s = r.String(*v, "'file'");
      if (!s.ok()) return s.status();
      sup.file = *s;
    }
    if (const Value* v = item->Find("expires")) {
      if (!v->is_string() || !IsDate(v->string_value())) {
        return r.Error(*v, "'expires' must be a date \"YYYY-MM-DD\"");
      }
      sup.expires = std::string(v->string_value());
    }
    c.suppressions.push_back(std::move(sup));
  }
  return absl::OkStatus();
}

absl::Status ReadConfig(const Document& doc, Config& c) {
  Reader r(doc);
  const Value& root = doc.root();
  if (absl::Status s = r.Keys(root, "the configuration",
                              {"$schema", "rules", "failOn", "rulePacks", "ignore", "parameters",
                               "suppressions", "workloads"});
      !s.ok())
    return s;
  if (const Value* v = root.Find("rules")) {
    if (absl::Status s = ReadRules(r, *v, c); !s.ok()) return s;
  }
  if (const Value* v = root.Find("failOn")) {
    if (!v->is_string())
      return r.Error(*v, "'failOn' must be \"high\", \"medium\", \"low\" or \"none\"");
    if (EqualsIgnoreCase(v->string_value(), "none")) {
      c.fail_on = std::optional<Impact>();
    } else if (std::optional<Impact> i = ParseImpact(v->string_value())) {
      c.fail_on = i;
    } else {
      return r.Error(*v, "'failOn' must be \"high\", \"medium\", \"low\" or \"none\"");
    }
  }
  if (const Value* v = root.Find("rulePacks")) {
    auto packs = r.Strings(*v, "'rulePacks'");
    if (!packs.ok()) return packs.status();
    for (const std::string& p : *packs) c.rule_packs.push_back(Resolve(c.dir, p));
  }
  if (const Value* v = root.Find("ignore")) {
    auto globs = r.Strings(*v, "'ignore'");
    if (!globs.ok()) return globs.status();
    c.ignore = *globs;
  }
  if (const Value* v = root.Find("parameters")) {
    if (!v->is_array()) return r.Error(*v, "'parameters' must be an array of {template, file}");
    for (const Value* item : v->items()) {
      if (absl::Status s = r.Keys(*item, "a parameters entry", {"template", "file"}); !s.ok()) {
        return s;
      }
      const Value* t = item->Find("template");
      const Value* f = item->Find("file");
      if (t == nullptr || f == nullptr || !t->is_string() || !f->is_string()) {
        return r.Error(*item, "a parameters entry needs \"template\" (a glob) and \"file\"");
      }
      c.parameters.push_back(
          {std::string(t->string_value()), Resolve(c.dir, std::string(f->string_value()))});
    }
  }
  if (const Value* v = root.Find("suppressions")) {
    if (absl::Status s = ReadSuppressions(r, *v, c); !s.ok()) return s;
  }
  if (const Value* v = root.Find("workloads")) {
    if (!v->is_object()) return r.Error(*v, "'workloads' must be an object: glob -> workload name");
    for (const Member& m : v->members()) {
      if (!m.value->is_string() || m.value->string_value().empty()) {
        return r.Error(*m.value, "a workload name must be a non-empty string");
      }
      c.workloads.emplace_back(std::string(m.key), std::string(m.value->string_value()));
    }
  }
  return absl::OkStatus();
}

}  // namespace

std::string RelativeTo(const std::string& file, const std::string& dir) {
  if (dir.empty()) return fs::path(file).generic_string();
  std::error_code ec;
  fs::path rel = fs::relative(fs::absolute(file, ec), fs::absolute(dir, ec), ec);
  if (ec || rel.empty() || rel.native().starts_with("..")) return fs::path(file).generic_string();
  return rel.generic_string();
}

absl::StatusOr<std::shared_ptr<const Config>> LoadConfig(const std::string& path) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) return doc.status();
  auto c = std::make_shared<Config>();
  c->path = path;
  fs::path dir = fs::path(path).parent_path();
  c->dir = (dir.empty() ? fs::path(".") : dir).generic_string();
  if (absl::Status s = ReadConfig(**doc, *c); !s.ok()) return s;
  return std::shared_ptr<const Config>(std::move(c));
}

absl::StatusOr<std::shared_ptr<const Config>> ConfigResolver::Cached(const std::string& path) {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) it = by_path_.emplace(path, LoadConfig(path)).first;
  return it->second;
}

absl::StatusOr<std::shared_ptr<const Config>> ConfigResolver::For(const std::string& file) {
  if (!enabled_) return std::shared_ptr<const Config>();
  std::lock_guard<std::mutex> lock(mu_);
  if (!explicit_path_.empty()) return Cached(explicit_path_);
  if (file == "-" || file == "<stdin>") return std::shared_ptr<const Config>();
  std::error_code ec;
  fs::path dir = fs::absolute(fs::path(file), ec).parent_path();
  std::vector<std::string> visited;
  std::string found;
  for (int guard = 0; guard < 64 && !dir.empty(); ++guard) {
    std::string key = dir.string();
    if (auto it = dir_to_config_.find(key); it != dir_to_config_.end()) {
      found = it->second;
      break;
    }
    visited.push_back(key);
    if (fs::is_regular_file(dir / ".armlint.json", ec)) {
      found = (dir / ".armlint.json").string();
      break;
    }
    if (fs::exists(dir / ".git", ec) || dir == dir.parent_path()) break;
    dir = dir.parent_path();
  }
  for (const std::string& d : visited) dir_to_config_[d] = found;
  if (found.empty()) return std::shared_ptr<const Config>();
  return Cached(found);
}

}  // namespace armlint::internal
