// Tests for manifest classification: every kind the issue lists, and what is not a manifest.
#include "manifest/classify.h"

#include "gtest/gtest.h"

#include "json/parser.h"

namespace armlint::internal {
namespace {

Classification ClassifyText(const std::string& text) {
  static Arena arena;
  ParseOutput out = ParseJson(text, arena);
  EXPECT_NE(out.root, nullptr) << out.error.message;
  return Classify(*out.root);
}

TEST(Classify, DeploymentTemplatesOfEveryScope) {
  struct {
    const char* schema;
    const char* scope;
  } cases[] = {
      {"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
       "resourceGroup"},
      {"https://schema.management.azure.com/schemas/2018-05-01/"
       "subscriptionDeploymentTemplate.json#",
       "subscription"},
      {"https://schema.management.azure.com/schemas/2019-08-01/"
       "managementGroupDeploymentTemplate.json#",
       "managementGroup"},
      {"https://schema.management.azure.com/schemas/2019-08-01/tenantDeploymentTemplate.json#",
       "tenant"},
  };
  for (const auto& c : cases) {
    Classification k =
        ClassifyText(std::string("{\"$schema\": \"") + c.schema + "\", \"resources\": []}");
    EXPECT_EQ(k.kind, ManifestKind::kTemplate) << c.schema;
    EXPECT_EQ(k.scope, c.scope);
    EXPECT_FALSE(k.language_v2);
  }
}

TEST(Classify, LanguageVersion2) {
  Classification k = ClassifyText(
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
          "languageVersion": "2.0", "resources": {"sa": {"type": "Microsoft.Storage/storageAccounts"}}})");
  EXPECT_EQ(k.kind, ManifestKind::kTemplate);
  EXPECT_TRUE(k.language_v2);
}

TEST(Classify, ParameterFile) {
  Classification k = ClassifyText(
      R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#",
          "contentVersion": "1.0.0.0", "parameters": {"a": {"value": 1}}})");
  EXPECT_EQ(k.kind, ManifestKind::kParameters);
}

TEST(Classify, ResourceExports) {
  EXPECT_EQ(ClassifyText(R"([{"type": "Microsoft.Web/sites", "name": "a", "id": "/x"}])").kind,
            ManifestKind::kResourceExport);
  EXPECT_EQ(ClassifyText(R"({"value": [{"type": "Microsoft.Web/sites", "name": "a"}]})").kind,
            ManifestKind::kResourceExport);
  EXPECT_EQ(
      ClassifyText(R"({"count": 1, "data": [{"type": "microsoft.web/sites", "id": "/x"}]})").kind,
      ManifestKind::kResourceExport);
  EXPECT_EQ(ClassifyText(R"({"id": "/subscriptions/s/x", "type": "Microsoft.Web/sites",
                             "name": "a", "properties": {}})")
                .kind,
            ManifestKind::kResourceExport);
}

TEST(Classify, OtherJsonIsNotAManifest) {
  for (const char* text : {R"({"name": "package", "version": "1.0.0"})", "[1, 2]", "[]", "42",
                           R"({"value": []})", R"([{"type": "no-slash", "name": "a"}])",
                           R"({"$schema": "https://json-schema.org/draft-07/schema#"})"}) {
    Classification k = ClassifyText(text);
    EXPECT_EQ(k.kind, ManifestKind::kOther) << text;
    EXPECT_FALSE(k.reason.empty()) << text;
  }
}

TEST(Classify, TemplateWithoutSchema) {
  EXPECT_EQ(ClassifyText(R"({"contentVersion": "1.0.0.0", "resources": []})").kind,
            ManifestKind::kTemplate);
}

}  // namespace
}  // namespace armlint::internal
