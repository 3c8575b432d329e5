// parameter_files: finding the parameter file beside a template.
#include "arm/parameter_files.h"

#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

class ParameterFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("armlint_pf_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text = "{}") {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ParameterFiles, SameStemParametersJson) {
  std::string t = Write("azuredeploy.json");
  std::string p = Write("azuredeploy.parameters.json");
  Write("other.parameters.json");
  EXPECT_EQ(FindParameterFile(t), p);
}

TEST_F(ParameterFiles, SingleEnvironmentFileOnly) {
  std::string t = Write("main.json");
  std::string dev = Write("main.parameters-dev.json");
  EXPECT_EQ(FindParameterFile(t), dev);
  Write("main.parameters-prod.json");
  EXPECT_EQ(FindParameterFile(t), "");  // two environments: no right choice
}

TEST_F(ParameterFiles, MetadataTemplateLink) {
  std::string t = Write("templates/storage.json");
  Write("templates/dev.parameters.json",
        R"({"metadata": {"template": "./storage.json"}, "parameters": {}})");
  Write("templates/unrelated.parameters.json",
        R"({"metadata": {"template": "./other.json"}, "parameters": {}})");
  EXPECT_EQ(FindParameterFile(t), (dir_ / "templates/dev.parameters.json").string());
}

TEST_F(ParameterFiles, NoneFound) {
  std::string t = Write("lonely.json");
  Write("readme.md", "x");
  EXPECT_EQ(FindParameterFile(t), "");
}

TEST_F(ParameterFiles, LinksToFilesCountFoldersDoNot) {
  std::string t = Write("main.json");
  std::string real = Write("elsewhere/values.json");
  fs::create_directories(dir_ / "main.parameters-dir.json");  // a folder, not a file
  fs::create_symlink(real, dir_ / "main.parameters-dev.json");
  EXPECT_EQ(FindParameterFile(t), (dir_ / "main.parameters-dev.json").string());
}

TEST_F(ParameterFiles, TemplateInTheCurrentFolder) {
  Write("main.json");
  Write("main.parameters-dev.json");
  const fs::path was = fs::current_path();
  fs::current_path(dir_);
  // A listed sibling is named as the listing of "." names it; the same-stem file as joined.
  std::string env = FindParameterFile("main.json");
  Write("main.parameters.json");
  std::string same = FindParameterFile("main.json");
  fs::current_path(was);
  EXPECT_EQ(env, "./main.parameters-dev.json");
  EXPECT_EQ(same, "main.parameters.json");
}

// What a tree walk saw in the folder is taken at its word: a listing without any JSON file named
// like a parameter file rules every convention out without a look at the disk, and one with
// such a name leaves the search as it was.
TEST_F(ParameterFiles, AFolderListedWithoutParameterFilesIsNotLookedAtAgain) {
  std::string t = Write("main.json");
  std::string p = Write("main.parameters.json");
  FolderFacts::Facts listed_before_it_was_written;
  FolderFacts::Add("main.json", listed_before_it_was_written);
  FolderFacts stale;
  stale.Record(dir_.string(), listed_before_it_was_written);
  EXPECT_EQ(FindParameterFile(t, &stale), "");
  FolderFacts::Facts listed;
  FolderFacts::Add("main.json", listed);
  FolderFacts::Add("main.parameters.json", listed);
  FolderFacts current;
  current.Record(dir_.string(), listed);
  EXPECT_EQ(FindParameterFile(t, &current), p);
  FolderFacts other_folder;
  other_folder.Record((dir_ / "sub").string(), listed_before_it_was_written);
  EXPECT_EQ(FindParameterFile(t, &other_folder), p);
}

}  // namespace
}  // namespace armlint::internal
