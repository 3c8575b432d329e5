// Tests for the ARM expression parser: every literal form, escapes, calls, accessors, and
// errors that name the character where they happen.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions
#include "arm/expression_parser.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/function_table.h"
#include "json/parser.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

using ::testing::HasSubstr;

const Expr* MustParse(Arena& arena, std::string_view text) {
  absl::StatusOr<const Expr*> e = ParseExpression(arena.Copy(text), arena);
  EXPECT_TRUE(e.ok()) << text << ": " << e.status();
  return e.ok() ? *e : nullptr;
}

std::string ParseError(std::string_view text) {
  Arena arena;
  absl::StatusOr<const Expr*> e = ParseExpression(arena.Copy(text), arena);
  if (e.ok()) return "(parsed)";
  return std::string(MessageOf(e.status()));
}

TEST(ExpressionParser, StringLiteral) {
  Arena arena;
  const Expr* e = MustParse(arena, "'abc'");
  ASSERT_EQ(e->kind, ExprKind::kLiteral);
  EXPECT_EQ(e->literal->string_value(), "abc");
}

TEST(ExpressionParser, StringLiteralWithDoubledQuote) {
  Arena arena;
  const Expr* e = MustParse(arena, "'it''s ''quoted'''");
  EXPECT_EQ(e->literal->string_value(), "it's 'quoted'");
}

TEST(ExpressionParser, EmptyStringLiteral) {
  Arena arena;
  EXPECT_EQ(MustParse(arena, "''")->literal->string_value(), "");
  EXPECT_EQ(MustParse(arena, "''''")->literal->string_value(), "'");
}

TEST(ExpressionParser, StringKeepsBracketsAndSpaces) {
  Arena arena;
  EXPECT_EQ(MustParse(arena, "'[x] , (y)'")->literal->string_value(), "[x] , (y)");
}

TEST(ExpressionParser, Integers) {
  Arena arena;
  EXPECT_EQ(MustParse(arena, "42")->literal->int_value(), 42);
  EXPECT_EQ(MustParse(arena, "-7")->literal->int_value(), -7);
  EXPECT_EQ(MustParse(arena, "0")->literal->int_value(), 0);
  EXPECT_EQ(MustParse(arena, "9223372036854775807")->literal->int_value(), INT64_MAX);
  EXPECT_EQ(MustParse(arena, "-9223372036854775808")->literal->int_value(), INT64_MIN);
}

TEST(ExpressionParser, Decimal) {
  Arena arena;
  const Expr* e = MustParse(arena, "1.5");
  ASSERT_TRUE(e->literal->is_double());
  EXPECT_DOUBLE_EQ(e->literal->double_value(), 1.5);
}

TEST(ExpressionParser, BoolAndNullLiterals) {
  Arena arena;
  EXPECT_TRUE(MustParse(arena, "true")->literal->bool_value());
  EXPECT_FALSE(MustParse(arena, "false")->literal->bool_value());
  EXPECT_TRUE(MustParse(arena, "True")->literal->bool_value());
  EXPECT_TRUE(MustParse(arena, "null")->literal->is_null());
}

TEST(ExpressionParser, CallWithArguments) {
  Arena arena;
  const Expr* e = MustParse(arena, "concat('a', parameters('b'), 3)");
  ASSERT_EQ(e->kind, ExprKind::kCall);
  EXPECT_EQ(e->name, "concat");
  ASSERT_EQ(e->args.size(), 3u);
  EXPECT_EQ(e->args[1]->kind, ExprKind::kCall);
  EXPECT_EQ(e->args[1]->name, "parameters");
  EXPECT_NE(e->fn, nullptr);  // resolved against the built-in table
  EXPECT_EQ(e->args[2]->offset, 29u);
}

TEST(ExpressionParser, CallWithoutArguments) {
  Arena arena;
  const Expr* e = MustParse(arena, "resourceGroup( )");
  ASSERT_EQ(e->kind, ExprKind::kCall);
  EXPECT_TRUE(e->args.empty());
  ASSERT_NE(e->fn, nullptr);  // one table for every function
  EXPECT_TRUE(e->fn->needs_deployment);
}

TEST(ExpressionParser, FunctionNamesAreCaseInsensitive) {
  Arena arena;
  EXPECT_NE(MustParse(arena, "CONCAT('a')")->fn, nullptr);
  EXPECT_NE(MustParse(arena, "toLower('A')")->fn, nullptr);
}

TEST(ExpressionParser, UserFunctionWithNamespace) {
  Arena arena;
  const Expr* e = MustParse(arena, "contoso.buildName('x')");
  ASSERT_EQ(e->kind, ExprKind::kCall);
  EXPECT_EQ(e->ns, "contoso");
  EXPECT_EQ(e->name, "buildName");
}

TEST(ExpressionParser, MemberAndIndexAccess) {
  Arena arena;
  const Expr* e = MustParse(arena, "resourceGroup().properties['a b'][0].x");
  ASSERT_EQ(e->kind, ExprKind::kMember);
  EXPECT_EQ(e->name, "x");
  ASSERT_EQ(e->target->kind, ExprKind::kIndex);
  EXPECT_EQ(e->target->args[0]->literal->int_value(), 0);
  ASSERT_EQ(e->target->target->kind, ExprKind::kIndex);
  EXPECT_EQ(e->target->target->args[0]->literal->string_value(), "a b");
  EXPECT_EQ(e->target->target->target->kind, ExprKind::kMember);
  EXPECT_EQ(e->target->target->target->name, "properties");
}

TEST(ExpressionParser, WhitespaceBetweenTokens) {
  Arena arena;
  const Expr* e = MustParse(arena, "  concat ( 'a' ,\n 'b' ) . length ");
  ASSERT_EQ(e->kind, ExprKind::kMember);
}

TEST(ExpressionParser, IsExpression) {
  EXPECT_TRUE(IsExpression("[concat('a')]"));
  EXPECT_FALSE(IsExpression("[[concat('a')]"));  // escaped literal
  EXPECT_FALSE(IsExpression("plain"));
  EXPECT_FALSE(IsExpression("[not closed"));
  EXPECT_FALSE(IsExpression("["));
}

struct ErrorCase {
  const char* text;
  const char* want;
};

TEST(ExpressionParser, ErrorsNameTheCharacter) {
  // Character 1 is the '[' of the template string: text offset 0 is character 2.
  const ErrorCase cases[] = {
      {"", "expression is empty at character 2"},
      {"concat('a'", "expected ')' to close the call of 'concat' at character 12"},
      {"concat('a' 'b')", "expected ',' or ')' in the call of 'concat', found ''' at character 13"},
      {"'abc", "unterminated string literal starting at character 2"},
      {"concat('a',)", "expected a value before ')' at character 13"},
      {"foo", "expected '(' after function name 'foo' at character 5"},
      {"concat('a') x", "unexpected 'x' after the end of the expression at character 14"},
      {"a.b.", "expected '(' after function name 'a' at character 3"},
      {"concat('a').", "expected a property name after '.' at character 14"},
      {"x()[0", "expected ']' to close the index that opens at character 5"},
      {"#", "unexpected character '#' at character 2"},
      {"99999999999999999999", "integer 99999999999999999999 does not fit in 64 bits"},
      {"substring('a')", "function 'substring' expects 2 to 3 arguments, got 1 at character 2"},
      {"utcNow('u', 1)", "function 'utcNow' expects 0 to 1 arguments, got 2"},
      {"not()", "function 'not' expects 1 argument, got 0"},
      {"and()", "function 'and' expects at least 1 argument, got 0"},
  };
  for (const ErrorCase& c : cases) {
    EXPECT_THAT(ParseError(c.text), HasSubstr(c.want)) << c.text;
  }
}

TEST(ExpressionParser, NestingDepthIsLimited) {
  std::string deep;
  for (int i = 0; i < 300; ++i) deep += "concat(";
  deep += "'a'";
  for (int i = 0; i < 300; ++i) deep += ")";
  EXPECT_THAT(ParseError(deep), HasSubstr("kMaxExpressionDepth"));
}

TEST(ExpressionParser, LengthIsLimited) {
  std::string huge = "'" + std::string(200000, 'a') + "'";
  Arena arena;
  absl::StatusOr<const Expr*> e = ParseExpression(huge, arena);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(MessageOf(e.status())), HasSubstr("kMaxExpressionChars"));
}

}  // namespace
}  // namespace armlint::internal

namespace armlint::internal {
namespace {

void CollectExpressions(const Value& v, std::vector<std::string_view>& out) {
  if (v.is_string()) {
    if (IsExpression(v.string_value())) out.push_back(v.string_value());
  } else if (v.is_array()) {
    for (const Value* i : v.items()) CollectExpressions(*i, out);
  } else if (v.is_object()) {
    for (const Member& m : v.members()) CollectExpressions(*m.value, out);
  }
}

// Every expression in the shared corpus of real templates parses. Parameter files are skipped:
// ARM does not evaluate their values ("[dbo].[emp]" is a literal there). Files over 1 MiB (large
// compiled AVM templates that repeat their modules' expressions) are skipped to keep the test
// fast in Debug builds; set ARMLINT_CORPUS_ALL=1 to include them.
TEST(ExpressionParser, ParsesEveryCorpusExpression) {
  const bool all = std::getenv("ARMLINT_CORPUS_ALL") != nullptr;
  std::filesystem::path root(ARMLINT_CORPUS_DIR);
  if (!std::filesystem::exists(root)) GTEST_SKIP() << "corpus not found at " << root;
  std::size_t files = 0, expressions = 0;
  std::vector<std::string> failures;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".json") continue;
    if (entry.path().filename().string().find(".parameters") != std::string::npos) continue;
    if (!all && entry.file_size() > (1u << 20)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    Arena arena;
    ParseOutput doc = ParseJson(text, arena);
    if (doc.root == nullptr) continue;  // not JSON: the loader's tests cover that
    ++files;
    std::vector<std::string_view> exprs;
    CollectExpressions(*doc.root, exprs);
    for (std::string_view s : exprs) {
      ++expressions;
      absl::StatusOr<const Expr*> e = ParseExpression(s.substr(1, s.size() - 2), arena);
      if (!e.ok() && failures.size() < 20) {
        failures.push_back(
            Cat(entry.path().string(), ": ", s.substr(0, 200), ": ", MessageOf(e.status())));
      }
    }
  }
  EXPECT_GT(files, 0u);
  EXPECT_GT(expressions, 1000u);
  EXPECT_TRUE(failures.empty()) << failures.size() << " failures, first: " << failures[0];
  for (const std::string& f : failures) ADD_FAILURE() << f;
  std::printf("corpus: %zu files, %zu expressions parsed\n", files, expressions);
}

}  // namespace
}  // namespace armlint::internal
