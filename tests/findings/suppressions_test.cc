// Tests for inline suppression directives, resource tags and config suppressions.
#include "findings/suppressions.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

struct Fixture {
  std::unique_ptr<Document> doc;
  std::vector<Resource> resources;
  std::vector<absl::Status> errors;
  std::unique_ptr<Suppressor> suppressor;
};

Fixture Make(std::string text, std::shared_ptr<const Config> config = nullptr) {
  Fixture f;
  auto doc = Document::Parse("t.json", std::move(text));
  EXPECT_TRUE(doc.ok()) << doc.status();
  f.doc = std::move(*doc);
  f.resources = ResourcesFromExport(*f.doc);
  f.suppressor = std::make_unique<Suppressor>(*f.doc, config, "2026-11-25", f.errors);
  return f;
}

std::uint32_t OffsetOfLine(const Document& doc, int line) {
  for (std::uint32_t i = 0; i < doc.text().size(); ++i) {
    if (doc.Position(i).line == line) return i;
  }
  return 0;
}

const char* kExport = R"([
  // armlint-disable-next-line rule-a -- accepted for the demo tenant
  {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/app1",
   "type": "Microsoft.Web/sites", "name": "app1",
   "properties": {
     // armlint-disable-next-line rule-b until 2020-01-01 -- expired waiver
     "httpsOnly": false,
     "x": 1 // armlint-disable-resource rule-c, rule-d -- whole resource
   }},
  {"id": "/subscriptions/s/resourceGroups/r/providers/Microsoft.Web/sites/app2",
   "type": "Microsoft.Web/sites", "name": "app2",
   "tags": {"armlint-suppress": "rule-e,rule-f", "armlint-suppress-justification": "legacy"}}
])";

TEST(Suppressor, NextLineCoversTheResourceStartingThere) {
  Fixture f = Make(kExport);
  EXPECT_TRUE(f.errors.empty());
  auto m = f.suppressor->Match("rule-a", OffsetOfLine(*f.doc, 7), true, &f.resources[0]);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->justification, "accepted for the demo tenant");
  EXPECT_TRUE(m->expired_on.empty());
  EXPECT_FALSE(f.suppressor->Match("rule-a", OffsetOfLine(*f.doc, 11), true, &f.resources[1]));
}

TEST(Suppressor, ExpiredSuppressionSaysSo) {
  Fixture f = Make(kExport);
  auto m = f.suppressor->Match("rule-b", OffsetOfLine(*f.doc, 7), true, &f.resources[0]);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->expired_on, "2020-01-01");
}

TEST(Suppressor, ResourceDirectiveCoversTheWholeResource) {
  Fixture f = Make(kExport);
  EXPECT_TRUE(f.suppressor->Match("rule-d", OffsetOfLine(*f.doc, 4), true, &f.resources[0]));
  EXPECT_FALSE(f.suppressor->Match("rule-d", OffsetOfLine(*f.doc, 11), true, &f.resources[1]));
}

TEST(Suppressor, ResourceTag) {
  Fixture f = Make(kExport);
  auto m = f.suppressor->Match("rule-f", 0, false, &f.resources[1]);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->justification, "legacy");
  EXPECT_FALSE(f.suppressor->Match("rule-g", 0, false, &f.resources[1]));
}

TEST(Suppressor, DirectivesNeedAJustification) {
  Fixture f = Make("// armlint-disable-next-line rule-a\n[]");
  ASSERT_EQ(f.errors.size(), 1u);
  EXPECT_NE(f.errors[0].message().find("justification"), absl::string_view::npos);
  Fixture g = Make("// armlint-disable-everything x -- y\n[]");
  EXPECT_EQ(g.errors.size(), 1u);
}

TEST(Suppressor, ConfigSuppressionsMatchResourceGlobsAndExpire) {
  auto config = std::make_shared<Config>();
  config->dir = std::string(1, '.');
  config->suppressions.push_back({"rule-h", "*/app1", "", "known", ""});
  config->suppressions.push_back({"*", "microsoft.web/sites", "", "old", "2021-05-01"});
  Fixture f = Make(kExport, config);
  auto m = f.suppressor->Match("rule-h", 0, false, &f.resources[0]);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->justification, "known");
  auto expired = f.suppressor->Match("rule-z", 0, false, &f.resources[1]);
  ASSERT_TRUE(expired.has_value());
  EXPECT_EQ(expired->expired_on, "2021-05-01");
}

}  // namespace
}  // namespace armlint::internal
