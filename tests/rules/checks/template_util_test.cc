// Tests for the one-walk index of a template that the native checks share.
#include "rules/checks/template_util.h"

#include <cctype>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "gtest/gtest.h"

#include "json/document.h"
#include "util/strings.h"

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

// The scan CollectReferences replaces word-at-a-time scanning with, a byte at a time: the
// reference it must agree with.
void ReferenceScan(std::string_view e, std::string_view function,
                   absl::flat_hash_set<std::string>& names, bool& dynamic) {
  bool in_string = false;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (in_string) {
      if (e[i] != '\'') continue;
      if (i + 1 < e.size() && e[i + 1] == '\'') {
        ++i;
      } else {
        in_string = false;
      }
      continue;
    }
    if (e[i] == '\'') {
      in_string = true;
      continue;
    }
    if (e[i] != '(') continue;
    std::size_t name_end = i;
    while (name_end > 0 && e[name_end - 1] == ' ') --name_end;
    if (name_end < function.size()) continue;
    std::size_t name = name_end - function.size();
    if (!EqualsIgnoreCase(e.substr(name, function.size()), function)) continue;
    if (name > 0 && (std::isalnum(static_cast<unsigned char>(e[name - 1])) || e[name - 1] == '_' ||
                     e[name - 1] == '.')) {
      continue;
    }
    std::size_t j = i + 1;
    while (j < e.size() && e[j] == ' ') ++j;
    std::size_t close = j < e.size() && e[j] == '\'' ? e.find('\'', j + 1) : std::string_view::npos;
    std::size_t after = close == std::string_view::npos ? close : close + 1;
    while (after != std::string_view::npos && after < e.size() && e[after] == ' ') ++after;
    if (close == std::string_view::npos || after >= e.size() || e[after] != ')') {
      dynamic = true;
      i = j - 1;
    } else {
      names.insert(ToLower(e.substr(j + 1, close - j - 1)));
      i = close;
    }
  }
}

TEST(TemplateIndex, CollectReferencesAgreesWithAByteAtATimeScan) {
  const char* pieces[] = {"parameters", "Variables", "(", ")", "'", "''", " ",   "x",    "a.",
                          ",",          "concat",    "[", "]", "_", "1",  "'p'", "('q')"};
  std::mt19937 rng(7);
  for (int n = 0; n < 20000; ++n) {
    std::string e;
    for (int k = static_cast<int>(rng() % 24); k >= 0; --k) e += pieces[rng() % std::size(pieces)];
    for (std::string_view function : {"parameters", "variables"}) {
      absl::flat_hash_set<std::string> got, want;
      bool got_dynamic = false, want_dynamic = false;
      CollectReferences(e, function, got, got_dynamic);
      ReferenceScan(e, function, want, want_dynamic);
      ASSERT_EQ(got, want) << e;
      ASSERT_EQ(got_dynamic, want_dynamic) << e;
    }
  }
}

}  // namespace
}  // namespace armlint::internal::checks
