// Tests for rules/field_path.h: the field path forms of Azure Policy conditions.
#include "rules/field_path.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

std::string Steps(const FieldPath& p) {
  std::string out;
  for (const PathStep& s : p.steps) {
    if (!out.empty()) out += "|";
    switch (s.kind) {
      case PathStep::Kind::kKey:
        out += s.key;
        break;
      case PathStep::Kind::kWildcard:
        out += "*";
        break;
      case PathStep::Kind::kIndex:
        out += "#" + std::to_string(s.index);
        break;
    }
  }
  return out;
}

struct PathCase {
  const char* text;
  FieldRoot root;
  const char* steps;
};

TEST(FieldPath, ParsesDocumentedForms) {
  const PathCase cases[] = {
      {"name", FieldRoot::kName, ""},
      {"fullName", FieldRoot::kFullName, ""},
      {"type", FieldRoot::kType, ""},
      {"TYPE", FieldRoot::kType, ""},
      {"id", FieldRoot::kId, ""},
      {"location", FieldRoot::kBody, "location"},
      {"kind", FieldRoot::kBody, "kind"},
      {"apiVersion", FieldRoot::kBody, "apiVersion"},
      {"tags", FieldRoot::kBody, "tags"},
      {"tags.env", FieldRoot::kBody, "tags|env"},
      {"tags.cost.center", FieldRoot::kBody, "tags|cost.center"},
      {"tags['cost.center']", FieldRoot::kBody, "tags|cost.center"},
      {"tags['it''s']", FieldRoot::kBody, "tags|it's"},
      {"tags[env]", FieldRoot::kBody, "tags|env"},
      {"identity.type", FieldRoot::kBody, "identity|type"},
      {"identity.userAssignedIdentities", FieldRoot::kBody, "identity|userAssignedIdentities"},
      {"sku.name", FieldRoot::kBody, "sku|name"},
      {"properties.a.b", FieldRoot::kBody, "properties|a|b"},
      {"properties.list[*].x", FieldRoot::kBody, "properties|list|*|x"},
      {"properties.list[2]", FieldRoot::kBody, "properties|list|#2"},
      {"properties.a[*].b[*]", FieldRoot::kBody, "properties|a|*|b|*"},
      {"Microsoft.Storage/storageAccounts/supportsHttpsTrafficOnly", FieldRoot::kBody,
       "properties|supportsHttpsTrafficOnly"},
      {"Microsoft.Storage/storageAccounts/networkAcls.defaultAction", FieldRoot::kBody,
       "properties|networkAcls|defaultAction"},
      {"Microsoft.Network/networkSecurityGroups/securityRules[*].access", FieldRoot::kBody,
       "properties|securityRules|*|access"},
      {"Microsoft.Sql/servers/databases/requestedServiceObjectiveName", FieldRoot::kBody,
       "properties|requestedServiceObjectiveName"},
      {"Microsoft.Compute/virtualMachines/sku.name", FieldRoot::kBody, "sku|name"},
  };
  for (const PathCase& c : cases) {
    absl::StatusOr<FieldPath> p = ParseFieldPath(c.text);
    ASSERT_TRUE(p.ok()) << c.text << ": " << p.status();
    EXPECT_EQ(p->root, c.root) << c.text;
    EXPECT_EQ(Steps(*p), c.steps) << c.text;
  }
}

TEST(FieldPath, WildcardFlag) {
  EXPECT_TRUE(ParseFieldPath("properties.list[*].x")->has_wildcard);
  EXPECT_FALSE(ParseFieldPath("properties.list[0].x")->has_wildcard);
}

TEST(FieldPath, RejectsMalformedPaths) {
  for (const char* bad : {"", "properties.", ".a", "a..b", "a[", "a[]", "a['x'", "a b",
                          "storageAccounts/x", "Microsoft.Storage//x", "a]b"}) {
    EXPECT_FALSE(ParseFieldPath(bad).ok()) << bad;
  }
}

TEST(FieldPath, PrefixAndSpecificity) {
  FieldPath rules = *ParseFieldPath("properties.securityRules[*]");
  FieldPath access = *ParseFieldPath("properties.securityRules[*].properties.access");
  EXPECT_TRUE(PathHasPrefix(access.steps, rules.steps));
  EXPECT_FALSE(PathHasPrefix(rules.steps, access.steps));
  EXPECT_EQ(PathSpecificity(*ParseFieldPath("type")), 0);
  EXPECT_EQ(PathSpecificity(*ParseFieldPath("name")), 1);
  EXPECT_EQ(PathSpecificity(access), 5);
}

}  // namespace
}  // namespace armlint::internal
