// Tests for the one-walk index of a template that the native checks share.
#include "rules/checks/template_util.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "json/document.h"

namespace armlint::internal::checks {
namespace {

std::vector<std::string> Keys(const std::vector<const Member*>& members) {
  std::vector<std::string> keys;
  for (const Member* m : members) keys.emplace_back(m->key);
  return keys;
}

TEST(TemplateIndex, ExpressionsInOrderAndNamedMembersOnlyInsideResources) {
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse("t.json", R"({
    "parameters": {"adminUsername": {"defaultValue": "[parameters('x')]"}},
    "[variables('k')]": "[[not an expression]",
    "resources": [
      {"properties": {"osProfile": {"AdminUserName": "me", "settings": {"a": "[concat('b')]"}}}},
      {"resources": {"child": {"settings": {}, "adminUsername": "[parameters('u')]"}}}],
    "outputs": {"settings": {"value": "[variables('v')]"}}})");
  ASSERT_TRUE(doc.ok()) << doc.status();
  CheckContext ctx;
  ctx.doc = doc->get();
  const TemplateIndex& index = Index(ctx, (*doc)->root());
  EXPECT_EQ(index.expressions,
            (std::vector<std::string_view>{"[parameters('x')]", "[variables('k')]", "[concat('b')]",
                                           "[parameters('u')]", "[variables('v')]"}));
  EXPECT_EQ(Keys(index.admin_usernames),
            (std::vector<std::string>{"AdminUserName", "adminUsername"}));
  EXPECT_EQ(Keys(index.settings), (std::vector<std::string>{"settings", "settings"}));
  EXPECT_EQ(&Index(ctx, (*doc)->root()), &index);  // cached in the context
}

TEST(TemplateIndex, ResourcesIsTheMemberFindReturns) {
  // Keys equal but for case: the one Find returns (the last) is walked as the resources.
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse(
      "t.json", R"({"resources": [{"settings": 1}], "Resources": [{"settings": 2}]})");
  ASSERT_TRUE(doc.ok()) << doc.status();
  CheckContext ctx;
  ctx.doc = doc->get();
  const TemplateIndex& index = Index(ctx, (*doc)->root());
  ASSERT_EQ(index.settings.size(), 1u);
  EXPECT_EQ(index.settings[0]->value->int_value(), 2);
}

}  // namespace
}  // namespace armlint::internal::checks
