// Tests for fingerprints and applying baselines.
#include "findings/baseline.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

TEST(Baseline, FingerprintIgnoresPathSpellingButNotContent) {
  std::string a = Fingerprint("r", "infra/main.json", "/subs/x", "/properties/p");
  EXPECT_EQ(a, Fingerprint("r", "infra/./main.json", "/subs/x", "/properties/p"));
  EXPECT_EQ(a.size(), 16u);
  EXPECT_NE(a, Fingerprint("r2", "infra/main.json", "/subs/x", "/properties/p"));
  EXPECT_NE(a, Fingerprint("r", "infra/main.json", "/subs/y", "/properties/p"));
}

TEST(Baseline, FingerprintOfANormalisedPathIsTheSame) {
  for (const char* file : {"infra/main.json", "./infra/../infra/main.json", "../x//y.json"}) {
    EXPECT_EQ(FingerprintOfPath("r", FingerprintPath(file), "/subs/x", "/p"),
              Fingerprint("r", file, "/subs/x", "/p"))
        << file;
  }
  EXPECT_EQ(FingerprintPath("./infra/../infra/main.json"), "infra/main.json");
}

TEST(Baseline, FingerprintPathIsTheLexicallyNormalPath) {
  for (const char* file :
       {"main.json", "../corpus/a/main.json", "../../a.json", "..", "/abs/a.json", "/../a.json",
        "a/../b.json", "a/./b.json", "a//b.json", "a/b/", "../a/../b.json", "./a.json", ".",
        "//a.json", "a/..", "../.."}) {
    EXPECT_EQ(FingerprintPath(file),
              std::filesystem::path(file).lexically_normal().generic_string())
        << file;
  }
}

TEST(Baseline, ApplyCountsBaselinedAndFixed) {
  LintResult r;
  for (std::string fp : {"aa", "bb", "bb", "cc"}) {
    Finding f;
    f.fingerprint = fp;
    r.findings.push_back(f);
  }
  ApplyBaseline({"bb", "dd", "aa"}, r);
  ASSERT_EQ(r.findings.size(), 2u);  // the second "bb" and "cc" are new
  EXPECT_EQ(r.findings[0].fingerprint, "bb");
  EXPECT_EQ(r.findings[1].fingerprint, "cc");
  EXPECT_EQ(r.baselined, 2);
  EXPECT_EQ(r.baseline_fixed, 1);
}

TEST(Baseline, VersionOneEntriesMatchByRuleFileIdAndPointer) {
  const std::string path = ::testing::TempDir() + "/baseline_v1.json";
  std::ofstream(path) << R"({"armlintBaseline": 1, "findings": [
    {"fingerprint": "0000000000000000", "ruleId": "r", "file": "infra/./main.json",
     "resourceId": "/subs/x", "pointer": "/resources/0/properties/p"}]})";
  absl::StatusOr<std::vector<BaselineEntry>> entries = ReadBaselineEntries(path);
  ASSERT_TRUE(entries.ok()) << entries.status();
  ASSERT_EQ(entries->size(), 1u);
  EXPECT_EQ((*entries)[0].version, 1);
  LintResult r;
  Finding same;
  same.rule_id = "r";
  same.location.file = "infra/main.json";
  same.resource_id = "/subs/x";
  same.location.pointer = "/resources/0/properties/p";
  same.fingerprint = "ffffffffffffffff";  // a new-style fingerprint: v1 entries ignore it
  Finding other = same;
  other.rule_id = "r2";
  r.findings = {same, other};
  ApplyBaseline(*entries, r);
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, "r2");
  EXPECT_EQ(r.baselined, 1);
  EXPECT_EQ(r.baseline_fixed, 0);
}

TEST(Baseline, WrittenSortedOneEntryPerLine) {
  LintResult r;
  for (const char* file : {"b.json", "a.json"}) {
    Finding f;
    f.rule_id = "r";
    f.location.file = file;
    f.fingerprint = file;
    r.findings.push_back(f);
  }
  const std::string path = ::testing::TempDir() + "/baseline_written.json";
  ASSERT_TRUE(WriteBaseline(r, path).ok());
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  EXPECT_LT(s.find("\"file\":\"a.json\""), s.find("\"file\":\"b.json\"")) << s;
  EXPECT_NE(s.find("\n    {\"fingerprint\":\"b.json\""), std::string::npos) << s;
  absl::StatusOr<std::vector<std::string>> back = ReadBaseline(path);
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, (std::vector<std::string>{"a.json", "b.json"}));
}

}  // namespace
}  // namespace armlint::internal
