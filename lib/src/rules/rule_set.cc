// Rule set loading (built-in packs and rule folders), indexing by resource type, evaluation.
#include "rules/rule_set.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>

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

// Rules made the first time they are needed, and then owned here: the built-in rules and each
// LazyRules source.
struct RuleSet::Made {
  explicit Made(std::size_t n) : made(new std::atomic<const Rule*>[n]()) {}
  std::unique_ptr<std::atomic<const Rule*>[]> made;  // published once, under `mu`
  std::mutex mu;
  std::vector<std::unique_ptr<Rule>> owned;  // under `mu`
  std::vector<bool> off;                     // left out (--only, --disable); empty: none
  bool Keeps(std::size_t i) const { return off.empty() || !off[i]; }
  // Rule `i` (made by `make` unless another thread just did); null when left out.
  // `make` may give null: the rule is then left out for good.
  template <class MakeFn>
  const Rule* Get(std::size_t i, MakeFn&& make) {
    if (!Keeps(i)) return nullptr;
    const Rule* r = made[i].load(std::memory_order_acquire);
    if (r == nullptr) r = Publish(i, make);
    return r == &kLeftOut ? nullptr : r;
  }
  template <class MakeFn>
  [[gnu::noinline]] const Rule* Publish(std::size_t i, MakeFn&& make) {
    std::lock_guard<std::mutex> lock(mu);
    if (const Rule* r = made[i].load(std::memory_order_relaxed)) return r;
    std::unique_ptr<Rule> rule = make(i);
    const Rule* r = rule != nullptr ? rule.get() : &kLeftOut;
    if (rule != nullptr) owned.push_back(std::move(rule));
    made[i].store(r, std::memory_order_release);
    return r;
  }
  static const Rule kLeftOut;
};

const Rule RuleSet::Made::kLeftOut{};

// The built-in rules: kBuiltinRuleIndex and kBuiltinRuleTables answer every lookup; a rule
// object is made the first time the rule is needed (Builtin()).
struct RuleSet::Builtins : Made {
  explicit Builtins(std::size_t n) : Made(n) {}
  std::vector<std::pair<WildcardPattern, std::uint16_t>> by_pattern;  // kBuiltinRuleTables'
  std::vector<NativeCheckFn> native;  // the check of each of kBuiltinRuleTables.native
};

// A LazyRules source: its lookups answer for it, as kBuiltinRuleTables do for the built-ins.
struct RuleSet::LazySet : Made {
  explicit LazySet(std::shared_ptr<const LazyRules> s)
      : Made(s->size()), before(new std::atomic<std::uint8_t>[s->size()]()), src(std::move(s)) {
    for (const auto& [type, rule] : src->Patterns()) {
      patterns.emplace_back(WildcardPattern::Like(type), rule);
    }
  }
  // Whether each rule's id was loaded before (LoadedBefore): 0 not yet known, 1 no, 2 yes.
  std::unique_ptr<std::atomic<std::uint8_t>[]> before;
  std::shared_ptr<const LazyRules> src;
  std::vector<std::pair<WildcardPattern, std::uint32_t>> patterns;  // src->Patterns()
};

namespace {

constexpr auto kSkipNone = [](std::size_t, std::uint32_t) { return false; };  // skip nothing

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

// The ids a rule set knows besides its own rules' (with or without the built-in rules loaded).
struct KnownIds {
  bool builtin = false;                                  // the built-in rules are loaded
  absl::flat_hash_map<std::string, const Rule*> others;  // the rules not built in
  std::vector<const LazyRules*> lazy;                    // RuleSetOptions::lazy_rules
  // The source of the rule `id` already loaded, if any.
  std::optional<std::string_view> SourceOf(const std::string& id) const {
    if (builtin) {
      if (std::optional<std::size_t> i = FindBuiltinRule(id)) return kBuiltinRuleFiles[*i].path;
    }
    auto it = others.find(id);
    if (it != others.end()) return it->second->source;
    for (const LazyRules* l : lazy) {
      if (std::optional<std::uint32_t> i = l->Find(id)) return l->Id(*i);
    }
    return std::nullopt;
  }
};

absl::Status Add(std::unique_ptr<Rule> rule, std::vector<std::unique_ptr<Rule>>& rules,
                 KnownIds& ids, const std::shared_ptr<const Document>& doc) {
  if (std::optional<std::string_view> other = ids.SourceOf(rule->id)) {
    const Value* id = doc->root().Find("id");
    return doc->ErrorAt(id->pos(),
                        Cat("duplicate rule id '", rule->id, "' (also defined in ", *other, ")"));
  }
  ids.others.emplace(rule->id, rule.get());
  rules.push_back(std::move(rule));
  return absl::OkStatus();
}

absl::Status LoadDirInto(const std::string& dir, std::vector<std::unique_ptr<Rule>>& rules,
                         KnownIds& ids) {
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

// The ids of the rules not built in plus every built-in id: a config or suppression naming a
// built-in rule is valid under --no-default-rules too.
RuleIdList AllIds(const KnownIds& ids) {
  std::vector<std::string> others;
  for (const auto& [id, rule] : ids.others) others.push_back(id);
  return RuleIdList(std::move(others));
}

// A built-in rule from its build-time index entry alone: its file is parsed on first use
// (Rule::Load).
std::unique_ptr<Rule> MakeBuiltin(std::size_t i) {
  const BuiltinRuleEntry& entry = kBuiltinRuleIndex[i];
  const EmbeddedFile& file = kBuiltinRuleFiles[i];
  auto rule = std::make_unique<Rule>();
  rule->id = std::string(entry.id);
  rule->source = std::string(file.path);
  if (entry.check) rule->check = rule->id;
  for (std::string_view t = entry.resource_types; !t.empty();) {
    std::size_t nl = t.find('\n');
    rule->resource_types.push_back(ToLower(t.substr(0, nl)));
    t.remove_prefix(nl == std::string_view::npos ? t.size() : nl + 1);
  }
  // Set here, not by Load(): a native rule's category and impact are read (assessments)
  // without loading it.
  rule->category = CategoryFromName(entry.category).value_or(Category::kSecurity);
  rule->impact = ImpactFromName(entry.impact).value_or(Impact::kMedium);
  rule->lazy = std::make_shared<Rule::Lazy>();
  rule->lazy->path = file.path;
  rule->lazy->text = file.text;
  return rule;
}

std::uint16_t BuiltinOf(std::uint16_t i) { return i; }
std::uint16_t BuiltinOf(const BuiltinTypeEntry& e) { return e.rule; }
std::uint16_t BuiltinOf(const std::pair<WildcardPattern, std::uint16_t>& p) { return p.second; }
const Rule* RuleOf(const Rule* r) { return r; }
const Rule* RuleOf(const std::pair<WildcardPattern, const Rule*>& p) { return p.second; }
const Rule* RuleOf(const std::pair<const Rule*, NativeCheckFn>& p) { return p.first; }

// Walks `builtin` and `other` (each sorted by rule id) together in rule id order.
template <class B, class O, class OnBuiltin, class OnOther>
void MergeById(const B& builtin, const O& other, OnBuiltin on_builtin, OnOther on_other) {
  auto b = std::begin(builtin);
  auto o = std::begin(other);
  while (b != std::end(builtin) || o != std::end(other)) {
    if (o == std::end(other) ||
        (b != std::end(builtin) && kBuiltinRuleIndex[BuiltinOf(*b)].id < RuleOf(*o)->id)) {
      on_builtin(*b++);
    } else {
      on_other(*o++);
    }
  }
}

}  // namespace

RuleSet::RuleSet() : index_(std::make_unique<Index>()) {}
RuleSet::~RuleSet() = default;

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::Load(const RuleSetOptions& options) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  KnownIds ids;
  ids.builtin = options.builtin_rules && kBuiltinRuleFileCount > 0;
  for (const std::string& dir : options.rule_dirs) {
    if (absl::Status s = LoadDirInto(dir, set->rules_, ids); !s.ok()) return s;
  }
  if (options.add_rules) {
    std::vector<std::unique_ptr<Rule>> extra;
    if (absl::Status s = options.add_rules(extra); !s.ok()) return s;
    for (auto& r : extra) {
      if (ids.SourceOf(r->id)) continue;  // the rule loaded first wins
      ids.others.emplace(r->id, r.get());
      set->rules_.push_back(std::move(r));
    }
  }
  // An id loaded before a lazy source's wins (as for add_rules): checked when the source's
  // rule is first needed (RuleSet::LazyRule), against these.
  for (const auto& [id, rule] : ids.others) set->loaded_ids_.push_back(id);
  std::sort(set->loaded_ids_.begin(), set->loaded_ids_.end());
  for (const std::shared_ptr<const LazyRules>& src : options.lazy_rules) {
    ids.lazy.push_back(src.get());
    set->lazy_.push_back(std::make_unique<LazySet>(src));
  }
  for (const auto* list : {&options.only, &options.disable}) {
    for (const std::string& id : *list) {
      if (!ids.SourceOf(id)) {
        return absl::InvalidArgumentError(
            Cat("unknown rule id '", id, "' in ", list == &options.only ? "--only" : "--disable"));
      }
    }
  }
  set->all_ids_ = AllIds(ids);
  auto keep = [&](std::string_view id) {
    if (!options.only.empty() &&
        std::find(options.only.begin(), options.only.end(), id) == options.only.end()) {
      return false;
    }
    return std::find(options.disable.begin(), options.disable.end(), id) == options.disable.end();
  };
  std::erase_if(set->rules_, [&](const std::unique_ptr<Rule>& r) { return !keep(r->id); });
  for (const std::unique_ptr<LazySet>& lazy : set->lazy_) {
    set->all_ids_.Add(lazy->src);
    if (options.only.empty() && options.disable.empty()) continue;
    lazy->off.assign(lazy->src->size(), !options.only.empty());
    for (const auto* list : {&options.only, &options.disable}) {
      for (const std::string& id : *list) {
        if (std::optional<std::uint32_t> i = lazy->src->Find(id)) lazy->off[*i] = !keep(id);
      }
    }
  }
  if (ids.builtin) {
    set->builtins_ = std::make_unique<Builtins>(kBuiltinRuleFileCount);
    Builtins& b = *set->builtins_;
    if (!options.only.empty() || !options.disable.empty()) {
      b.off.assign(kBuiltinRuleFileCount, !options.only.empty());
      for (const auto* list : {&options.only, &options.disable}) {
        for (const std::string& id : *list) {
          if (std::optional<std::size_t> i = FindBuiltinRule(id)) b.off[*i] = !keep(id);
        }
      }
    }
    for (const BuiltinTypeEntry& e : kBuiltinRuleTables.by_pattern) {
      b.by_pattern.emplace_back(WildcardPattern::Like(e.type), e.rule);
    }
    b.native.reserve(kBuiltinRuleTables.native.size());
    for (std::uint16_t i : kBuiltinRuleTables.native) {
      const NativeCheck* check = FindNativeCheck(kBuiltinRuleIndex[i].id);
      b.native.push_back(check != nullptr ? check->run : nullptr);  // null: none (tests)
    }
  }
  set->BuildIndex();
  return std::unique_ptr<const RuleSet>(std::move(set));
}

absl::StatusOr<std::unique_ptr<const RuleSet>> RuleSet::LoadDir(const std::string& dir) {
  std::unique_ptr<RuleSet> set(new RuleSet());
  KnownIds ids;
  if (absl::Status s = LoadDirInto(dir, set->rules_, ids); !s.ok()) return s;
  set->all_ids_ = AllIds(ids);
  set->BuildIndex();
  return std::unique_ptr<const RuleSet>(std::move(set));
}

void RuleSet::BuildIndex() {
  std::sort(rules_.begin(), rules_.end(),
            [](const auto& a, const auto& b) { return a->id < b->id; });
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

inline const Rule* RuleSet::Builtin(std::size_t i) const {
  if (builtins_ == nullptr) return nullptr;
  return builtins_->Get(i, MakeBuiltin);
}

bool RuleSet::LoadedBefore(std::size_t s, std::uint32_t i) const {
  std::atomic<std::uint8_t>& known = lazy_[s]->before[i];
  if (std::uint8_t k = known.load(std::memory_order_relaxed)) return k == 2;
  std::string_view id = lazy_[s]->src->Id(i);
  bool before = (builtins_ != nullptr && FindBuiltinRule(id)) ||
                std::binary_search(loaded_ids_.begin(), loaded_ids_.end(), id);
  for (std::size_t e = 0; e < s && !before; ++e) before = lazy_[e]->src->Find(id).has_value();
  known.store(before ? 2 : 1, std::memory_order_relaxed);
  return before;
}

inline const Rule* RuleSet::LazyRule(std::size_t s, std::uint32_t i) const {
  LazySet& set = *lazy_[s];
  return set.Get(i, [&](std::size_t n) -> std::unique_ptr<Rule> {
    if (LoadedBefore(s, static_cast<std::uint32_t>(n))) return nullptr;
    return set.src->Make(static_cast<std::uint32_t>(n));
  });
}

template <class Pick, class Skip>
void RuleSet::MergeLazy(std::vector<const Rule*>& out, Pick&& pick, Skip&& skip) const {
  for (std::size_t s = 0; s < lazy_.size(); ++s) {
    std::size_t mid = out.size();
    for (std::uint32_t i : pick(*lazy_[s])) {
      if (skip(s, i)) continue;
      if (const Rule* r = LazyRule(s, i)) out.push_back(r);
    }
    if (mid > 0 && mid < out.size()) {
      std::inplace_merge(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(mid), out.end(),
                         [](const Rule* a, const Rule* b) { return a->id < b->id; });
    }
  }
}

std::size_t RuleSet::builtin_rules_made() const {
  if (builtins_ == nullptr) return 0;
  std::lock_guard<std::mutex> lock(builtins_->mu);
  return builtins_->owned.size();
}

template <class Fn, class Skip>
void RuleSet::ForEachApplicable(const std::string& type, Fn&& fn, Skip&& skip) const {
  auto builtin = [&](std::uint16_t i) {
    if (const Rule* r = Builtin(i)) fn(r);
  };
  std::span<const BuiltinTypeEntry> by_type;
  if (builtins_ != nullptr) {
    std::span<const BuiltinTypeEntry> all = kBuiltinRuleTables.by_type;
    auto lo = std::lower_bound(
        all.begin(), all.end(), std::string_view(type),
        [](const BuiltinTypeEntry& e, std::string_view t) { return TypeOrder(e.type, t); });
    auto hi = lo;  // a type's rules are few: walked, not searched
    while (hi != all.end() && hi->type == type) ++hi;
    by_type = {lo, hi};
  }
  static const std::vector<const Rule*> kNone;
  auto it = index_->by_type.find(type);
  const std::vector<const Rule*>* others = it == index_->by_type.end() ? &kNone : &it->second;
  if (lazy_.empty()) {
    MergeById(
        by_type, *others, [&](const BuiltinTypeEntry& e) { builtin(e.rule); }, fn);
  } else {
    std::vector<const Rule*> merged = *others;
    MergeLazy(
        merged, [&](const LazySet& l) { return l.src->OfType(type); }, skip);
    MergeById(
        by_type, merged, [&](const BuiltinTypeEntry& e) { builtin(e.rule); }, fn);
  }
  const Rule* last = nullptr;  // a rule with several matching patterns runs once
  static const std::vector<std::pair<WildcardPattern, std::uint16_t>> kNoPatterns;
  auto on_builtin_pattern = [&](const auto& p) {
    if (!p.first.Matches(type)) return;
    const Rule* r = Builtin(p.second);
    if (r != nullptr && r != last) {
      fn(r);
      last = r;
    }
  };
  const auto& builtin_patterns = builtins_ != nullptr ? builtins_->by_pattern : kNoPatterns;
  if (lazy_.empty()) {
    MergeById(builtin_patterns, index_->by_pattern, on_builtin_pattern, [&](const auto& p) {
      if (p.second != last && p.first.Matches(type)) {
        fn(p.second);
        last = p.second;
      }
    });
  } else {
    std::vector<const Rule*> matched;  // each rule once, by id
    for (const auto& [pattern, rule] : index_->by_pattern) {
      if ((matched.empty() || matched.back() != rule) && pattern.Matches(type)) {
        matched.push_back(rule);
      }
    }
    MergeLazy(
        matched,
        [&](const LazySet& l) {
          std::vector<std::uint32_t> rules;
          for (const auto& [pattern, rule] : l.patterns) {
            if ((rules.empty() || rules.back() != rule) && pattern.Matches(type)) {
              rules.push_back(rule);
            }
          }
          return rules;
        },
        skip);
    MergeById(builtin_patterns, matched, on_builtin_pattern, [&](const Rule* r) {
      if (r != last) {
        fn(r);
        last = r;
      }
    });
  }
  std::span<const std::uint16_t> builtin_any;
  if (builtins_ != nullptr) builtin_any = kBuiltinRuleTables.any_type;
  if (lazy_.empty()) {
    MergeById(builtin_any, index_->any_type, builtin, fn);
  } else {
    std::vector<const Rule*> any = index_->any_type;
    MergeLazy(
        any, [](const LazySet& l) { return l.src->AnyType(); }, skip);
    MergeById(builtin_any, any, builtin, fn);
  }
}

void RuleSet::EvaluateResource(const Resource& resource, std::vector<Hit>& out,
                               std::span<const Resource> deployment) const {
  // A policy cache's rules share one condition per distinct definition and parameter values
  // (a definition in many initiatives): it is evaluated once per resource.
  absl::flat_hash_map<const Condition*, ConditionResult> policy_results;
  auto run = [&](const Rule* rule) {
    // A rule written for both forms judges a folded child's settings once, on its parent.
    if (!resource.merged_into.empty() &&
        std::find(rule->resource_types.begin(), rule->resource_types.end(), resource.merged_into) !=
            rule->resource_types.end()) {
      return;
    }
    const Condition* condition = rule->GetCondition();
    if (condition == nullptr) return;
    ConditionResult r;
    if (!rule->policy) {
      r = condition->Evaluate(resource);
    } else if (auto it = policy_results.find(condition); it != policy_results.end()) {
      r = it->second;
    } else {
      r = condition->Evaluate(resource, deployment);
      policy_results.emplace(condition, r);
    }
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
  // A lazy rule whose shared condition is false here is passed over before it is made: its run
  // would add no hit. Not when the rule might not run (left out, or a folded child's).
  auto skip = [&](std::size_t s, std::uint32_t i) {
    const LazySet& set = *lazy_[s];
    if (!resource.merged_into.empty() || !set.Keeps(i) ||
        set.made[i].load(std::memory_order_acquire) != nullptr || LoadedBefore(s, i)) {
      return false;
    }
    const Condition* condition = set.src->SharedCondition(i);
    if (condition == nullptr) return false;
    auto [it, fresh] = policy_results.try_emplace(condition);
    if (fresh) it->second = condition->Evaluate(resource, deployment);
    return it->second.outcome == Tri::kFalse;
  };
  if (resource.type_lower.empty() && !resource.type.empty()) {
    ForEachApplicable(ToLower(resource.type), run, skip);
  } else {
    ForEachApplicable(resource.type_lower, run, skip);
  }
}

void RuleSet::ApplicableRules(const Resource& resource, std::vector<Applicable>& out) const {
  auto add = [&](const Rule* rule) {
    rule->Load();
    out.push_back(Applicable{rule, rule->id, rule->category, rule->impact});
  };
  // A lazy rule not made yet had no hit: what a score needs of it is read from its source
  // (a policy cache's rules: a few hundred for one resource type, most of them passing).
  auto unmade = [&](std::size_t s, std::uint32_t i) {
    const LazySet& set = *lazy_[s];
    if (!set.Keeps(i) || set.made[i].load(std::memory_order_acquire) != nullptr ||
        LoadedBefore(s, i)) {
      return false;
    }
    std::optional<LazyRules::Brief> brief = set.src->BriefOf(i);
    if (!brief) return false;
    out.push_back(Applicable{nullptr, set.src->Id(i), brief->category, brief->impact});
    return true;
  };
  if (resource.type_lower.empty() && !resource.type.empty()) {
    ForEachApplicable(ToLower(resource.type), add, unmade);
  } else {
    ForEachApplicable(resource.type_lower, add, unmade);
  }
}

const std::vector<const Rule*>& RuleSet::rules() const {
  absl::call_once(all_once_, [this] {
    std::span<const std::uint16_t> builtin;
    if (builtins_ != nullptr) builtin = kBuiltinRuleTables.by_id;
    std::vector<const Rule*> others;
    others.reserve(rules_.size());
    for (const auto& r : rules_) others.push_back(r.get());
    MergeLazy(
        others,
        [](const LazySet& l) {
          std::vector<std::uint32_t> every(l.src->size());
          for (std::uint32_t i = 0; i < every.size(); ++i) every[i] = i;
          return every;
        },
        kSkipNone);
    MergeById(
        builtin, others,
        [&](std::uint16_t i) {
          if (const Rule* r = Builtin(i)) all_.push_back(r);
        },
        [&](const Rule* r) { all_.push_back(r); });
    for (const Rule* r : all_) r->Load();
  });
  return all_;
}

std::vector<const Rule*> RuleSet::NativeRules() const {
  std::vector<const Rule*> out;
  std::span<const std::uint16_t> builtin;
  if (builtins_ != nullptr) builtin = kBuiltinRuleTables.native;
  MergeById(
      builtin, index_->native,
      [&](std::uint16_t i) {
        if (const Rule* r = Builtin(i)) out.push_back(r);
      },
      [&](const auto& p) { out.push_back(p.first); });
  return out;
}

void RuleSet::RunNativeChecks(const CheckContext& context, std::vector<Hit>& out) const {
  auto run = [&](const Rule& rule, NativeCheckFn fn) {
    if (fn == nullptr) return;
    std::size_t before = out.size();
    fn(context, rule, out);
    // A finding is made of the rule's metadata: the rule file is parsed once it has one.
    if (out.size() > before) rule.Load();
  };
  std::span<const std::uint16_t> builtin;
  if (builtins_ != nullptr) builtin = kBuiltinRuleTables.native;
  MergeById(
      builtin, index_->native,
      [&](const std::uint16_t& i) {
        if (const Rule* r = Builtin(i)) run(*r, builtins_->native[&i - builtin.data()]);
      },
      [&](const auto& p) { run(*p.first, p.second); });
}

const Rule* RuleSet::Find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const auto& r, std::string_view v) { return r->id < v; });
  const Rule* found = nullptr;
  if (it != rules_.end() && (*it)->id == id) {
    found = it->get();
  } else if (builtins_ != nullptr) {
    if (std::optional<std::size_t> i = FindBuiltinRule(id)) found = Builtin(*i);
  }
  for (std::size_t s = 0; found == nullptr && s < lazy_.size(); ++s) {
    if (std::optional<std::uint32_t> i = lazy_[s]->src->Find(id)) found = LazyRule(s, *i);
  }
  if (found != nullptr) found->Load();
  return found;
}

}  // namespace armlint::internal
