// Tests for the FNV-1a hash and the offset basis that baselines and shards depend on.
#include "util/hash.h"

#include <string>

#include "gtest/gtest.h"

#include "findings/baseline.h"
#include "report/sarif_util.h"

namespace armlint::internal {
namespace {

TEST(Hash, StandardFnv1a64TestVectors) {
  // The FNV reference's test vectors (http://www.isthe.com/chongo/tech/comp/fnv/).
  EXPECT_EQ(Fnv1a64().value(), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a64().Add("a").value(), 0xaf63dc4c8601ec8cull);
  EXPECT_EQ(Fnv1a64().Add("foobar").value(), 0x85944171f73967e8ull);
  EXPECT_EQ(Fnv1a64().Add("foo").Add("bar").value(), Fnv1a64().Add("foobar").value());
}

// Baselines written by every release hold fingerprints made with this basis, and --shard K/N
// must keep giving each shard the same files: the value must never change.
TEST(Hash, ArmlintOffsetBasisIsPinned) {
  EXPECT_EQ(kArmlintFnv64OffsetBasis, 1469598103934665603ull);
  EXPECT_EQ(kArmlintFnv64OffsetBasis * 10 + 7, kFnv64OffsetBasis) << "its last digit dropped";
  EXPECT_EQ(Fnv1a64(kArmlintFnv64OffsetBasis).Add("a").value(), 0x44bd8ad473cd9906ull);
}

TEST(Hash, BaselineFingerprintsAndShardsAreStable) {
  EXPECT_EQ(Fingerprint("storage-secure-transfer", "main.json", "/subscriptions/x",
                        "/properties/supportsHttpsTrafficOnly"),
            "942b913d9eade808");
  EXPECT_EQ(ShardOf("templates/main.json", 4), 3);
  EXPECT_EQ(ShardOf("templates/main.json", 7), 7);
  EXPECT_EQ(ShardOf("infra/storage.json", 4), 4);
  EXPECT_EQ(ShardOf("a/b.json", 7), 5);
}

TEST(Hash, SarifFingerprintsUseTheStandardBasis) {
  Finding f;
  f.rule_id = "storage-secure-transfer";
  f.location.file = "main.json";
  f.resource_id = "/subscriptions/x";
  f.location.pointer = "/resources/0/properties/supportsHttpsTrafficOnly";
  EXPECT_EQ(FindingFingerprint(f), "269e9f70afae4455");
}

TEST(Hex64, SixteenLowercaseDigitsAsPrintfWritesThem) {
  EXPECT_EQ(Hex64(0), "0000000000000000");
  EXPECT_EQ(Hex64(0x1f), "000000000000001f");
  EXPECT_EQ(Hex64(0xfedcba9876543210ull), "fedcba9876543210");
}

}  // namespace
}  // namespace armlint::internal
