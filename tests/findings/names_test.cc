// Tests for the names findings show in the resource column.
#include "findings/names.h"

#include <memory>
#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

// A languageVersion 2.0 template with a nested deployment whose inner template declares an
// indexed resource and a symbolic one.
constexpr const char* kTemplate = R"({
  "languageVersion": "2.0",
  "parameters": {"name": {"type": "string"}},
  "resources": {
    "app_slots": {
      "type": "Microsoft.Resources/deployments",
      "name": "[format('{0}-app-slots-deployment-with-a-long-name', parameters('name'))]",
      "properties": {
        "template": {
          "parameters": {"unused": {"type": "string"}},
          "resources": [
            {"type": "Microsoft.Web/sites/slots", "name": "[format('{0}/{1}', parameters('site'), parameters('slot'))]", "apiVersion": "2020-01-01"}
          ]
        }
      }
    }
  }
})";

struct Fixture {
  std::unique_ptr<Document> doc;
  const Value* deployment = nullptr;
  const Value* slot = nullptr;
};

Fixture Load() {
  Fixture f;
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("infra/site.json", kTemplate);
  EXPECT_TRUE(doc.ok()) << doc.status();
  if (!doc.ok()) return f;
  f.doc = std::move(*doc);
  f.deployment = f.doc->root().Find("resources")->Find("app_slots");
  f.slot = f.deployment->Find("properties")->Find("template")->Find("resources")->items()[0];
  return f;
}

TEST(Names, TemplateLevelFindingsNameTheTemplate) {
  Fixture f = Load();
  Subject s = SubjectAt(*f.doc, {}, "/parameters/name");
  EXPECT_EQ(s.field, "template");
  EXPECT_EQ(s.value, "site.json");
  // A parameter of the nested template: the nested deployment, by its symbolic name while its
  // evaluated name is unknown.
  s = SubjectAt(*f.doc, {}, "/resources/app_slots/properties/template/parameters/unused");
  EXPECT_EQ(s.field, "template");
  EXPECT_EQ(s.value, "app_slots");
  // Its evaluated name where the expansion knows it.
  Resource dep;
  dep.type = "Microsoft.Resources/deployments";
  dep.name = "web-app-slots";
  dep.anchor = f.deployment->anchor();
  std::vector<Resource> resources = {dep};
  s = SubjectAt(*f.doc, resources, "/resources/app_slots/properties/template/parameters/unused");
  EXPECT_EQ(s.value, "web-app-slots");
}

TEST(Names, FindingsInADeclarationNameItsResource) {
  Fixture f = Load();
  Subject s =
      SubjectAt(*f.doc, {}, "/resources/app_slots/properties/template/resources/0/apiVersion");
  EXPECT_EQ(s.field, "Microsoft.Web/sites/slots");
  EXPECT_EQ(s.value, "slots [format('{0}/{1}', parameters('site')...");
  Resource slot;
  slot.type = "Microsoft.Web/sites/slots";
  slot.name = "site/staging";
  slot.anchor = f.slot->anchor();
  std::vector<Resource> resources = {slot};
  s = SubjectAt(*f.doc, resources,
                "/resources/app_slots/properties/template/resources/0/apiVersion");
  EXPECT_EQ(s.value, "site/staging");
  // Two instances of a copy loop with different names: the declaration, not one of them.
  Resource other = slot;
  other.name = "site/qa";
  resources.push_back(other);
  s = SubjectAt(*f.doc, resources,
                "/resources/app_slots/properties/template/resources/0/apiVersion");
  EXPECT_EQ(s.value, "slots [format('{0}/{1}', parameters('site')...");
}

TEST(Names, UnknownResourceNamesAreReadable) {
  Fixture f = Load();
  Resource r;
  r.type = "Microsoft.Resources/deployments";
  r.name = "{unknown}";
  r.name_known = false;
  EXPECT_EQ(ResourceLabel(*f.doc, r, "/resources/app_slots"), "app_slots");
  r.type = "Microsoft.Web/sites/slots";
  EXPECT_EQ(ResourceLabel(*f.doc, r, "/resources/app_slots/properties/template/resources/0"),
            "slots [format('{0}/{1}', parameters('site')...");
  r.name = "site/staging";
  r.name_known = true;
  EXPECT_EQ(ResourceLabel(*f.doc, r, "/resources/app_slots/properties/template/resources/0"),
            "site/staging");
}

}  // namespace
}  // namespace armlint::internal
