// Tests for the Resource model built from exports and from expansions.
#include "resources/resource.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

std::unique_ptr<Document> MustParse(std::string text) {
  auto doc = Document::Parse("r.json", std::move(text));
  EXPECT_TRUE(doc.ok()) << doc.status();
  return std::move(*doc);
}

TEST(ResourcesFromExport, ArrayOfResourcesWithChildNamesFromIds) {
  auto doc = MustParse(R"([
    {"id": "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/sa1/blobServices/default",
     "name": "default", "type": "Microsoft.Storage/storageAccounts/blobServices", "properties": {}},
    {"name": "plain", "type": "Microsoft.Web/sites", "location": "westeurope"}
  ])");
  std::vector<Resource> rs = ResourcesFromExport(*doc);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].name, "sa1/default");
  EXPECT_EQ(rs[0].name_value->string_value(), "default");
  EXPECT_EQ(rs[0].full_name_value->string_value(), "sa1/default");
  EXPECT_EQ(rs[0].type_lower, "microsoft.storage/storageaccounts/blobservices");
  EXPECT_TRUE(rs[0].from_export);
  EXPECT_EQ(rs[1].name, "plain");
  EXPECT_TRUE(rs[1].id_value->is_unknown());
  EXPECT_EQ(doc->Position(rs[1].anchor.pos).line, 4);
}

TEST(ResourcesFromExport, RestListAndResourceGraphShapes) {
  auto list = MustParse(
      R"({"value": [{"id": "/subscriptions/s/resourceGroups/r/providers/A.B/c/n1", "type": "A.B/c", "name": "n1"}], "nextLink": null})");
  EXPECT_EQ(ResourcesFromExport(*list).size(), 1u);
  auto graph = MustParse(
      R"({"count": 2, "data": [{"id": "/x/providers/a.b/c/n", "type": "a.b/c", "name": "n"}, {"id": "/x/providers/a.b/c/m", "type": "a.b/c", "name": "m"}]})");
  std::vector<Resource> rs = ResourcesFromExport(*graph);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[1].name, "m");
  auto single = MustParse(
      R"({"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/app", "type": "Microsoft.Web/sites", "name": "app"})");
  EXPECT_EQ(ResourcesFromExport(*single).size(), 1u);
}

TEST(ResourcesFromExpansion, SkipsExistingAndKeepsUnknownNames) {
  auto doc = MustParse(R"({"a": {"type": "Microsoft.Sql/servers/databases", "name": "srv/db"},
                           "b": {"type": "Microsoft.Web/sites", "name": "x"}})");
  Expansion e;
  ExpandedResource db;
  db.body = doc->root().Find("a");
  db.type = "Microsoft.Sql/servers/databases";
  db.name = "srv/db";
  e.resources.push_back(db);
  ExpandedResource existing = db;
  existing.existing = true;
  e.resources.push_back(existing);
  ExpandedResource unnamed;
  unnamed.body = doc->root().Find("b");
  unnamed.type = "Microsoft.Web/sites";
  unnamed.name = "{unknown}";
  unnamed.name_known = false;
  e.resources.push_back(unnamed);
  std::vector<Resource> rs = ResourcesFromExpansion(*doc, e);
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].name_value->string_value(), "db");
  EXPECT_EQ(rs[0].full_name_value->string_value(), "srv/db");
  EXPECT_TRUE(rs[1].name_value->is_unknown());
}

}  // namespace
}  // namespace armlint::internal

namespace armlint::internal {
namespace {

TEST(ResourcesFromExport, MissingOrNullPropertiesAreUnknown) {
  auto doc = MustParse(R"([{"id": "/s/providers/A.B/c/x", "type": "A.B/c", "name": "x"},
                           {"id": "/s/providers/A.B/c/y", "type": "A.B/c", "name": "y", "properties": null},
                           {"id": "/s/providers/A.B/c/z", "type": "A.B/c", "name": "z", "properties": {}}])");
  std::vector<Resource> rs = ResourcesFromExport(*doc);
  ASSERT_EQ(rs.size(), 3u);
  EXPECT_TRUE(rs[0].body->Find("properties")->is_unknown());
  EXPECT_TRUE(rs[1].body->Find("properties")->is_unknown());
  EXPECT_TRUE(rs[2].body->Find("properties")->is_object());
  EXPECT_EQ(rs[0].body->Find("name")->string_value(), "x");
}

}  // namespace
}  // namespace armlint::internal
