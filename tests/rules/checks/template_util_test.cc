// Tests for the one-walk index of a template that the native checks share.
#include "rules/checks/template_util.h"

#include <algorithm>
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

// What CollectReferences must find, worked out another way: a '(' is inside a string literal
// when an odd number of quotes precede it (an escaped quote '' counts twice); a call's name is
// the whole word (letters, digits, '_', '.') before its '(' and any spaces.
void ReferenceScan(std::string_view e, std::string_view function,
                   absl::flat_hash_set<std::string>& names, bool& dynamic) {
  auto word_char = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  };
  auto skip_spaces = [](std::string_view s) {
    return s.substr(std::min(s.find_first_not_of(' '), s.size()));
  };
  int quotes = 0;
  for (std::size_t i = 0; i < e.size(); ++i) {
    if (e[i] == '\'') ++quotes;
    if (e[i] != '(' || quotes % 2 == 1) continue;
    std::string_view before = e.substr(0, i);
    before = before.substr(0, before.find_last_not_of(' ') + 1);
    std::size_t start = before.size();
    while (start > 0 && word_char(before[start - 1])) --start;
    if (!EqualsIgnoreCase(before.substr(start), function)) continue;
    std::string_view arg = skip_spaces(e.substr(i + 1));
    std::size_t close = arg.starts_with('\'') ? arg.find('\'', 1) : std::string_view::npos;
    if (close != std::string_view::npos && skip_spaces(arg.substr(close + 1)).starts_with(')')) {
      names.insert(ToLower(arg.substr(1, close - 1)));
    } else {
      dynamic = true;
    }
  }
}

TEST(TemplateIndex, CollectReferencesAgreesWithAParityScan) {
  const char* pieces[] = {"parameters", "Variables", "(",     ")",          "'",         "''", " ",
                          "x",          "a.",        ",",     "concat",     "[",         "]",  "_",
                          "1",          "'p'",       "('q')", "PARAMETERS", "reference", "   "};
  std::mt19937 rng(7);
  for (int n = 0; n < 20000; ++n) {
    std::string e;
    for (int k = static_cast<int>(rng() % 24); k >= 0; --k) e += pieces[rng() % std::size(pieces)];
    // Targets ending in 's' are found eight bytes at a time; "reference" too, after an 'e'.
    for (std::string_view function : {"parameters", "variables", "reference"}) {
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
