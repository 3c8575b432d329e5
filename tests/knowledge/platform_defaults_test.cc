// Tests for knowledge/platform_defaults.h: the documented defaults of properties a template may
// leave out, checked against the resource types' schemas (../shared/azure-types) when present.
#include "knowledge/platform_defaults.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "gtest/gtest.h"

#include "util/strings.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

TEST(PlatformDefaults, FindsRowsIgnoringCase) {
  const PlatformDefault* d =
      FindPlatformDefault("microsoft.keyvault/VAULTS", "Properties.EnableSoftDelete");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->value, "true");
  EXPECT_EQ(FindPlatformDefault("Microsoft.KeyVault/vaults", "properties.enablePurgeProtection"),
            nullptr);
  EXPECT_EQ(FindPlatformDefault("Microsoft.Storage/storageAccounts", "properties"), nullptr);
}

TEST(PlatformDefaults, AppliesFromItsApiVersion) {
  const PlatformDefault* d = FindPlatformDefault("Microsoft.Storage/storageAccounts",
                                                 "properties.supportsHttpsTrafficOnly");
  ASSERT_NE(d, nullptr);
  EXPECT_TRUE(d->AppliesTo("2019-04-01"));
  EXPECT_TRUE(d->AppliesTo("2023-01-01-preview"));
  EXPECT_FALSE(d->AppliesTo("2018-11-01"));
  EXPECT_FALSE(d->AppliesTo(""));
  const PlatformDefault* any = FindPlatformDefault("Microsoft.Storage/storageAccounts",
                                                   "properties.networkAcls.defaultAction");
  ASSERT_NE(any, nullptr);
  EXPECT_TRUE(any->AppliesTo("2016-01-01"));
  EXPECT_TRUE(any->AppliesTo(""));
}

TEST(PlatformDefaults, EveryRowIsSourcedAndWellFormed) {
  std::set<std::string> seen;
  for (const PlatformDefault& d : PlatformDefaults()) {
    EXPECT_FALSE(d.source.empty()) << d.path;
    EXPECT_FALSE(d.meaning.empty()) << d.path;
    EXPECT_TRUE(seen.insert(ToLower(d.type) + "|" + ToLower(d.path)).second) << d.path;
    EXPECT_TRUE(d.since.empty() || d.since.size() == 10) << d.since;
    EXPECT_TRUE(d.value.empty() || d.value == "true" || d.value == "false" ||
                (d.value.size() >= 2 && d.value.front() == '"' && d.value.back() == '"'))
        << d.value;
  }
}

// Each row names a property that the type's schema has and that a template can set (not
// ReadOnly, nor below a ReadOnly property), in the type's newest versions.
TEST(PlatformDefaults, RowsAreWritablePropertiesOfTheirTypes) {
  fs::path tsv = fs::path(ARMLINT_SOURCE_DIR) / ".." / "shared" / "azure-types" / "properties.tsv";
  if (!fs::exists(tsv)) {
    tsv = fs::path(ARMLINT_SOURCE_DIR) / ".." / ".." / "shared" / "azure-types" / "properties.tsv";
  }
  if (!fs::exists(tsv)) GTEST_SKIP() << "no azure-types/properties.tsv at " << tsv;
  std::map<std::string, std::string> flags;  // "type|path" (lower case) -> every row's flags
  std::set<std::string> wanted_types;
  for (const PlatformDefault& d : PlatformDefaults()) wanted_types.insert(ToLower(d.type));
  std::ifstream in(tsv);
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream row(line);
    std::string type, version, path, flag;
    std::getline(row, type, '\t');
    std::getline(row, version, '\t');
    std::getline(row, path, '\t');
    std::getline(row, flag, '\t');
    if (wanted_types.count(ToLower(type)) == 0) continue;
    flags[ToLower(type) + "|" + ToLower(path)] += flag + ",";
  }
  for (const PlatformDefault& d : PlatformDefaults()) {
    std::string key = ToLower(d.type) + "|" + ToLower(d.path);
    ASSERT_TRUE(flags.count(key)) << d.type << " has no property " << d.path;
    // Flags are the property's own: check the property and its ancestors.
    for (std::string p = ToLower(d.path);;) {
      auto it = flags.find(ToLower(d.type) + "|" + p);
      if (it != flags.end()) {
        EXPECT_EQ(it->second.find("ReadOnly"), std::string::npos) << d.type << " " << p;
      }
      std::size_t dot = p.rfind('.');
      if (dot == std::string::npos) break;
      p.resize(dot);
    }
  }
}

}  // namespace
}  // namespace armlint::internal
