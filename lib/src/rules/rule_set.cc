// Rule set loading (built-in packs and rule folders), indexing by resource type, evaluation.
#include "rules/rule_set.h"

#include <algorithm>
#include <filesystem>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"

#include "rules/builtin_rules.h"
#include "rules/condition.h"
#include "rules/native_checks.h"
#include "rules/rule_loader.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

struct RuleSet::Index {
  absl::flat_hash_map<std::string, std::vector<const Rule*>> by_type;  // lower-cased type
  std::vector<std::pair<WildcardPattern, const Rule*>> by_pattern;     // "Microsoft.Web/*"
  std::vector<const Rule*> any_type;
  std::vector<std::pair<const Rule*, NativeCheckFn>> native;
};

namespace {

// *.json files under `dir`, sorted, skipping "tests" folders.
absl::StatusOr<std::vector<std::string>> RuleFiles(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    return InputError(SourceLocation{dir, 0, 0, ""}, "rule folder not found or not a directory",
                      absl::StatusCode::kNotFound);
  }
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_directory(ec) && it->path().filename() == "tests") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec) && it->path().extension() == ".json") {
      files.push_back(it->path().generic_string());
    }
  }
  if (ec) {
    return InputError(SourceLocation{dir, 0, 0, ""},
                      Cat("cannot read rule folder: ", ec.message()));
  }
  std::sort(files.begin(), files.end());
  return files;
}

absl::Status Add(std::unique_ptr<Rule> rule, std::vector<std::unique_ptr<Rule>>& rules,
                 absl::flat_hash_map<std::string, const Rule*>& ids,
                 const std::shared_ptr<const Document>& doc) {
  auto [it, inserted] = ids.emplace(rule->id, rule.get());
  if (!inserted) {
    const Value* id = doc->root().Find("id");
    return doc->ErrorAt(id->pos(), Cat("duplicate rule id '", rule->id, "' (also defined in ",
                                       it->second->source, ")"));
  }
  rules.push_back(std::move(rule));
  return absl::OkStatus();
}

// A built-in rule, from its build-time index entry alone: the file is parsed on first use
// (Rule::Load). Native checks run on every file, so they are loaded at once.
absl::Status AddBuiltin(const EmbeddedFile& file, const BuiltinRuleEntry& entry,
                        std::vector<std::unique_ptr<Rule>>& rules,
                        absl::flat_hash_map<std::string, const Rule*>& ids) {
  auto rule = std::make_unique<Rule>();
  rule->id = std::string(entry.id);
  rule->source = std::string(file.path);
  if (entry.check) rule->check = rule->id;
  for (std::string_view t = entry.resource_types; !t.empty();) {
    std::size_t nl = t.find('\n');
    rule->resource_types.push_back(ToLower(t.substr(0, nl)));
    t.remove_prefix(nl == std::string_view::npos ? t.size() : nl + 1);
  }
  rule->lazy = std::make_shared<Rule::Lazy>();
  rule->lazy->path = file.path;
  rule->lazy->text = file.text;
  if (entry.check) rule->Load();
  if (!ids.emplace(rule->id, rule.get()).second) {
    return absl::InternalError(Cat("duplicate built-in rule id '", rule->id, "'"));
  }
  rules.push_back(std::move(rule));
  return absl::OkStatus();
}

absl::Status LoadDirInto(const std::string& dir, std::vector<std::unique_ptr<Rule>>& rules,
                         absl::flat_hash_map<std::string, const Rule*>& ids) {
  absl::StatusOr<std::vector<std::string>> files = RuleFiles(dir);
  if (!files.ok()) return files.status();
  for (const std::string& f : *files) {
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(f);
    if (!doc.ok()) return doc.status();
    std::shared_ptr<const Document> shared(std::move(*doc));
    absl::StatusOr<std::unique_ptr<Rule>> rule = ParseRule(shared);
    if (!rule.ok()) return rule.status();
    if (absl::Status s = Add(std::move(*rule), rules, ids, shared); !s.ok()) return s;
  }
  return absl::OkStatus();
}

// The ids loaded plus every built-in id (a built-in rule file's stem is its id), so that a
// config or suppression naming a built-in rule is valid under --no-default-rules too.
std::vector<std::string> AllIds(const absl::flat_hash_map<std::string, const Rule*>& ids) {
  std::vector<std::string> out;
  for (const auto& [id, rule] : ids) out.push_back(id);
  for (std::size_t i = 0; i < kBuiltinRuleFileCount; ++i) {
    std::string_view path = kBuiltinRuleFiles[i].path;
    std::size_t slash = path.rfind('/');
    std::string_view stem = path.substr(slash == std::string_view::npos ? 0 : slash + 1);
    if (!stem.ends_with(".json")) continue;
    stem.remove_suffix(5);
    if (!ids.contains(absl::string_view(stem.data(), stem.size()))) out.emplace_back(stem);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace

RuleSet::~RuleSet() = default;

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::Load(const RuleSetOptions& options) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  absl::flat_hash_map<std::string, const Rule*> ids;
  if (options.builtin_rules) {
    for (std::size_t i = 0; i < kBuiltinRuleFileCount; ++i) {
      const EmbeddedFile& f = kBuiltinRuleFiles[i];
      if (f.path.empty()) continue;
      absl::Status s = AddBuiltin(f, kBuiltinRuleIndex[i], set->rules_, ids);
      if (!s.ok()) return s;
    }
  }
  for (const std::string& dir : options.rule_dirs) {
    if (absl::Status s = LoadDirInto(dir, set->rules_, ids); !s.ok()) return s;
  }
  if (options.add_rules) {
    std::vector<std::unique_ptr<Rule>> extra;
    if (absl::Status s = options.add_rules(extra); !s.ok()) return s;
    for (auto& r : extra) {
      if (ids.emplace(r->id, r.get()).second) set->rules_.push_back(std::move(r));
    }
  }
  for (const auto* list : {&options.only, &options.disable}) {
    for (const std::string& id : *list) {
      if (!ids.contains(id)) {
        return absl::InvalidArgumentError(
            Cat("unknown rule id '", id, "' in ", list == &options.only ? "--only" : "--disable"));
      }
    }
  }
  set->all_ids_ = AllIds(ids);
  auto keep = [&](const Rule& r) {
    if (!options.only.empty() &&
        std::find(options.only.begin(), options.only.end(), r.id) == options.only.end()) {
      return false;
    }
    return std::find(options.disable.begin(), options.disable.end(), r.id) == options.disable.end();
  };
  std::erase_if(set->rules_, [&](const std::unique_ptr<Rule>& r) { return !keep(*r); });
  set->BuildIndex();
  return std::unique_ptr<const RuleSet>(std::move(set));
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::LoadDir(const std::string& dir) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  absl::flat_hash_map<std::string, const Rule*> ids;
  if (absl::Status s = LoadDirInto(dir, set->rules_, ids); !s.ok()) return s;
  set->all_ids_ = AllIds(ids);
  set->BuildIndex();
  return std::unique_ptr<const RuleSet>(std::move(set));
}

void RuleSet::BuildIndex() {
  std::sort(rules_.begin(), rules_.end(),
            [](const auto& a, const auto& b) { return a->id < b->id; });
  index_ = std::make_unique<Index>();
  for (const auto& r : rules_) {
    if (!r->check.empty()) {
      index_->native.emplace_back(r.get(), FindNativeCheck(r->check)->run);
      continue;
    }
    if (r->resource_types.empty()) index_->any_type.push_back(r.get());
    for (const std::string& t : r->resource_types) {
      if (t.find('*') == std::string::npos) {
        index_->by_type[t].push_back(r.get());
        // A policy names a resource group's type as its id does; a template does not. (Not
        // `r->policy`: a rule from a policy cache is not loaded yet when it is indexed.)
        if (t == "microsoft.resources/subscriptions/resourcegroups") {
          index_->by_type["microsoft.resources/resourcegroups"].push_back(r.get());
        }
        continue;
      }
      index_->by_pattern.emplace_back(WildcardPattern::Like(t), r.get());
    }
  }
}

void RuleSet::EvaluateResource(const Resource& resource, std::vector<Hit>& out,
                               std::span<const Resource> deployment) const {
  auto run = [&](const Rule* rule) {
    // A rule written for both forms judges a folded child's settings once, on its parent.
    if (!resource.merged_into.empty() &&
        std::find(rule->resource_types.begin(), rule->resource_types.end(), resource.merged_into) !=
            rule->resource_types.end()) {
      return;
    }
    const Condition* condition = rule->GetCondition();
    if (condition == nullptr) return;
    ConditionResult r =
        rule->policy ? condition->Evaluate(resource, deployment) : condition->Evaluate(resource);
    if (r.outcome == Tri::kFalse) return;
    Hit hit;
    hit.rule = rule;
    hit.outcome = r.outcome;
    hit.anchor =
        r.anchor.known() && r.anchor.source != Anchor::kPolicySource ? r.anchor : resource.anchor;
    hit.missing = r.missing;
    hit.value = r.value;
    hit.resource = &resource;
    hit.message = std::move(r.note);
    hit.identity_anchor = r.identity_anchor;
    hit.unknown_reason = std::move(r.unknown_reason);
    out.push_back(std::move(hit));
  };
  std::string lower;
  const std::string* type = &resource.type_lower;
  if (type->empty() && !resource.type.empty()) {
    lower = ToLower(resource.type);
    type = &lower;
  }
  if (auto it = index_->by_type.find(*type); it != index_->by_type.end()) {
    for (const Rule* rule : it->second) run(rule);
  }
  const Rule* last = nullptr;  // a rule with several matching patterns runs once
  for (const auto& [pattern, rule] : index_->by_pattern) {
    if (rule != last && pattern.Matches(*type)) {
      run(rule);
      last = rule;
    }
  }
  for (const Rule* rule : index_->any_type) run(rule);
}

void RuleSet::ApplicableRules(const Resource& resource, std::vector<const Rule*>& out) const {
  std::string lower;
  const std::string* type = &resource.type_lower;
  if (type->empty() && !resource.type.empty()) {
    lower = ToLower(resource.type);
    type = &lower;
  }
  std::size_t before = out.size();
  if (auto it = index_->by_type.find(*type); it != index_->by_type.end()) {
    out.insert(out.end(), it->second.begin(), it->second.end());
  }
  const Rule* last = nullptr;
  for (const auto& [pattern, rule] : index_->by_pattern) {
    if (rule != last && pattern.Matches(*type)) {
      out.push_back(rule);
      last = rule;
    }
  }
  out.insert(out.end(), index_->any_type.begin(), index_->any_type.end());
  for (std::size_t i = before; i < out.size(); ++i) out[i]->Load();
}

const std::vector<std::unique_ptr<Rule>>& RuleSet::rules() const {
  for (const auto& r : rules_) r->Load();
  return rules_;
}

std::vector<const Rule*> RuleSet::NativeRules() const {
  std::vector<const Rule*> out;
  for (const auto& [rule, fn] : index_->native) out.push_back(rule);
  return out;
}

void RuleSet::RunNativeChecks(const CheckContext& context, std::vector<Hit>& out) const {
  for (const auto& [rule, fn] : index_->native) fn(context, *rule, out);
}

const Rule* RuleSet::Find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const auto& r, std::string_view v) { return r->id < v; });
  if (it == rules_.end() || (*it)->id != id) return nullptr;
  (*it)->Load();
  return it->get();
}

void Rule::Load() const {
  if (lazy != nullptr && lazy->load) {
    std::call_once(lazy->load_once, [this] { lazy->load(const_cast<Rule&>(*this)); });
    return;
  }
  if (lazy == nullptr || lazy->text.empty()) return;
  std::call_once(lazy->load_once, [this] {
    absl::StatusOr<std::unique_ptr<Document>> doc =
        Document::Parse(std::string(lazy->path), std::string(lazy->text));
    if (!doc.ok()) return;
    absl::StatusOr<std::unique_ptr<Rule>> parsed =
        ParseRule(std::shared_ptr<const Document>(std::move(*doc)), /*lazy_condition=*/true);
    if (!parsed.ok()) return;
    // The metadata the index did not give (id, resource types, check and source did). The
    // rule object is never const itself: RuleSet owns it.
    Rule& self = const_cast<Rule&>(*this);
    self.category = (*parsed)->category;
    self.impact = (*parsed)->impact;
    self.problem = std::move((*parsed)->problem);
    self.solution = std::move((*parsed)->solution);
    self.learn_more_link = std::move((*parsed)->learn_more_link);
    self.effect = std::move((*parsed)->effect);
    self.policy = std::move((*parsed)->policy);
    self.azure_policies = std::move((*parsed)->azure_policies);
    self.environments = std::move((*parsed)->environments);
    if ((*parsed)->lazy != nullptr) {
      lazy->doc = (*parsed)->lazy->doc;
      lazy->cond = (*parsed)->lazy->cond;
    }
  });
}

const Condition* Rule::GetCondition() const {
  Load();
  if (lazy != nullptr && lazy->compile) return lazy->compile();
  if (lazy == nullptr || lazy->cond == nullptr) return condition.get();
  std::call_once(lazy->compile_once, [l = lazy.get()] {
    absl::StatusOr<std::unique_ptr<Condition>> c = Condition::Compile(l->doc, *l->cond);
    if (c.ok()) l->condition = std::move(*c);
  });
  return lazy->condition.get();
}

const std::string& Rule::ConditionJson() const {
  Load();
  if (lazy != nullptr && lazy->json_of) {
    std::call_once(lazy->json_once, [l = lazy.get()] { l->json = l->json_of(); });
    return lazy->json;
  }
  if (lazy == nullptr || lazy->cond == nullptr) return condition_json;
  std::call_once(lazy->json_once, [l = lazy.get()] { l->json = CompactJson(*l->cond); });
  return lazy->json;
}

std::unique_ptr<Rule> CopyRule(const Rule& rule) {
  auto copy = std::make_unique<Rule>(rule);
  if (rule.lazy != nullptr && rule.lazy->load) {
    copy->lazy = std::make_shared<Rule::Lazy>();
    copy->lazy->load = rule.lazy->load;
    copy->lazy->compile = rule.lazy->compile;
    copy->lazy->json_of = rule.lazy->json_of;
  }
  return copy;
}

RuleInfo ToRuleInfo(const Rule& r) {
  RuleInfo info;
  info.id = r.id;
  info.category = r.category;
  info.impact = r.impact;
  info.resource_types = r.resource_types;
  info.problem = r.problem;
  info.solution = r.solution;
  info.learn_more_link = r.learn_more_link;
  info.source = r.source;
  info.check = r.check;
  info.condition_json = r.ConditionJson();
  info.effect = r.effect;
  info.policy = r.policy;
  info.azure_policies = r.azure_policies;
  return info;
}

}  // namespace armlint::internal
