// String functions against the examples of the ARM string function reference.
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/expr_test_util.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

void RunCases(std::span<const Case> cases) {
  ExprTest t;
  for (const Case& c : cases) EXPECT_EQ(t.Show(c.expr), c.want) << c.expr;
}

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-string
// (inputs from the page's linked sample templates, outputs from its tables)
TEST(StringFunctions, DocumentedExamples) {
  const Case cases[] = {
      // base64 / base64ToString / base64ToJson
      {"base64('one, two, three')", "\"b25lLCB0d28sIHRocmVl\""},
      {"base64ToString('b25lLCB0d28sIHRocmVl')", "\"one, two, three\""},
      {"base64ToJson(base64('{''one'': ''a'', ''two'': ''b''}'))", "{\"one\":\"a\",\"two\":\"b\"}"},
      // dataUri / dataUriToString
      {"dataUri('Hello')", "\"data:text/plain;charset=utf8;base64,SGVsbG8=\""},
      {"dataUriToString('data:;base64,SGVsbG8sIFdvcmxkIQ==')", "\"Hello, World!\""},
      // startsWith / endsWith: case-insensitive
      {"startsWith('abcdef', 'ab')", "true"},
      {"startsWith('abcdef', 'A')", "true"},
      {"startsWith('abcdef', 'e')", "false"},
      {"endsWith('abcdef', 'ef')", "true"},
      {"endsWith('abcdef', 'F')", "true"},
      {"endsWith('abcdef', 'e')", "false"},
      // first / last
      {"first('One Two Three')", "\"O\""},
      {"last('One Two Three')", "\"e\""},
      // format
      {"format('{0}, {1}. Formatted number: {2:N0}', 'Hello', 'User', 8175133)",
       "\"Hello, User. Formatted number: 8,175,133\""},
      // indexOf / lastIndexOf: case-insensitive
      {"indexOf('test', 't')", "0"},
      {"lastIndexOf('test', 't')", "3"},
      {"indexOf('abcdef', 'CD')", "2"},
      {"lastIndexOf('abcdef', 'AB')", "0"},
      {"indexOf('abcdef', 'z')", "-1"},
      // length
      {"length('One Two Three')", "13"},
      // padLeft
      {"padLeft('123', 10, '0')", "\"0000000123\""},
      // replace
      {"replace('123-123-1234', '-', '')", "\"1231231234\""},
      {"replace('123-123-1234', '1234', 'xxxx')", "\"123-123-xxxx\""},
      // skip / take
      {"skip('one two three', 4)", "\"two three\""},
      {"take('on two three', 2)", "\"on\""},
      // split
      {"split('one,two,three', ',')", "[\"one\",\"two\",\"three\"]"},
      {"split('one;two,three', createArray(',', ';'))", "[\"one\",\"two\",\"three\"]"},
      // string
      {"string(json('{\"valueA\": 10, \"valueB\": \"Example Text\"}'))",
       "\"{\\\"valueA\\\":10,\\\"valueB\\\":\\\"Example Text\\\"}\""},
      {"string(createArray('a', 'b', 'c'))", "\"[\\\"a\\\",\\\"b\\\",\\\"c\\\"]\""},
      {"string(5)", "\"5\""},
      // Quotes, backslashes and control characters in the serialised value, as Json.NET
      // escapes them.
      {"string(createArray(json('\"q\\\"b\\\\s\\u0001\\nx\"')))",
       "\"[\\\"q\\\\\\\"b\\\\\\\\s\\\\u0001\\\\nx\\\"]\""},
      // substring
      {"substring('one two three', 4, 3)", "\"two\""},
      // toLower / toUpper / trim
      {"toLower('One Two Three')", "\"one two three\""},
      {"toUpper('One Two Three')", "\"ONE TWO THREE\""},
      {"trim('    one two three   ')", "\"one two three\""},
      // uri / uriComponent / uriComponentToString
      {"uri('http://contoso.com/resources/', 'nested/azuredeploy.json')",
       "\"http://contoso.com/resources/nested/azuredeploy.json\""},
      {"uriComponent('http://contoso.com/resources/nested/azuredeploy.json')",
       "\"http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json\""},
      {"uriComponentToString('http%3A%2F%2Fcontoso.com%2Fresources%2Fnested%2Fazuredeploy.json')",
       "\"http://contoso.com/resources/nested/azuredeploy.json\""},
      // contains: strings case-sensitive (the page: "The string comparison is case-sensitive")
      {"contains('OneTwoThree', 'e')", "true"},
      {"contains('OneTwoThree', 'z')", "false"},
      {"contains('OneTwoThree', 'one')", "false"},
      {"empty('')", "true"},
      {"concat('prefix', '-', 'suffix')", "\"prefix-suffix\""},
  };
  RunCases(cases);
}

// uniqueString: outputs published by independent ports checked against Azure:
//  - Azure/terraform-provider-azapi, internal/services/functions/unique_string_function_test.go
//  - smokedlinq/powershell-az, powershell-az.tests.ps1 (Get-AzUniqueString)
// Their lengths exercise every tail length of the hash that matters (2, 5, 6, 7 bytes).
TEST(StringFunctions, UniqueStringMatchesAzure) {
  const Case cases[] = {
      {"uniqueString('/subscriptions/00000000-0000-0000-0000-000000000000', 'resource-id')",
       "\"cwvxuqg24sifi\""},
      {"uniqueString('fu')", "\"6rkxbspxjmsho\""},
      {"uniqueString('fubar')", "\"cj2xpqsiwjfne\""},
      {"uniqueString('fu', 'bar')", "\"q5wxoscxs5j6k\""},
  };
  RunCases(cases);
  ExprTest t;
  std::string a = t.Show("uniqueString('a')");
  EXPECT_EQ(a.size(), 15u);                   // 13 characters plus quotes
  EXPECT_NE(a, t.Show("uniqueString('A')"));  // case-sensitive
  EXPECT_EQ(t.Show("uniqueString('a', 'b')"), t.Show("uniqueString('a-b')"));
}

// guid: RFC 4122 v5 in namespace 11fb06fb-712d-4ddd-98c7-e71bbd588830 over the '-'-joined
// arguments. Expected values from Python's uuid.uuid5 (an independent implementation), which
// public tools use to reproduce Bicep's guid().
TEST(StringFunctions, GuidIsNameBasedV5) {
  const Case cases[] = {
      {"guid('a', 'b', 'c')", "\"a98fa280-e03f-5afa-8d8e-92d0a9c201e8\""},
      {"guid('/subscriptions/00000000-0000-0000-0000-000000000000')",
       "\"b6af2640-793e-5e23-87ed-3a1ed155add8\""},
  };
  RunCases(cases);
}

// https://learn.microsoft.com/dotnet/standard/base-types/composite-formatting
// https://learn.microsoft.com/dotnet/standard/base-types/standard-numeric-format-strings
TEST(StringFunctions, FormatFollowsDotNet) {
  const Case cases[] = {
      {"format('{0}-{1}', 'a', 'b')", "\"a-b\""},
      {"format('{1}{0}{1}', 'a', 'b')", "\"bab\""},
      {"format('{{literal}} {0}', 'x')", "\"{literal} x\""},
      {"format('[{0,5}]', 'ab')", "\"[   ab]\""},
      {"format('[{0,-5}]', 'ab')", "\"[ab   ]\""},
      {"format('{0:N2}', 1234567)", "\"1,234,567.00\""},
      {"format('{0:N0}', -1234)", "\"-1,234\""},
      {"format('{0:D3}', 7)", "\"007\""},
      {"format('{0:D}', -42)", "\"-42\""},
      {"format('{0:X}', 255)", "\"FF\""},
      {"format('{0:x4}', 255)", "\"00ff\""},
      {"format('{0:F1}', 2)", "\"2.0\""},
      {"format('{0:P1}', json('0.256'))", "\"25.6 %\""},
      {"format('{0:00}', 5)", "\"05\""},
      {"format('{0:#,##0}', 1234567)", "\"1,234,567\""},
      {"format('{0:0.00}', json('3.14159'))", "\"3.14\""},
      {"format('{0} {1}', true, null())", "\"True \""},
      {"format('{0}', 'a', 'unused')", "\"a\""},
      {"format('{1}', 'a')",
       "error: function 'format': format item {1} refers to argument 3, but only 1 values were "
       "given at character 2"},
      {"format('{0', 'a')",
       "error: function 'format': unmatched '{' at position 0 of the format string at character "
       "2"},
      {"format('a}b')",
       "error: function 'format': unmatched '}' at position 1 of the format string at character "
       "2"},
      {"format('{0:Q}', 1)",
       "error: function 'format': unsupported format string 'Q' at character 2"},
  };
  RunCases(cases);
}

TEST(StringFunctions, EdgeCasesAndErrors) {
  const Case cases[] = {
      {"substring('abc', 1)", "\"bc\""},
      {"substring('abc', 3, 0)", "\"\""},
      {"substring('1234567890', 0, 11)",
       "error: function 'substring': the length 11 from index 0 goes past the end of the string "
       "of length 10 at character 2"},
      {"substring('abc', -1, 1)",
       "error: function 'substring': the start index -1 is outside the string of length 3 at "
       "character 2"},
      {"padLeft(7, 3, '0')", "\"007\""},
      {"padLeft('abcdef', 3)", "\"abcdef\""},
      {"padLeft('a', 3, 'xy')",
       "error: function 'padLeft': the padding character must be a single character at "
       "character 2"},
      {"split('a,,b', ',')", "[\"a\",\"\",\"b\"]"},
      {"join(createArray('a', 'b', 'c'), ', ')", "\"a, b, c\""},
      {"join(createArray(1, true), '-')", "\"1-True\""},
      {"replace('aaa', 'a', 'bb')", "\"bbbbbb\""},
      {"replace('abc', 'B', 'x')", "\"abc\""},  // case-sensitive
      {"base64ToString('not base64!')",
       "error: function 'base64ToString': the value is not valid base64 at character 2"},
      {"uri('https://a.com/x/y', 'z')", "\"https://a.com/x/z\""},
      {"uri('https://a.com/x/y/', '../z?q=1')", "\"https://a.com/x/z?q=1\""},
      {"uri('https://a.com/x/', '/root')", "\"https://a.com/root\""},
      {"uri('https://a.com/x/', 'https://b.org/c')", "\"https://b.org/c\""},
      {"string(true)", "\"True\""},
      {"string('x')", "\"x\""},
      {"dataUriToString('data:text/plain,a%20b')", "\"a b\""},
      {"json('{''a'': [1, 2]}').a[1]", "2"},
      {"json('null')", "null"},
      {"json('{bad')", "error: function 'json': the value is not valid JSON"},
  };
  ExprTest t;
  for (const Case& c : cases) {
    std::string got = t.Show(c.expr);
    EXPECT_EQ(got.substr(0, std::string_view(c.want).size()), c.want) << c.expr;
  }
}

// .NET strings count UTF-16 code units: "é" is 1, "😀" (outside the BMP) is 2.
TEST(StringFunctions, LengthsAreUtf16CodeUnits) {
  const Case cases[] = {
      {"length('caf\u00e9')", "4"},
      {"length('a\U0001F600')", "3"},
      {"substring('caf\u00e9s', 3, 1)", "\"\u00e9\""},
      {"take('\u00e9t\u00e9', 2)", "\"\u00e9t\""},
      {"skip('\u00e9t\u00e9', 2)", "\"\u00e9\""},
      {"first('\u00e9t\u00e9')", "\"\u00e9\""},
      {"last('\u00e9t\u00e9')", "\"\u00e9\""},
      {"indexOf('\u00e9t\u00e9', 't')", "1"},
      {"padLeft('\u00e9', 3, '-')", "\"--\u00e9\""},
  };
  RunCases(cases);
}

TEST(StringFunctions, HugePaddingIsRefusedNotAllocated) {
  ExprTest t;
  absl::StatusOr<const Value*> v = t.Eval("padLeft('a', 9000000000000, '0')");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(MessageOf(v.status())), ::testing::HasSubstr("kMaxStringBytes"));
}

}  // namespace
}  // namespace armlint::internal
