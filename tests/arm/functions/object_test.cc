// Object functions against the examples of the ARM object function reference.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions-object
#include "arm/expr_test_util.h"
#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

using exprtest::Case;
using exprtest::ExprTest;

class ObjectFunctions : public ::testing::Test, public ExprTest {
 protected:
  void Check(std::span<const Case> cases) {
    for (const Case& c : cases) EXPECT_EQ(Show(c.expr), c.want) << c.expr;
  }
};

TEST_F(ObjectFunctions, DocumentedExamples) {
  Param("firstObject", "{'one': 'a', 'two': 'b', 'three': 'c1'}");
  Param("secondObject", "{'three': 'c2', 'four': 'd', 'five': 'e'}");
  Param("deep1", "{'property': {'one': 'a', 'two': 'b', 'three': 'c1'}, 'nestedArray': [1, 2]}");
  Param("deep2", "{'property': {'three': 'c2', 'four': 'd', 'five': 'e'}, 'nestedArray': [3, 4]}");
  Param("unsorted", "{'b': 'value2', 'c': 'value3', 'a': 'value1'}");
  const Case cases[] = {
      // contains: object keys case-insensitively
      {"contains(parameters('firstObject'), 'ONE')", "true"},
      // createObject
      {"createObject('intProp', 1, 'stringProp', 'abc', 'boolProp', true, 'arrayProp', "
       "createArray('a', 'b', 'c'), 'objectProp', createObject('key1', 'value1'))",
       "{\"intProp\":1,\"stringProp\":\"abc\",\"boolProp\":true,\"arrayProp\":[\"a\",\"b\",\"c\"],"
       "\"objectProp\":{\"key1\":\"value1\"}}"},
      // empty / length
      {"empty(createObject())", "true"},
      {"length(parameters('firstObject'))", "3"},
      // items: sorted by key
      {"items(parameters('unsorted'))",
       "[{\"key\":\"a\",\"value\":\"value1\"},{\"key\":\"b\",\"value\":\"value2\"},"
       "{\"key\":\"c\",\"value\":\"value3\"}]"},
      // json
      {"json('{\"a\": \"b\"}')", "{\"a\":\"b\"}"},
      {"json('null')", "null"},
      {"json('[1,2,3]')", "[1,2,3]"},
      {"json('\"demo\"')", "\"demo\""},
      {"json('true')", "true"},
      {"json(concat('{\"a\": \"', 'demo value', '\"}'))", "{\"a\":\"demo value\"}"},
      // null
      {"null()", "null"},
      // objectKeys
      {"objectKeys(createObject('a', 1, 'b', 2))", "[\"a\",\"b\"]"},
      // shallowMerge
      {"shallowMerge(createArray(createObject('one', 'a'), createObject('two', 'b'), "
       "createObject('two', 'c')))",
       "{\"one\":\"a\",\"two\":\"c\"}"},
      {"shallowMerge(json('[{\"one\": \"a\", \"nested\": {\"a\": 1, \"nested\": {\"c\": 3}}}, "
       "{\"two\": \"b\", \"nested\": {\"b\": 2}}]'))",
       "{\"one\":\"a\",\"nested\":{\"b\":2},\"two\":\"b\"}"},
      // union of objects: later values win
      {"union(parameters('firstObject'), parameters('secondObject'))",
       "{\"one\":\"a\",\"two\":\"b\",\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"}"},
      // union merges nested objects, replaces nested arrays
      {"union(parameters('deep1'), parameters('deep2'))",
       "{\"property\":{\"one\":\"a\",\"two\":\"b\",\"three\":\"c2\",\"four\":\"d\",\"five\":\"e\"},"
       "\"nestedArray\":[3,4]}"},
      {"union(json('[[\"one\", \"two\"], [\"three\"]]'), json('[[\"three\"], [\"four\", \"two\"]]'))",
       "[[\"one\",\"two\"],[\"three\"],[\"four\",\"two\"]]"},
      // intersection of objects: same key and value
      {"intersection(createObject('one', 'a', 'two', 'b', 'three', 'c'), "
       "createObject('one', 'a', 'two', 'z', 'three', 'c'))",
       "{\"one\":\"a\",\"three\":\"c\"}"},
  };
  Check(cases);
}

TEST_F(ObjectFunctions, Errors) {
  const Case cases[] = {
      {"createObject('a')",
       "error: function 'createObject': expects key/value pairs (an even number of arguments), "
       "got 1 at character 2"},
      {"createObject(1, 'a')",
       "error: function 'createObject': expects argument 1 (a key) to be a string, got int at "
       "character 2"},
      {"union(createArray(), createObject())",
       "error: function 'union': expects all arrays or all objects at character 2"},
      {"items(createArray())",
       "error: function 'items' expects argument 1 to be an object, got an array at character "
       "2"},
  };
  Check(cases);
}

TEST_F(ObjectFunctions, UnknownValuesInsideObjects) {
  env.params["later"] = Value::Unknown(arena, "no value", {}, Kind::kString);
  const Case cases[] = {
      {"length(createObject('a', parameters('later')))", "1"},
      {"objectKeys(createObject('a', parameters('later')))", "[\"a\"]"},
      {"createObject(parameters('later'), 1)", "<unknown object>"},
      {"contains(createObject('a', parameters('later')), 'a')", "true"},
  };
  Check(cases);
}

}  // namespace
}  // namespace armlint::internal
