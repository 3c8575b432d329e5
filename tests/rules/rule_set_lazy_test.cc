// Tests for the built-in rules' lazy conditions (rules/rule_set.h, Rule::GetCondition): the
// embedded rules compile on first use to what loading their JSON eagerly gives; rules from a
// LazyRules source (rules/rule_set_lazy.h) are made on first need and merged by id.
#include "rules/rule_set_lazy.h"

#include <atomic>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

#include "rule_test_util.h"
#include "rules/builtin_rules.h"
#include "rules/condition.h"
#include "rules/rule_loader.h"
#include "rules/rule_set.h"

namespace armlint::internal {
namespace {

TEST(RuleSetLazy, BuiltinConditionsEqualTheJsonLoadedEagerly) {
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(RuleSetOptions{});
  ASSERT_TRUE(set.ok()) << set.status();
  std::size_t conditions = 0;
  for (std::size_t i = 0; i < kBuiltinRuleFileCount; ++i) {
    const EmbeddedFile& f = kBuiltinRuleFiles[i];
    absl::StatusOr<std::unique_ptr<Rule>> eager =
        ParseRuleText(std::string(f.path), std::string(f.text));
    ASSERT_TRUE(eager.ok()) << f.path << ": " << eager.status();
    const Rule* lazy = (*set)->Find((*eager)->id);
    ASSERT_NE(lazy, nullptr) << (*eager)->id;
    // The build-time index (id, resource types, check) and the metadata parsed on first use.
    EXPECT_EQ(lazy->resource_types, (*eager)->resource_types) << lazy->id;
    EXPECT_EQ(lazy->check, (*eager)->check) << lazy->id;
    EXPECT_EQ(lazy->source, (*eager)->source) << lazy->id;
    EXPECT_EQ(lazy->category, (*eager)->category) << lazy->id;
    EXPECT_EQ(lazy->impact, (*eager)->impact) << lazy->id;
    EXPECT_EQ(lazy->problem, (*eager)->problem) << lazy->id;
    EXPECT_EQ(lazy->solution, (*eager)->solution) << lazy->id;
    EXPECT_EQ(lazy->learn_more_link, (*eager)->learn_more_link) << lazy->id;
    EXPECT_EQ(lazy->effect, (*eager)->effect) << lazy->id;
    EXPECT_EQ(lazy->policy.has_value(), (*eager)->policy.has_value()) << lazy->id;
    ASSERT_EQ(lazy->azure_policies.size(), (*eager)->azure_policies.size()) << lazy->id;
    for (std::size_t i = 0; i < lazy->azure_policies.size(); ++i) {
      EXPECT_EQ(lazy->azure_policies[i].name, (*eager)->azure_policies[i].name) << lazy->id;
    }
    EXPECT_EQ(lazy->ConditionJson(), (*eager)->ConditionJson()) << lazy->id;
    if ((*eager)->check.empty()) {
      ++conditions;
      ASSERT_NE(lazy->lazy, nullptr) << lazy->id;            // compiled on first use,
      EXPECT_NE(lazy->GetCondition(), nullptr) << lazy->id;  // and it compiles
      EXPECT_EQ(lazy->GetCondition(), lazy->GetCondition());
    } else {
      EXPECT_EQ(lazy->GetCondition(), nullptr);
    }
  }
  EXPECT_GT(conditions, 100u);
}

TEST(RuleSetLazy, IndexEntriesMatchTheEmbeddedFiles) {
  for (std::size_t i = 0; i < kBuiltinRuleFileCount; ++i) {
    EXPECT_EQ(FileStem(kBuiltinRuleFiles[i].path), kBuiltinRuleIndex[i].id);
  }
}

TEST(RuleSetLazy, FirstUseFromSeveralThreadsCompilesOnce) {
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(RuleSetOptions{});
  ASSERT_TRUE(set.ok()) << set.status();
  const auto& rules = (*set)->rules();
  std::vector<std::vector<const Condition*>> seen(4);
  std::vector<std::thread> threads;
  for (auto& out : seen) {
    threads.emplace_back([&rules, &out] {
      for (const auto& r : rules) out.push_back(r->GetCondition());
    });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < rules.size(); ++i) {
    for (const auto& s : seen) EXPECT_EQ(s[i], seen[0][i]) << rules[i]->id;
  }
}

TEST(RuleSetLazy, UserRuleFilesAreCompiledAtLoad) {
  // Errors in a rule pack are reported before anything is linted: no lazy condition there.
  absl::StatusOr<std::unique_ptr<Rule>> bad =
      ParseRuleText("x/bad-regex.json",
                    R"({"id": "bad-regex", "category": "Security", "impact": "Low", "problem": "p",
          "solution": "s", "learnMoreLink": "https://example.com",
          "if": {"field": "name", "regex": "("}})");
  EXPECT_FALSE(bad.ok());
}

// A LazyRules source as a policy cache gives one: entries by id, each made (from its JSON) when
// asked for, counting how many were made.
class FakeLazy : public LazyRules {
 public:
  struct Entry {
    std::string id, type;  // type "": any; with '*': a pattern
    // Not empty: the rule is a policy's whose condition ("location" equals it) it shares with
    // the other entries of that location, and says so (SharedCondition), as a cache's do.
    std::string location;
  };
  explicit FakeLazy(std::vector<Entry> entries) : entries_(std::move(entries)) {
    for (const Entry& e : entries_) {
      if (e.location.empty() || shared_.count(e.location) != 0) continue;
      absl::StatusOr<std::unique_ptr<Rule>> r =
          ParseRuleText("lazy/shared.json", R"({"id": "shared", "category": "Security", )"
                                            R"("impact": "High", "problem": "p", "solution": "s", )"
                                            R"("learnMoreLink": "https://example.com", )"
                                            R"("if": {"field": "location", "equals": ")" +
                                                e.location + R"("}})");
      EXPECT_TRUE(r.ok()) << r.status();
      if (r.ok()) shared_[e.location] = std::move(*r);
    }
    for (std::uint32_t i = 0; i < entries_.size(); ++i) {
      const std::string& t = entries_[i].type;
      if (t.empty()) {
        any_.push_back(i);
      } else if (t.find('*') != std::string::npos) {
        patterns_.emplace_back(t, i);
      } else {
        types_[t].push_back(i);
      }
    }
  }
  std::uint32_t size() const override { return static_cast<std::uint32_t>(entries_.size()); }
  std::string_view Id(std::uint32_t i) const override { return entries_[i].id; }
  std::span<const std::uint32_t> OfType(std::string_view type) const override {
    auto it = types_.find(std::string(type));
    if (it == types_.end()) return {};
    return it->second;
  }
  std::span<const std::pair<std::string_view, std::uint32_t>> Patterns() const override {
    return patterns_;
  }
  std::span<const std::uint32_t> AnyType() const override { return any_; }
  const Condition* SharedCondition(std::uint32_t i) const override {
    auto it = shared_.find(entries_[i].location);
    return it == shared_.end() ? nullptr : it->second->GetCondition();
  }
  std::unique_ptr<Rule> Make(std::uint32_t i) const override {
    ++made;
    const Entry& e = entries_[i];
    if (auto it = shared_.find(e.location); it != shared_.end()) {
      auto r = std::make_unique<Rule>();
      r->id = e.id;
      if (!e.type.empty()) r->resource_types = {e.type};
      r->condition = it->second->condition;
      r->policy = PolicyRef{e.id, e.id, ""};
      return r;
    }
    std::string cond = e.type.empty() ? R"({"field": "location", "equals": "westeurope"})"
                                      : R"({"field": "name", "exists": true})";
    absl::StatusOr<std::unique_ptr<Rule>> r = ParseRuleText(
        "lazy/" + e.id + ".json",
        R"({"id": ")" + e.id + R"(", "category": "Security", "impact": "High", )" +
            (e.type.empty() ? "" : R"("resourceType": ")" + e.type + R"(", )") +
            R"("problem": "p", "solution": "s", "learnMoreLink": "https://example.com", "if": )" +
            cond + "}");
    EXPECT_TRUE(r.ok()) << r.status();
    return r.ok() ? std::move(*r) : std::make_unique<Rule>();
  }
  mutable std::atomic<int> made{0};

 private:
  std::vector<Entry> entries_;
  std::map<std::string, std::unique_ptr<Rule>> shared_;  // by location
  std::map<std::string, std::vector<std::uint32_t>> types_;
  std::vector<std::pair<std::string_view, std::uint32_t>> patterns_;
  std::vector<std::uint32_t> any_;
};

std::shared_ptr<FakeLazy> Fake() {
  return std::make_shared<FakeLazy>(std::vector<FakeLazy::Entry>{
      {"p-any", ""},
      {"p-storage", "microsoft.storage/storageaccounts"},
      {"p-web", "microsoft.web/sites"},
      {"p-wild", "microsoft.storage/*"},
      {"storage-secure-transfer", "microsoft.web/sites"},  // a built-in id: the built-in wins
  });
}

std::vector<std::string> Hits(const RuleSet& set, const std::string& json) {
  testing::TestResource t = testing::MakeResource(json);
  std::vector<Hit> hits;
  set.EvaluateResource(t.resource, hits);
  std::vector<std::string> out;
  for (const Hit& h : hits) {
    if (h.rule->id.starts_with("p-")) out.push_back(h.rule->id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

constexpr const char* kStorage =
    R"({"type": "Microsoft.Storage/storageAccounts", "name": "s", "location": "westeurope"})";

TEST(RuleSetLazy, LazySourceRulesAreMadeOnFirstNeedAndMergedById) {
  std::shared_ptr<FakeLazy> fake = Fake();
  RuleSetOptions options;
  options.lazy_rules = {fake};
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(options);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(fake->made.load(), 0);  // loading makes none
  EXPECT_TRUE((*set)->all_ids().contains("p-web"));
  EXPECT_FALSE((*set)->all_ids().contains("p-webs"));
  EXPECT_EQ(Hits(**set, kStorage), (std::vector<std::string>{"p-any", "p-storage", "p-wild"}));
  EXPECT_EQ(fake->made.load(), 3);  // those, and only those
  EXPECT_EQ(Hits(**set, kStorage).size(), 3u);
  EXPECT_EQ(fake->made.load(), 3);  // made once
  const Rule* web = (*set)->Find("p-web");
  ASSERT_NE(web, nullptr);
  EXPECT_EQ(web->id, "p-web");
  // The built-in rule of the same id wins over the source's.
  const Rule* builtin = (*set)->Find("storage-secure-transfer");
  ASSERT_NE(builtin, nullptr);
  EXPECT_TRUE(builtin->source.starts_with("rules/")) << builtin->source;
  const std::vector<const Rule*>& all = (*set)->rules();
  EXPECT_EQ(all.size(), kBuiltinRuleFileCount + 4);
  EXPECT_TRUE(std::is_sorted(all.begin(), all.end(),
                             [](const Rule* a, const Rule* b) { return a->id < b->id; }));
}

TEST(RuleSetLazy, OnlyAndDisableApplyToLazySourceRules) {
  RuleSetOptions options;
  options.lazy_rules = {Fake()};
  options.disable = {"p-storage"};
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(options);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(Hits(**set, kStorage), (std::vector<std::string>{"p-any", "p-wild"}));
  EXPECT_EQ((*set)->Find("p-storage"), nullptr);
  options.disable.clear();
  options.only = {"p-wild"};
  set = RuleSet::Load(options);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(Hits(**set, kStorage), (std::vector<std::string>{"p-wild"}));
  options.only = {"p-nope"};
  EXPECT_FALSE(RuleSet::Load(options).ok());
}

TEST(RuleSetLazy, ARuleWhoseSharedConditionIsFalseIsNotMade) {
  auto fake = std::make_shared<FakeLazy>(std::vector<FakeLazy::Entry>{
      {"p-a", "microsoft.storage/storageaccounts", "westeurope"},
      {"p-b", "microsoft.storage/storageaccounts", "eastus"},
      {"p-c", "", "eastus"},
      {"p-d", "", "westeurope"},
      {"p-e", "microsoft.storage/*", "eastus"},
  });
  RuleSetOptions options;
  options.lazy_rules = {fake};
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(options);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(Hits(**set, kStorage), (std::vector<std::string>{"p-a", "p-d"}));
  EXPECT_EQ(fake->made.load(), 2);  // the eastus rules were passed over, never made
  constexpr const char* kEast =
      R"({"type": "Microsoft.Storage/storageAccounts", "name": "s", "location": "eastus"})";
  EXPECT_EQ(Hits(**set, kEast), (std::vector<std::string>{"p-b", "p-c", "p-e"}));
  EXPECT_EQ(fake->made.load(), 5);
  // Made rules run as before: their verdicts are the same on the next resource.
  EXPECT_EQ(Hits(**set, kStorage), (std::vector<std::string>{"p-a", "p-d"}));
  EXPECT_EQ(fake->made.load(), 5);
  // Left out by --disable: neither evaluated for a hit nor made.
  options.disable = {"p-b"};
  fake->made = 0;
  set = RuleSet::Load(options);
  ASSERT_TRUE(set.ok()) << set.status();
  EXPECT_EQ(Hits(**set, kEast), (std::vector<std::string>{"p-c", "p-e"}));
  EXPECT_EQ(fake->made.load(), 2);
}

}  // namespace
}  // namespace armlint::internal
