// Tests the SARIF helpers: artifact URIs, URI encoding, fingerprints, rule names.
#include "report/sarif_util.h"

#include "gtest/gtest.h"

#include "report/report_test_util.h"

namespace armlint {
namespace {

TEST(SarifUtil, FingerprintIgnoresLinesButNotIdentity) {
  Finding a = testing::MakeFinding("r", Category::kCost, Impact::kLow, "a.json", 10, 3, "x");
  Finding moved = a;
  moved.location.line = 42;
  moved.location.column = 1;
  EXPECT_EQ(internal::FindingFingerprint(a), internal::FindingFingerprint(moved));
  EXPECT_EQ(internal::FindingFingerprint(a).size(), 16u);
  Finding other_pointer = a;
  other_pointer.location.pointer = "/resources/1";
  EXPECT_NE(internal::FindingFingerprint(a), internal::FindingFingerprint(other_pointer));
  Finding other_rule = a;
  other_rule.rule_id = "s";
  EXPECT_NE(internal::FindingFingerprint(a), internal::FindingFingerprint(other_rule));
  Finding posix = a;
  posix.location.file = "infra/a.json";
  Finding windows = a;
  windows.location.file = "infra\\a.json";
  EXPECT_EQ(internal::FindingFingerprint(posix), internal::FindingFingerprint(windows));
  Finding shifted = a;  // ("ab","c") vs ("a","bc") must not collide
  shifted.rule_id = "rx";
  shifted.location.file = ".json";
  a.location.file = "x.json";
  EXPECT_NE(internal::FindingFingerprint(a), internal::FindingFingerprint(shifted));
}

TEST(SarifUtil, RelativeEncodedAndAbsolute) {
  const std::filesystem::path cwd = "/home/u/repo";
  auto uri = [&](std::string_view file) { return internal::ArtifactUriFor(file, cwd); };
  EXPECT_EQ(uri("infra/main.json").uri, "infra/main.json");
  EXPECT_TRUE(uri("infra/main.json").relative);
  EXPECT_EQ(uri("./infra/./main.json").uri, "infra/main.json");
  EXPECT_EQ(uri("infra\\sub\\main.json").uri, "infra/sub/main.json");
  EXPECT_EQ(uri("dir with space/a,b:c%.json").uri, "dir%20with%20space/a%2Cb%3Ac%25.json");
  EXPECT_EQ(uri("/home/u/repo/infra/main.json").uri, "infra/main.json");
  EXPECT_TRUE(uri("/home/u/repo/infra/main.json").relative);
  EXPECT_EQ(uri("/etc/x y.json").uri, "file:///etc/x%20y.json");
  EXPECT_FALSE(uri("/etc/x y.json").relative);
  EXPECT_EQ(uri("/home/u/repository/x.json").uri, "file:///home/u/repository/x.json");
  EXPECT_EQ(internal::PercentEncodePath("caf\xc3\xa9.json"), "caf%C3%A9.json");
}

TEST(SarifUtil, EncodeUriReference) {
  EXPECT_EQ(internal::EncodeUriReference("https://x.com/a b)(c\"d"), "https://x.com/a%20b)(c%22d");
  EXPECT_EQ(internal::EncodeUriReference("https://x.com/q?a=1&b=%2F#frag"),
            "https://x.com/q?a=1&b=%2F#frag");
  EXPECT_EQ(internal::EncodeUriReference("100%"), "100%25");
  EXPECT_EQ(internal::EncodeUriReference("%4"), "%254");
  EXPECT_EQ(internal::EncodeUriReference("caf\xc3\xa9<>"), "caf%C3%A9%3C%3E");
}

TEST(SarifUtil, AbsoluteUriCheck) {
  EXPECT_TRUE(internal::IsAbsoluteUri("https://learn.microsoft.com/x"));
  EXPECT_FALSE(internal::IsAbsoluteUri("learn.microsoft.com/x"));
  EXPECT_FALSE(internal::IsAbsoluteUri(""));
  EXPECT_FALSE(internal::IsAbsoluteUri("1http://x"));
}

TEST(SarifUtil, RuleNamesArePascalCase) {
  EXPECT_EQ(internal::SarifRuleName("storage-secure-transfer"), "StorageSecureTransfer");
  EXPECT_EQ(internal::SarifRuleName("vm-managed-disks"), "VmManagedDisks");
  EXPECT_EQ(internal::SarifRuleName("x"), "X");
}

}  // namespace
}  // namespace armlint
