// Tests for fingerprints and applying baselines.
#include "findings/baseline.h"

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

}  // namespace
}  // namespace armlint::internal
