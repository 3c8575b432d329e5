// Tests for knowledge/aliases.h: the built-in table, parsed a type at a time on first lookup,
// answers exactly as the whole generated table parsed at once.
#include "knowledge/aliases.h"

#include <string>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

void ExpectSameTargets(const std::vector<AliasTarget>& a, const std::vector<AliasTarget>& b,
                       const std::string& name) {
  ASSERT_EQ(a.size(), b.size()) << name;
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].type_lower, b[i].type_lower) << name;
    EXPECT_EQ(a[i].default_path, b[i].default_path) << name;
    EXPECT_EQ(a[i].read_only, b[i].read_only) << name;
    ASSERT_EQ(a[i].versioned.size(), b[i].versioned.size()) << name;
    for (std::size_t j = 0; j < a[i].versioned.size(); ++j) {
      EXPECT_EQ(a[i].versioned[j].path, b[i].versioned[j].path) << name;
      EXPECT_EQ(a[i].versioned[j].api_versions, b[i].versioned[j].api_versions) << name;
    }
  }
}

TEST(Aliases, LazyBuiltinEqualsTheWholeTableParsed) {
  std::unique_ptr<AliasTable> all = AliasTable::ParseAllBuiltin();
  const AliasTable& lazy = AliasTable::Builtin();
  std::vector<std::string> names = all->Names();
  ASSERT_GT(names.size(), 70000u);
  for (const std::string& name : names) {
    const std::vector<AliasTarget>* want = all->Find(name);
    const std::vector<AliasTarget>* got = lazy.Find(name);
    ASSERT_NE(got, nullptr) << name;
    ExpectSameTargets(*got, *want, name);
  }
  std::vector<std::string> types = all->Types();
  ASSERT_EQ(types.size(), kAliasTypeBlockCount);
  for (const std::string& type : types) {
    const AliasTypeInfo* want = all->FindType(type);
    const AliasTypeInfo* got = lazy.FindType(type);
    ASSERT_NE(got, nullptr) << type;
    EXPECT_EQ(got->name, want->name);
    EXPECT_EQ(got->capabilities, want->capabilities);
  }
  EXPECT_EQ(lazy.Find("Microsoft.Storage/storageAccounts/noSuchAlias"), nullptr);
  EXPECT_EQ(lazy.Find("Microsoft.NoSuch/things/x"), nullptr);
  EXPECT_EQ(lazy.FindType("Microsoft.NoSuch/things"), nullptr);
  // Suggestions come from the type's own aliases, as before.
  EXPECT_EQ(lazy.Suggest("Microsoft.Storage/storageAccounts/minimumTlsVersio"),
            all->Suggest("Microsoft.Storage/storageAccounts/minimumTlsVersio"));
  EXPECT_FALSE(lazy.Suggest("Microsoft.Storage/storageAccounts/minimumTlsVersio").empty());
}

TEST(Aliases, AnAliasNamedAfterAnotherTypeHasEveryDefiningType) {
  const std::vector<AliasTarget>* image = AliasTable::Builtin().Find("Microsoft.Compute/imageId");
  ASSERT_NE(image, nullptr);
  EXPECT_GE(image->size(), 3u);  // disks, virtual machines, scale sets
}

TEST(Aliases, LookupsFromSeveralThreadsAgree) {
  // Types not looked up by the tests above in this order: the threads race to parse them.
  std::vector<std::string> names = {"Microsoft.Web/sites/httpsOnly",
                                    "Microsoft.KeyVault/vaults/enablePurgeProtection",
                                    "Microsoft.Sql/servers/minimalTlsVersion",
                                    "Microsoft.Network/networkSecurityGroups/"
                                    "securityRules[*].access"};
  std::vector<const std::vector<AliasTarget>*> seen[4];
  std::vector<std::thread> threads;
  for (auto& out : seen) {
    threads.emplace_back([&names, &out] {
      for (const std::string& n : names) out.push_back(AliasTable::Builtin().Find(n));
    });
  }
  for (std::thread& t : threads) t.join();
  for (std::size_t i = 0; i < names.size(); ++i) {
    EXPECT_NE(seen[0][i], nullptr) << names[i];
    for (auto& s : seen) EXPECT_EQ(s[i], seen[0][i]) << names[i];
  }
}

TEST(Aliases, IndexedModeTypesFoundByBinarySearch) {
  // Every line of the generated list, as the list says.
  std::string_view data = kIndexedTypeData;
  std::size_t n = 0;
  while (!data.empty()) {
    std::size_t nl = data.find('\n');
    std::string_view line = data.substr(0, nl);
    data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
    if (line.size() < 2) continue;
    ++n;
    ASSERT_EQ(IndexedModeEvaluates(line.substr(1), nullptr), line[0] == '+') << line;
  }
  EXPECT_GT(n, 3000u);
  EXPECT_TRUE(IndexedModeEvaluates("Microsoft.Storage/storageAccounts", nullptr));
  EXPECT_FALSE(IndexedModeEvaluates("Microsoft.Storage/storageAccounts/blobServices", nullptr));
  EXPECT_TRUE(IndexedModeEvaluates("Microsoft.NoSuch/things", nullptr));  // unknown: evaluated
  EXPECT_TRUE(IndexedModeEvaluates("", nullptr));
}

}  // namespace
}  // namespace armlint::internal
