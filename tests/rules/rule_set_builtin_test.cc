// Tests for the built-in rules of rules/rule_set.h made on first need: the build-time tables
// (rules/builtin_rules.h) give what indexing the rule files eagerly gives, in the same order,
// merged by id with rule packs; rule objects are made only when needed, once, from any thread.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

#include "rule_test_util.h"
#include "rules/builtin_rules.h"
#include "rules/native_checks.h"
#include "rules/rule_set.h"
#include "support/rule_pack.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

const std::string kRulesDir = std::string(ARMLINT_SOURCE_DIR) + "/rules";

std::unique_ptr<const RuleSet> Load(const RuleSetOptions& options) {
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::Load(options);
  EXPECT_TRUE(set.ok()) << set.status();
  return set.ok() ? std::move(*set) : nullptr;
}

std::unique_ptr<const RuleSet> LoadDir(const std::string& dir) {
  absl::StatusOr<std::unique_ptr<const RuleSet>> set = RuleSet::LoadDir(dir);
  EXPECT_TRUE(set.ok()) << set.status();
  return set.ok() ? std::move(*set) : nullptr;
}

// The ids of ApplicableRules for a resource of `type`, in order.
std::vector<std::string> Applicable(const RuleSet& set, const std::string& type) {
  testing::TestResource t = testing::MakeResource(R"({"type": ")" + type + R"(", "name": "n"})");
  std::vector<RuleSet::Applicable> rules;
  set.ApplicableRules(t.resource, rules);
  std::vector<std::string> ids;
  for (const RuleSet::Applicable& r : rules) {
    EXPECT_NE(r.rule, nullptr);  // built-in rules are always made
    ids.emplace_back(r.id);
  }
  return ids;
}

std::vector<std::string> Ids(const std::vector<const Rule*>& rules) {
  std::vector<std::string> ids;
  for (const Rule* r : rules) ids.push_back(r->id);
  return ids;
}

// Every resource type the built-in rules name, as written and lower-cased, plus types only their
// wildcards match, the resource group type as templates write it, and a type nothing names.
std::vector<std::string> TypesToTry() {
  std::set<std::string> types = {"Microsoft.ClassicCompute/virtualMachines",
                                 "microsoft.classicstorage/storageaccounts",
                                 "Microsoft.Resources/resourceGroups", "Microsoft.Nothing/here"};
  for (std::size_t i = 0; i < kBuiltinRuleFileCount; ++i) {
    for (std::string_view t = kBuiltinRuleIndex[i].resource_types; !t.empty();) {
      std::size_t nl = t.find('\n');
      types.insert(std::string(t.substr(0, nl)));
      t.remove_prefix(nl == std::string_view::npos ? t.size() : nl + 1);
    }
  }
  for (const BuiltinTypeEntry& e : kBuiltinRuleTables.by_type) types.insert(std::string(e.type));
  return {types.begin(), types.end()};
}

using ::armlint::testing::MakePack;

std::string RuleJson(const std::string& id, const std::string& type_json) {
  return R"({"id": ")" + id + R"(", "category": "Cost", "impact": "Low",)" +
         (type_json.empty() ? "" : R"("resourceType": )" + type_json + ",") +
         R"("problem": "p", "solution": "s", "learnMoreLink": "https://learn.microsoft.com/",
            "if": {"field": "name", "exists": true}})";
}

TEST(RuleSetLazy, TablesAreSortedAsTheirLookupsNeed) {
  const BuiltinRuleTables& t = kBuiltinRuleTables;
  ASSERT_EQ(t.by_id.size(), kBuiltinRuleFileCount);
  auto id = [](std::uint16_t i) { return kBuiltinRuleIndex[i].id; };
  for (std::size_t i = 1; i < t.by_id.size(); ++i) EXPECT_LT(id(t.by_id[i - 1]), id(t.by_id[i]));
  for (std::size_t i = 1; i < t.by_type.size(); ++i) {
    const BuiltinTypeEntry &a = t.by_type[i - 1], &b = t.by_type[i];
    EXPECT_TRUE(TypeOrder(a.type, b.type) || (a.type == b.type && id(a.rule) <= id(b.rule)))
        << a.type << " " << id(a.rule) << " / " << b.type << " " << id(b.rule);
  }
  for (std::size_t i = 1; i < t.by_pattern.size(); ++i) {
    EXPECT_LE(id(t.by_pattern[i - 1].rule), id(t.by_pattern[i].rule));
  }
  for (auto list : {t.any_type, t.native}) {
    for (std::size_t i = 1; i < list.size(); ++i) EXPECT_LT(id(list[i - 1]), id(list[i]));
  }
  for (std::size_t i = 0; i < kBuiltinRuleFileCount; ++i) {
    EXPECT_EQ(FindBuiltinRule(kBuiltinRuleIndex[i].id), i);
  }
  EXPECT_EQ(FindBuiltinRule("no-such-rule"), std::nullopt);
  EXPECT_EQ(t.native.size(), NativeChecks().size());  // one rule per native check
}

TEST(RuleSetLazy, EmbeddedRulesApplyAsTheJsonIndexedEagerly) {
  // The rule files loaded as a pack are indexed at load, from their JSON: the reference.
  std::unique_ptr<const RuleSet> eager = LoadDir(kRulesDir);
  std::unique_ptr<const RuleSet> lazy = Load(RuleSetOptions{});
  ASSERT_TRUE(eager && lazy);
  EXPECT_EQ(lazy->builtin_rules_made(), 0u);  // nothing made at load
  std::size_t applied = 0;
  for (const std::string& type : TypesToTry()) {
    std::vector<std::string> want = Applicable(*eager, type);
    EXPECT_EQ(Applicable(*lazy, type), want) << type;
    applied += want.size();
  }
  EXPECT_GT(applied, 400u);
  EXPECT_EQ(Ids(lazy->NativeRules()), Ids(eager->NativeRules()));
  EXPECT_EQ(Ids(lazy->rules()), Ids(eager->rules()));
  for (const Rule* r : eager->rules()) {
    const Rule* l = lazy->Find(r->id);
    ASSERT_NE(l, nullptr) << r->id;
    EXPECT_EQ(l->category, r->category) << r->id;
    EXPECT_EQ(l->impact, r->impact) << r->id;
    EXPECT_EQ(l->resource_types, r->resource_types) << r->id;
  }
  EXPECT_EQ(lazy->all_ids().Sorted(), eager->all_ids().Sorted());
}

TEST(RuleSetLazy, BuiltinRulesAreMadeOnFirstNeedOnly) {
  std::unique_ptr<const RuleSet> set = Load(RuleSetOptions{});
  ASSERT_TRUE(set);
  EXPECT_TRUE(set->all_ids().contains("storage-secure-transfer"));
  EXPECT_FALSE(set->all_ids().contains("storage-secure-transfr"));
  EXPECT_EQ(set->builtin_rules_made(), 0u);
  std::vector<std::string> storage = Applicable(*set, "Microsoft.Storage/storageAccounts");
  ASSERT_FALSE(storage.empty());
  EXPECT_EQ(set->builtin_rules_made(), storage.size());  // those rules, and only those
  const Rule* r = set->Find(storage[0]);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(set->builtin_rules_made(), storage.size());  // the same object again
  EXPECT_FALSE(r->problem.empty());                      // loaded when handed out
  std::vector<const Rule*> native = set->NativeRules();
  EXPECT_EQ(set->builtin_rules_made(), storage.size() + native.size());
  for (const Rule* n : native) {
    // A native rule is assessed by its index entry alone: no rule file parsed for it yet.
    EXPECT_TRUE(n->problem.empty()) << n->id;
    EXPECT_EQ(n->check, n->id);
  }
  EXPECT_EQ(set->rules().size(), kBuiltinRuleFileCount);
  EXPECT_EQ(set->builtin_rules_made(), kBuiltinRuleFileCount);
  for (const Rule* n : native) EXPECT_FALSE(n->problem.empty()) << n->id;  // rules() loads
}

TEST(RuleSetLazy, ThreadsRacingOnFirstUseShareOneRuleEach) {
  std::unique_ptr<const RuleSet> set = Load(RuleSetOptions{});
  ASSERT_TRUE(set);
  const std::vector<std::string_view> ids = set->all_ids().Sorted();
  const std::vector<std::string> types = TypesToTry();
  constexpr int kThreads = 6;
  std::vector<std::map<std::string, const Rule*>> seen(kThreads);
  std::vector<std::thread> threads;
  for (int k = 0; k < kThreads; ++k) {
    threads.emplace_back([&, k] {
      // Each thread comes at the rules another way, from another place in the lists.
      auto record = [&](const Rule* r) { seen[k].emplace(r->id, r); };
      for (std::size_t n = 0; n < types.size(); ++n) {
        testing::TestResource t = testing::MakeResource(
            R"({"type": ")" + types[(n * 7 + k * 31) % types.size()] + R"(", "name": "n"})");
        std::vector<RuleSet::Applicable> rules;
        set->ApplicableRules(t.resource, rules);
        for (const RuleSet::Applicable& r : rules) record(r.rule);
      }
      for (const Rule* r : set->NativeRules()) record(r);
      for (std::size_t n = 0; n < ids.size(); ++n) {
        std::size_t i = k % 2 == 0 ? (n + k * 53) % ids.size() : ids.size() - 1 - n;
        if (const Rule* r = set->Find(ids[i])) record(r);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(set->builtin_rules_made(), kBuiltinRuleFileCount);
  std::map<std::string, const Rule*> all;
  for (const Rule* r : set->rules()) all.emplace(r->id, r);
  ASSERT_EQ(all.size(), kBuiltinRuleFileCount);
  for (const auto& s : seen) EXPECT_EQ(s, all);
}

TEST(RuleSetLazy, PackRulesMergeWithBuiltinRulesById) {
  // A pack's rules sort among the built-in ones: for each phase of EvaluateResource (exact types,
  // wildcards, any type) the order is the one indexing all the files eagerly gives.
  std::vector<std::pair<std::string, std::string>> files = {
      {"p/aaa-storage-first.json",
       RuleJson("aaa-storage-first", R"("Microsoft.Storage/storageAccounts")")},
      {"p/storage-mine.json",
       RuleJson("storage-mine", R"(["microsoft.storage/STORAGEACCOUNTS", "Microsoft.Web/sites"])")},
      {"p/classic-mine.json", RuleJson("classic-mine", R"("Microsoft.ClassicCompute/*")")},
      {"p/zzz-storage-wild.json", RuleJson("zzz-storage-wild", R"("Microsoft.Storage/*")")},
      {"p/any-mine.json", RuleJson("any-mine", "")}};
  fs::path pack = MakePack("armlint_merge_pack", files);
  std::vector<std::pair<std::string, std::string>> all = files;
  for (const auto& entry : fs::recursive_directory_iterator(kRulesDir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    all.emplace_back("builtin/" + entry.path().filename().string(),
                     std::string(std::istreambuf_iterator<char>(in), {}));
  }
  std::unique_ptr<const RuleSet> eager = LoadDir(MakePack("armlint_merge_all", all).string());
  RuleSetOptions options;
  options.rule_dirs = {pack.string()};
  std::unique_ptr<const RuleSet> lazy = Load(options);
  ASSERT_TRUE(eager && lazy);
  for (const char* type :
       {"Microsoft.Storage/storageAccounts", "Microsoft.Storage/storageAccounts/blobServices",
        "Microsoft.Web/sites", "Microsoft.ClassicCompute/virtualMachines", "Microsoft.Nothing/x"}) {
    std::vector<std::string> want = Applicable(*eager, type);
    EXPECT_EQ(Applicable(*lazy, type), want) << type;
    EXPECT_NE(std::find(want.begin(), want.end(), "any-mine"), want.end()) << type;
  }
  EXPECT_EQ(Ids(lazy->rules()), Ids(eager->rules()));
  EXPECT_EQ(lazy->rules().size(), kBuiltinRuleFileCount + files.size());
  EXPECT_EQ(lazy->all_ids().Sorted(), eager->all_ids().Sorted());
  EXPECT_TRUE(lazy->all_ids().contains("storage-mine"));

  // --only / --disable apply to both kinds.
  options.only = {"storage-mine", "storage-secure-transfer", "storage-min-tls", "any-mine"};
  options.disable = {"storage-min-tls", "any-mine"};
  std::unique_ptr<const RuleSet> only = Load(options);
  ASSERT_TRUE(only);
  EXPECT_EQ(Applicable(*only, "Microsoft.Storage/storageAccounts"),
            (std::vector<std::string>{"storage-mine", "storage-secure-transfer"}));
  EXPECT_EQ(only->Find("storage-min-tls"), nullptr);
  EXPECT_EQ(only->Find("any-mine"), nullptr);
  EXPECT_EQ(only->Find("storage-blob-public-access"), nullptr);
  EXPECT_TRUE(only->NativeRules().empty());
  EXPECT_EQ(Ids(only->rules()),
            (std::vector<std::string>{"storage-mine", "storage-secure-transfer"}));
  EXPECT_TRUE(only->all_ids().contains("storage-min-tls"));  // still a known id
  options.only = {"storage-secure-transfr"};
  EXPECT_FALSE(RuleSet::Load(options).ok());
}

TEST(RuleSetLazy, WithoutBuiltinRulesBuiltinIdsAreKnownButNothingRuns) {
  fs::path pack = MakePack("armlint_nodefault_pack",
                           {{"x/storage-mine.json",
                             RuleJson("storage-mine", R"("Microsoft.Storage/storageAccounts")")}});
  RuleSetOptions options;
  options.builtin_rules = false;
  options.rule_dirs = {pack.string()};
  std::unique_ptr<const RuleSet> set = Load(options);
  ASSERT_TRUE(set);
  EXPECT_EQ(Applicable(*set, "Microsoft.Storage/storageAccounts"),
            (std::vector<std::string>{"storage-mine"}));
  EXPECT_EQ(set->Find("storage-secure-transfer"), nullptr);
  EXPECT_TRUE(set->NativeRules().empty());
  EXPECT_EQ(set->rules().size(), 1u);
  EXPECT_TRUE(set->all_ids().contains("storage-secure-transfer"));
  EXPECT_EQ(set->all_ids().size(), kBuiltinRuleFileCount + 1);
  options.only = {"storage-secure-transfer"};  // not loaded: not a rule to run
  EXPECT_FALSE(RuleSet::Load(options).ok());
}

}  // namespace
}  // namespace armlint::internal
