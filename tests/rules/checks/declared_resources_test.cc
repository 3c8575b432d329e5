// Tests for the resource declarations that api-version-recent and resource-type-version-exists
// share.
#include "rules/checks/declared_resources.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "json/document.h"

namespace armlint::internal::checks {
namespace {

TEST(DeclaredResources, FullTypesInDocumentOrderMadeOncePerContext) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", R"({
    "resources": [
      {"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
       "resources": [{"type": "blobServices", "apiVersion": "2023-05-01"}]},
      {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01",
       "properties": {"template": {"resources": [
         {"type": "Microsoft.Network/dnsZones", "apiVersion": "2018-05-01"}]}}}]})");
  ASSERT_TRUE(doc.ok()) << doc.status();
  CheckContext ctx;
  ctx.doc = doc->get();
  const std::vector<DeclaredResource>& declared = DeclaredResources(ctx, (*doc)->root());
  std::vector<std::string> got;
  for (const DeclaredResource& d : declared) {
    got.push_back(std::string(d.type) + "@" + std::string(d.version));
  }
  EXPECT_EQ(got,
            (std::vector<std::string>{"Microsoft.Storage/storageAccounts@2023-01-01",
                                      "Microsoft.Storage/storageAccounts/blobServices@2023-05-01",
                                      "Microsoft.Resources/deployments@2022-09-01",
                                      "Microsoft.Network/dnsZones@2018-05-01"}));
  // The second check that asks reads the first one's list.
  EXPECT_EQ(&DeclaredResources(ctx, (*doc)->root()), &declared);
  CheckContext other;
  other.doc = doc->get();
  EXPECT_NE(&DeclaredResources(other, (*doc)->root()), &declared);
}

}  // namespace
}  // namespace armlint::internal::checks
