// Tests the directory walk: the final order, and the found-as order the engine's work queue
// uses to put results back in that order.
#include "api/file_walk.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

// A tree of its own for each test: ctest runs the tests of this file in parallel.
fs::path MakeTree() {
  fs::path root =
      fs::path(::testing::TempDir()) /
      (std::string("file_walk_") + ::testing::UnitTest::GetInstance()->current_test_info()->name());
  fs::remove_all(root);
  for (const char* f : {"b/2.json", "b/1.jsonc", "a/z.json", "a/deep/x.json", "c.json",
                        "a/notes.txt", ".git/hidden.json", "node_modules/m.json"}) {
    fs::create_directories((root / f).parent_path());
    std::ofstream(root / f) << "{}";
  }
  return root;
}

TEST(FileWalk, SortsEachDirectoryAndMapsTheOrderFound) {
  const fs::path root = MakeTree();
  const std::string explicit_file = (root / "c.json").generic_string();
  std::vector<std::string> seen;
  WalkResult walk = CollectFiles({explicit_file, root.generic_string(), "missing.json"},
                                 [&](const std::string& f) { seen.push_back(f); });
  const std::string r = root.generic_string();
  EXPECT_EQ(walk.files,
            (std::vector<std::string>{explicit_file, r + "/a/deep/x.json", r + "/a/z.json",
                                      r + "/b/1.jsonc", r + "/b/2.json"}));
  // c.json, named and inside the named folder, is linted once, as named.
  EXPECT_EQ(walk.named, (std::vector<bool>{true, false, false, false, false}));
  ASSERT_EQ(walk.found_as.size(), walk.files.size());
  ASSERT_EQ(seen.size(), walk.files.size());
  for (std::size_t i = 0; i < walk.files.size(); ++i) {
    ASSERT_LT(walk.found_as[i], seen.size());
    EXPECT_EQ(seen[walk.found_as[i]], walk.files[i]);
  }
  ASSERT_EQ(walk.errors.size(), 1u);
  EXPECT_EQ(walk.errors[0].location.file, "missing.json");
}

TEST(FileWalk, WithoutACallbackGivesTheSameFiles) {
  const fs::path root = MakeTree();
  WalkResult with = CollectFiles({root.generic_string()}, [](const std::string&) {});
  WalkResult without = CollectFiles({root.generic_string()});
  EXPECT_EQ(with.files, without.files);
  EXPECT_EQ(without.files.size(), 5u);
}

TEST(FileWalk, AFileNamedTwiceIsKeptOnce) {
  const fs::path root = MakeTree();
  const std::string a = (root / "c.json").generic_string();
  const std::string b = (root / "a" / ".." / "c.json").generic_string();
  WalkResult walk = CollectFiles({a, b, a, "-", "-"});
  EXPECT_EQ(walk.files, (std::vector<std::string>{a, "-"}));
  EXPECT_EQ(walk.found_as, (std::vector<std::size_t>{0, 1}));
}

TEST(FileWalk, FoldersCountTheBicepFilesTheySkip) {
  const fs::path root = MakeTree();
  std::ofstream(root / "main.bicep") << "param x string";
  std::ofstream(root / "b" / "main.bicepparam") << "using 'main.bicep'";
  WalkResult walk = CollectFiles({root.generic_string()});
  EXPECT_EQ(walk.files.size(), 5u);
  EXPECT_EQ(walk.bicep_files_skipped, 2);
}

TEST(FileWalk, FollowsLinksToFilesNotToFolders) {
  const fs::path root = MakeTree();
  fs::create_directory_symlink(root / "a", root / "b" / "loop");
  fs::create_symlink(root / "c.json", root / "b" / "link.json");
  fs::create_symlink(root / "gone.json", root / "b" / "dangling.json");
  WalkResult walk = CollectFiles({root.generic_string()});
  const std::string r = root.generic_string();
  EXPECT_EQ(walk.files,
            (std::vector<std::string>{r + "/a/deep/x.json", r + "/a/z.json", r + "/b/1.jsonc",
                                      r + "/b/2.json", r + "/b/link.json", r + "/c.json"}));
}

TEST(FileWalk, NamesFilesAsTheFolderWasGivenWithSeparatorsMadeOne) {
  const fs::path root = MakeTree();
  const std::string r = root.generic_string();
  WalkResult walk = CollectFiles({r + "//b/"});
  EXPECT_EQ(walk.files, (std::vector<std::string>{r + "/b/1.jsonc", r + "/b/2.json"}));
}

}  // namespace
}  // namespace armlint::internal
