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

// Each folder's facts are recorded before any file in it is reported (the config and
// parameter-file look-ups of that file may run at once), under the folder's path as walked
// (the parameter-file search's key) and as the config discovery makes it absolute.
TEST(FileWalk, RecordsEachFolderBeforeReportingItsFiles) {
  const fs::path root = MakeTree();
  std::ofstream(root / "b" / "2.parameters.json") << "{}";
  std::ofstream(root / "a" / ".armlint.json") << "{}";
  const fs::path was = fs::current_path();
  fs::current_path(root);
  FolderFacts facts;
  std::vector<std::string> unrecorded;
  std::vector<std::string> absolute_folders;
  WalkResult walk = CollectFiles(
      {"./"},
      [&](const std::string& f) {
        if (!facts.Find(f.substr(0, f.rfind('/')))) unrecorded.push_back(f);
        absolute_folders.push_back(fs::absolute(fs::path(f)).parent_path().string());
      },
      &facts);
  fs::current_path(was);
  EXPECT_EQ(walk.files.size(), 7u);  // the five, the parameter file and a/.armlint.json
  EXPECT_TRUE(unrecorded.empty()) << unrecorded.front();
  for (const std::string& folder : absolute_folders) {
    EXPECT_TRUE(facts.Find(folder).has_value()) << folder;
  }
  ASSERT_TRUE(facts.Find(".").has_value());
  EXPECT_FALSE(facts.Find(".")->param_json);
  EXPECT_FALSE(facts.Find(".")->config);
  EXPECT_TRUE(facts.Find(".")->git);  // the hidden folder is not walked, but it is listed
  EXPECT_FALSE(facts.Find("./.git").has_value());
  ASSERT_TRUE(facts.Find("./b").has_value());
  EXPECT_TRUE(facts.Find("./b")->param_json);
  EXPECT_TRUE(facts.Find("./a")->config);
  EXPECT_FALSE(facts.Find("./a/deep")->config);
}

}  // namespace
}  // namespace armlint::internal
