// FolderFacts: what a folder's listing rules out, recorded and found by the folder's path.
#include "util/folder_facts.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

FolderFacts::Facts Of(std::initializer_list<std::string_view> names) {
  FolderFacts::Facts f;
  for (std::string_view n : names) FolderFacts::Add(n, f);
  return f;
}

TEST(FolderFacts, NamesThatCouldBeAConfigARepositoryOrAParameterFile) {
  const FolderFacts::Facts none = Of({"main.json", "README.md", "modules", "params.txt"});
  EXPECT_FALSE(none.config);
  EXPECT_FALSE(none.git);
  EXPECT_FALSE(none.param_json);
  EXPECT_TRUE(Of({".armlint.json"}).config);
  EXPECT_TRUE(Of({".ARMLINT.JSON"}).config);  // ruled out only when no case could match
  EXPECT_FALSE(Of({"armlint.json"}).config);
  EXPECT_TRUE(Of({".git"}).git);
  EXPECT_FALSE(Of({".github"}).git);
  EXPECT_TRUE(Of({"main.parameters.json"}).param_json);
  EXPECT_TRUE(Of({"main.parameters-dev.jsonc"}).param_json);
  EXPECT_TRUE(Of({"dev.PARAMS.JSON"}).param_json);
  EXPECT_FALSE(Of({"parameters.bicepparam", "param.yaml"}).param_json);
}

TEST(FolderFacts, FoundByThePathAsRecordedWithOrWithoutTrailingSeparators) {
  FolderFacts facts;
  facts.Record("corpus/app/", Of({".git"}));
  facts.Record("/", Of({"x.parameters.json"}));
  ASSERT_TRUE(facts.Find("corpus/app").has_value());
  EXPECT_TRUE(facts.Find("corpus/app//")->git);
  EXPECT_TRUE(facts.Find("/")->param_json);
  EXPECT_FALSE(facts.Find("corpus").has_value());  // never listed: nothing ruled out
  EXPECT_FALSE(facts.Find("corpus/ap").has_value());
}

TEST(FolderFacts, ContainsIgnoreCase) {
  EXPECT_TRUE(FolderFacts::ContainsIgnoreCase("main.PARAMETERS.json", "param"));
  EXPECT_TRUE(FolderFacts::ContainsIgnoreCase("param", "param"));
  EXPECT_FALSE(FolderFacts::ContainsIgnoreCase("para", "param"));
  EXPECT_FALSE(FolderFacts::ContainsIgnoreCase("main.json", "param"));
}

}  // namespace
}  // namespace armlint::internal
