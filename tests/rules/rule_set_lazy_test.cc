// Tests for the built-in rules' lazy conditions (rules/rule_set.h, Rule::GetCondition): the
// embedded rules compile on first use to what loading their JSON eagerly gives.
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

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

}  // namespace
}  // namespace armlint::internal
