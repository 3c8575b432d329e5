// Rules made on first need: a rule's metadata and condition on first use (Rule::Load,
// GetCondition, ConditionJson), copies for other rule sets, LazyRules lookups.
#include "rules/rule_set_lazy.h"

#include "absl/base/call_once.h"

#include "rules/condition.h"
#include "rules/rule_loader.h"
#include "rules/rule_set.h"

namespace armlint::internal {

std::optional<std::uint32_t> LazyRules::Find(std::string_view id) const {
  std::uint32_t lo = 0, hi = size();
  while (lo < hi) {
    std::uint32_t mid = lo + (hi - lo) / 2;
    if (Id(mid) < id) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < size() && Id(lo) == id) return lo;
  return std::nullopt;
}

void Rule::Load() const {
  if (lazy != nullptr && lazy->load) {
    absl::call_once(lazy->load_once, [this] { lazy->load(const_cast<Rule&>(*this)); });
    return;
  }
  if (lazy == nullptr || lazy->text.empty()) return;
  absl::call_once(lazy->load_once, [this] {
    absl::StatusOr<std::unique_ptr<Document>> doc =
        Document::Parse(std::string(lazy->path), std::string(lazy->text));
    if (!doc.ok()) return;
    absl::StatusOr<std::unique_ptr<Rule>> parsed =
        ParseRule(std::shared_ptr<const Document>(std::move(*doc)), /*lazy_condition=*/true);
    if (!parsed.ok()) return;
    // The metadata the index did not give (id, resource types, check, source, category and
    // impact did: those are read without loading, and so never written here). The
    // rule object is never const itself: RuleSet owns it.
    Rule& self = const_cast<Rule&>(*this);
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
  absl::call_once(lazy->compile_once, [l = lazy.get()] {
    absl::StatusOr<std::unique_ptr<Condition>> c = Condition::Compile(l->doc, *l->cond);
    if (c.ok()) l->condition = std::move(*c);
  });
  return lazy->condition.get();
}

const std::string& Rule::ConditionJson() const {
  Load();
  if (lazy != nullptr && lazy->json_of) {
    absl::call_once(lazy->json_once, [l = lazy.get()] { l->json = l->json_of(); });
    return lazy->json;
  }
  if (lazy == nullptr || lazy->cond == nullptr) return condition_json;
  absl::call_once(lazy->json_once, [l = lazy.get()] { l->json = CompactJson(*l->cond); });
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
