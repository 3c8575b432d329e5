// Tests default and configured workloads, and shards.
#include "findings/workloads.h"

#include <filesystem>
#include <fstream>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Workload, TopLevelFolderUnderTheLintedDirectory) {
  EXPECT_EQ(DefaultWorkload("repos", "repos/web/infra/main.json"), "web");
  EXPECT_EQ(DefaultWorkload("repos/", "repos/web/main.json"), "web");
  EXPECT_EQ(DefaultWorkload("./repos", "./repos/data/x/y/z.json"), "data");
  // A file directly in the linted folder belongs to the folder's own workload.
  EXPECT_EQ(DefaultWorkload("repos", "repos/main.json"), "repos");
  // A file given directly: its folder.
  EXPECT_EQ(DefaultWorkload("infra/web/main.json", "infra/web/main.json"), "web");
  EXPECT_EQ(DefaultWorkload("-", "<stdin>"), "stdin");
  // Paths read as paths, not text: a doubled separator; a sibling folder sharing the prefix
  // and a file reached through ".." are outside the linted folder (their own folder's name).
  EXPECT_EQ(DefaultWorkload("repos", "repos//web/main.json"), "web");
  EXPECT_EQ(DefaultWorkload("repos/", "repos//web/main.json"), "web");
  EXPECT_EQ(DefaultWorkload("repos", "repos-old/web/main.json"), "web");
  EXPECT_EQ(DefaultWorkload("repos", "repos/../data/main.json"), "data");
}

TEST(Workload, ConfigGlobsNameWorkloadsFirstMatchWins) {
  const std::string dir = ::testing::TempDir() + "/wl_config";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir + "/.armlint.json");
    out << R"({"workloads": {"apps/web/**": "frontend", "apps/**": "apps", "*.json": "root"}})";
  }
  absl::StatusOr<std::shared_ptr<const Config>> c = LoadConfig(dir + "/.armlint.json");
  ASSERT_TRUE(c.ok()) << c.status();
  EXPECT_EQ(ConfigWorkload(c->get(), dir + "/apps/web/main.json"), "frontend");
  EXPECT_EQ(ConfigWorkload(c->get(), dir + "/apps/api/x/main.json"), "apps");
  EXPECT_EQ(ConfigWorkload(c->get(), dir + "/top.json"), "root");
  EXPECT_EQ(ConfigWorkload(c->get(), dir + "/other/top.json"), "");
  EXPECT_EQ(ConfigWorkload(nullptr, dir + "/top.json"), "");
}

TEST(Workload, ConfigRejectsBadWorkloads) {
  const std::string path = ::testing::TempDir() + "/wl_bad.armlint.json";
  {
    std::ofstream out(path);
    out << "{\n  \"workloads\": {\"a/**\": 3}\n}";
  }
  absl::StatusOr<std::shared_ptr<const Config>> c = LoadConfig(path);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("workload name"), std::string::npos) << c.status();
}

TEST(Shard, DeterministicAndInRange) {
  std::vector<int> seen(4, 0);
  for (int i = 0; i < 200; ++i) {
    const std::string path = "repo/w" + std::to_string(i % 7) + "/f" + std::to_string(i) + ".json";
    const int k = ShardOf(path, 4);
    ASSERT_GE(k, 1);
    ASSERT_LE(k, 4);
    EXPECT_EQ(k, ShardOf(path, 4));
    EXPECT_EQ(k, ShardOf("./" + path, 4)) << "paths are normalised";
    ++seen[k - 1];
  }
  for (int n : seen) EXPECT_GT(n, 20) << "every shard gets a fair share";
  EXPECT_EQ(ShardOf("anything.json", 1), 1);
}

}  // namespace
}  // namespace armlint::internal
