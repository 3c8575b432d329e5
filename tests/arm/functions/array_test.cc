// Array functions against the examples of the ARM array function reference.
#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/expr_test_util.h"
#include "util/limits.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

class ArrayFunctions : public ::testing::Test, public ExprTest {
 protected:
  void SetUp() override {
    Param("arrayToTest", "['one', 'two', 'three']");
    Param("objectToTest", "{'one': 'a', 'two': 'b', 'three': 'c'}");
    Param("ints", "[0, 3, 2, 5, 4]");
    Param("later", "null");
    env.params["later"] = Value::Unknown(arena, "no value", {}, Kind::kString);
  }
  void Check(std::span<const Case> cases) {
    for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
  }
};

// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array
TEST_F(ArrayFunctions, DocumentedExamples) {
  const Case cases[] = {
      // array
      {"array(1)", "[1]"},
      {"array('efgh')", "[\"efgh\"]"},
      {"array(createObject('a', 'b', 'c', 'd'))", "[{\"a\":\"b\",\"c\":\"d\"}]"},
      // concat
      {"concat(createArray('1-1', '1-2', '1-3'), createArray('2-1', '2-2', '2-3'))",
       "[\"1-1\",\"1-2\",\"1-3\",\"2-1\",\"2-2\",\"2-3\"]"},
      // contains
      {"contains('OneTwoThree', 'e')", "true"},
      {"contains('OneTwoThree', 'z')", "false"},
      {"contains(parameters('objectToTest'), 'one')", "true"},
      {"contains(parameters('objectToTest'), 'a')", "false"},
      {"contains(parameters('arrayToTest'), 'three')", "true"},
      {"contains(parameters('arrayToTest'), 'four')", "false"},
      // createArray
      {"createArray('a', 'b', 'c')", "[\"a\",\"b\",\"c\"]"},
      {"createArray(1, 2, 3)", "[1,2,3]"},
      {"createArray(parameters('objectToTest'))",
       "[{\"one\":\"a\",\"two\":\"b\",\"three\":\"c\"}]"},
      {"createArray(parameters('arrayToTest'))", "[[\"one\",\"two\",\"three\"]]"},
      {"createArray()", "[]"},
      // empty
      {"empty(createArray())", "true"},
      {"empty(createObject())", "true"},
      {"empty('')", "true"},
      // first / last
      {"first(parameters('arrayToTest'))", "\"one\""},
      {"first('One Two Three')", "\"O\""},
      {"last(parameters('arrayToTest'))", "\"three\""},
      {"last('One Two Three')", "\"e\""},
      // intersection
      {"intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), "
       "createObject('one', 'a', 'two', 'z', 'three', 'c'))",
       "{\"one\":\"a\",\"three\":\"c\"}"},
      {"intersection(parameters('arrayToTest'), createArray('two', 'three'))",
       "[\"two\",\"three\"]"},
      // length
      {"length(parameters('arrayToTest'))", "3"},
      {"length('One Two Three')", "13"},
      {"length(json('{\"propA\": \"one\", \"propB\": \"two\", \"propC\": \"three\", \"propD\": "
       "{\"propD-1\": \"sub\", \"propD-2\": \"sub\"}}'))",
       "4"},
      // max / min
      {"max(parameters('ints'))", "5"},
      {"max(0, 3, 2, 5, 4)", "5"},
      {"min(parameters('ints'))", "0"},
      {"min(0, 3, 2, 5, 4)", "0"},
      // range
      {"range(5, 3)", "[5,6,7]"},
      // skip / take
      {"skip(parameters('arrayToTest'), 2)", "[\"three\"]"},
      {"skip('one two three', 4)", "\"two three\""},
      {"take(parameters('arrayToTest'), 2)", "[\"one\",\"two\"]"},
      {"take('on two three', 2)", "\"on\""},
      // union
      {"union(parameters('arrayToTest'), createArray('three', 'four'))",
       "[\"one\",\"two\",\"three\",\"four\"]"},
  };
  Check(cases);
}

TEST_F(ArrayFunctions, IndexOfOnArraysIsCaseSensitive) {
  // https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-array#indexof
  Param("names", "['one', 'two', 'three']");
  Param("numbers", "[4, 5, 6]");
  Param("collection", "[['a', 'b'], 1, 'ab']");
  const Case cases[] = {
      {"indexOf(parameters('names'), 'two')", "1"},
      {"indexOf(parameters('names'), 'Two')", "-1"},
      {"indexOf(parameters('numbers'), 4)", "0"},
      {"indexOf(parameters('collection'), createArray('a', 'b'))", "0"},
      {"lastIndexOf(createArray('a', 'b', 'a'), 'a')", "2"},
      {"lastIndexOf(parameters('numbers'), 9)", "-1"},
  };
  Check(cases);
}

TEST_F(ArrayFunctions, SkipTakeBounds) {
  const Case cases[] = {
      {"skip(parameters('arrayToTest'), 0)", "[\"one\",\"two\",\"three\"]"},
      {"skip(parameters('arrayToTest'), -4)", "[\"one\",\"two\",\"three\"]"},
      {"skip(parameters('arrayToTest'), 10)", "[]"},
      {"take(parameters('arrayToTest'), -1)", "[]"},
      {"take(parameters('arrayToTest'), 10)", "[\"one\",\"two\",\"three\"]"},
      {"first(createArray())", "null"},
  };
  Check(cases);
}

TEST_F(ArrayFunctions, TryGetAndFlatten) {
  Param("obj", "{'a': {'b': [10, 20]}}");
  const Case cases[] = {
      {"tryGet(parameters('obj'), 'a', 'b', 1)", "20"},
      {"tryGet(parameters('obj'), 'missing')", "null"},
      {"tryGet(parameters('obj'), 'a', 'b', 5)", "null"},
      {"tryGet(parameters('arrayToTest'), 0)", "\"one\""},
      {"flatten(createArray(createArray('a', 'b'), createArray('c'), createArray()))",
       "[\"a\",\"b\",\"c\"]"},
      {"flatten(createArray(1))",
       "error: function 'flatten': expects an array of arrays, found int at character 2"},
  };
  Check(cases);
}

// indexFromEnd and tryIndexFromEnd: the examples of the array page (items apple, banana,
// orange, grape; secondToLast is "orange", tryIndexFromEnd(items, 5) is null).
TEST_F(ArrayFunctions, IndexFromEnd) {
  Param("items", "['apple', 'banana', 'orange', 'grape']");
  const Case cases[] = {
      {"indexFromEnd(parameters('items'), 2)", "\"orange\""},
      {"tryIndexFromEnd(parameters('items'), 2)", "\"orange\""},
      {"tryIndexFromEnd(parameters('items'), 5)", "null"},
      {"indexFromEnd(parameters('items'), 1)", "\"grape\""},
      {"indexFromEnd(parameters('items'), 4)", "\"apple\""},
      {"tryIndexFromEnd(parameters('items'), 0)", "null"},
      {"tryIndexFromEnd(parameters('items'), -1)", "null"},
      {"tryIndexFromEnd(null(), 1)", "null"},
      {"indexFromEnd(parameters('items'), 5)",
       "error: function 'indexFromEnd': index 5 from the end is out of range for an array of 4 "
       "items (1 is the last item) at character 2"},
      {"indexFromEnd(parameters('items'), '2')",
       "error: function 'indexFromEnd' expects argument 2 to be an int, got a string at "
       "character 2"},
      {"indexFromEnd(parameters('later'), 1)",
       "error: function 'indexFromEnd' expects argument 1 to be an array, got a string at "
       "character 2"},
      {"tryIndexFromEnd(createArray(parameters('later')), 1)", "<unknown string>"},
  };
  Check(cases);
}

// Bicep compiles `a[?^1].x` to tryIndexFromEnd(a, 1, 'x') and `o.?a[^1]` to
// tryGet(o, 'a', createObject('value', 1, 'fromEnd', true())).
TEST_F(ArrayFunctions, PathsWithStepsFromTheEnd) {
  Param("z", "{'array': [{'foo': 1}, {'foo': 2}, [7, 8, 9]]}");
  const Case cases[] = {
      {"tryIndexFromEnd(parameters('z').array, 3, 'foo')", "1"},
      {"tryIndexFromEnd(parameters('z').array, 1, createObject('value', 2, 'fromEnd', true()))",
       "8"},
      {"tryIndexFromEnd(parameters('z').array, 1, createObject('value', 0))", "7"},
      {"tryIndexFromEnd(parameters('z').array, 2, 'bar')", "null"},
      {"tryGet(parameters('z'), 'array', createObject('value', 1, 'fromEnd', true()), 0)", "7"},
      {"tryGet(parameters('z'), 'array', createObject('value', 9, 'fromEnd', true()))", "null"},
  };
  Check(cases);
}

TEST_F(ArrayFunctions, ConcatMixing) {
  const Case cases[] = {
      {"concat('a', 1, true)", "\"a1True\""},
      {"concat(createArray(1), 'x')",
       "error: function 'concat': cannot concatenate string argument 2 with arrays at character "
       "2"},
      {"concat(createArray(1), parameters('later'))", "<unknown array>"},
  };
  Check(cases);
}

TEST_F(ArrayFunctions, RangeLimits) {
  EXPECT_EQ(Show("range(0, -1)"),
            "error: function 'range': count must not be negative, got -1 at character 2");
  absl::StatusOr<const Value*> v = Eval("range(0, 100000000)");
  ASSERT_FALSE(v.ok());
  EXPECT_EQ(v.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(Show("length(range(0, 10000))"), "10000");
  EXPECT_THAT(Show("range(2147483640, 10)"), ::testing::HasSubstr("2147483647"));
}

TEST_F(ArrayFunctions, ArityErrorsAreWordedAlike) {
  const Case cases[] = {
      {"first()", "error: function 'first' expects 1 argument, got 0 at character 2"},
      {"range(1)", "error: function 'range' expects 2 arguments, got 1 at character 2"},
      {"tryGet(createArray())",
       "error: function 'tryGet' expects at least 2 arguments, got 1 at character 2"},
  };
  Check(cases);
}

}  // namespace
}  // namespace armlint::internal
