// Tests for the function table: every documented function is registered with the documented
// arity, the one checker words arity, kind and unknown-name errors alike, and the README lists
// exactly the functions of the table.
// https://learn.microsoft.com/azure/azure-resource-manager/templates/template-functions
#include "arm/function_table.h"

#include <fstream>
#include <sstream>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "util/str_cat.h"

namespace armlint::internal {
namespace {

struct Arity {
  const char* name;
  int min;
  int max;  // -1: any
};

// Names and arities from the ARM template function reference (array, comparison, date,
// lambda, logical, numeric, object, string, cidr pages), plus parameters/variables/copyIndex.
TEST(FunctionTable, RegistersEveryDocumentedFunction) {
  const Arity expected[] = {
      // array
      {"array", 1, 1},
      {"concat", 1, -1},
      {"contains", 2, 2},
      {"createArray", 0, -1},
      {"empty", 1, 1},
      {"first", 1, 1},
      {"flatten", 1, 1},
      {"indexFromEnd", 2, 2},
      {"indexOf", 2, 2},
      {"intersection", 1, -1},
      {"last", 1, 1},
      {"lastIndexOf", 2, 2},
      {"length", 1, 1},
      {"max", 1, -1},
      {"min", 1, -1},
      {"range", 2, 2},
      {"skip", 2, 2},
      {"take", 2, 2},
      {"tryGet", 2, -1},
      {"tryIndexFromEnd", 2, -1},
      {"union", 1, -1},
      // comparison
      {"coalesce", 1, -1},
      {"equals", 2, 2},
      {"greater", 2, 2},
      {"greaterOrEquals", 2, 2},
      {"less", 2, 2},
      {"lessOrEquals", 2, 2},
      // date
      {"dateTimeAdd", 2, 3},
      {"dateTimeFromEpoch", 1, 1},
      {"dateTimeToEpoch", 1, 1},
      {"utcNow", 0, 1},
      // lambda
      {"filter", 2, 2},
      {"groupBy", 2, 2},
      {"map", 2, 2},
      {"mapValues", 2, 2},
      {"reduce", 3, 3},
      {"sort", 2, 2},
      {"toObject", 2, 3},
      {"lambdaVariables", 1, 1},
      // logical
      {"and", 1, -1},
      {"bool", 1, 1},
      {"false", 0, 0},
      {"if", 3, 3},
      {"not", 1, 1},
      {"or", 1, -1},
      {"true", 0, 0},
      // numeric
      {"add", 2, 2},
      {"copyIndex", 0, 2},
      {"div", 2, 2},
      {"float", 1, 1},
      {"int", 1, 1},
      {"mod", 2, 2},
      {"mul", 2, 2},
      {"sub", 2, 2},
      // object
      {"createObject", 0, -1},
      {"items", 1, 1},
      {"json", 1, 1},
      {"null", 0, 0},
      {"objectKeys", 1, 1},
      {"shallowMerge", 1, 1},
      // string
      {"base64", 1, 1},
      {"base64ToJson", 1, 1},
      {"base64ToString", 1, 1},
      {"dataUri", 1, 1},
      {"dataUriToString", 1, 1},
      {"endsWith", 2, 2},
      {"format", 1, -1},
      {"guid", 1, -1},
      {"join", 2, 2},
      {"newGuid", 0, 0},
      {"padLeft", 2, 3},
      {"replace", 3, 3},
      {"split", 2, 2},
      {"startsWith", 2, 2},
      {"string", 1, 1},
      {"substring", 2, 3},
      {"toLower", 1, 1},
      {"toUpper", 1, 1},
      {"trim", 1, 1},
      {"uniqueString", 1, -1},
      {"uri", 2, 2},
      {"uriComponent", 1, 1},
      {"uriComponentToString", 1, 1},
      // cidr
      {"parseCidr", 1, 1},
      {"cidrSubnet", 3, 3},
      {"cidrHost", 2, 2},
      // deployment values read through the ExprEnv
      {"parameters", 1, 1},
      {"variables", 1, 1},
      // deployment, scope and resource functions (needs_deployment)
      {"deployment", 0, 0},
      {"deployer", 0, 0},
      {"environment", 0, 0},
      {"managementGroup", 0, 1},
      {"resourceGroup", 0, 0},
      {"subscription", 0, 0},
      {"tenant", 0, 0},
      {"extensionResourceId", 3, -1},
      {"listAccountSas", 2, 3},
      {"listKeys", 2, 3},
      {"listSecrets", 2, 3},
      {"managementGroupResourceId", 2, -1},
      {"pickZones", 3, 5},
      {"providers", 1, 2},
      {"reference", 1, 3},
      {"references", 1, 2},
      {"resourceId", 2, -1},
      {"subscriptionResourceId", 2, -1},
      {"tenantResourceId", 2, -1},
  };
  const FunctionTable& t = FunctionTable::Get();
  for (const Arity& a : expected) {
    const ArmFunction* f = t.Find(a.name);
    ASSERT_NE(f, nullptr) << a.name;
    EXPECT_EQ(f->name, a.name);
    EXPECT_EQ(f->min_args, a.min) << a.name;
    EXPECT_EQ(f->max_args, a.max) << a.name;
    EXPECT_TRUE((f->fn == nullptr) != (f->lazy == nullptr)) << a.name;
  }
}

TEST(FunctionTable, LookupIsCaseInsensitive) {
  const FunctionTable& t = FunctionTable::Get();
  EXPECT_EQ(t.Find("UNIQUESTRING"), t.Find("uniqueString"));
  EXPECT_EQ(t.Find(std::string(100, 'a')), nullptr);
  EXPECT_EQ(t.Find("frobnicate"), nullptr);
}

TEST(FunctionTable, OneTableHoldsTheDeploymentFunctions) {
  const FunctionTable& t = FunctionTable::Get();
  ASSERT_NE(t.Find("resourceId"), nullptr);
  EXPECT_TRUE(t.Find("resourceId")->needs_deployment);
  EXPECT_TRUE(t.Find("subscription")->needs_deployment);
  EXPECT_FALSE(t.Find("concat")->needs_deployment);
  // list* answers every list function without an entry of its own.
  const ArmFunction* list = t.Find("listConnectionStrings");
  ASSERT_NE(list, nullptr);
  EXPECT_EQ(list->name, "list*");
  EXPECT_EQ(t.Find("LISTCALLBACKURL"), list);
  EXPECT_EQ(t.Find("listKeys")->name, "listKeys");
}

TEST(FunctionTable, CheckArityWording) {
  const FunctionTable& t = FunctionTable::Get();
  auto msg = [&](const char* name, std::size_t n) {
    return std::string(MessageOf(FunctionTable::CheckArity(*t.Find(name), n)));
  };
  EXPECT_EQ(msg("substring", 1), "function 'substring' expects 2 to 3 arguments, got 1");
  EXPECT_EQ(msg("not", 2), "function 'not' expects 1 argument, got 2");
  EXPECT_EQ(msg("range", 0), "function 'range' expects 2 arguments, got 0");
  EXPECT_EQ(msg("concat", 0), "function 'concat' expects at least 1 argument, got 0");
  EXPECT_EQ(msg("tryGet", 1), "function 'tryGet' expects at least 2 arguments, got 1");
  EXPECT_TRUE(FunctionTable::CheckArity(*t.Find("concat"), 9).ok());
}

TEST(FunctionTable, CheckKindsAcceptsMatchingUnknowns) {
  Arena arena;
  const FunctionTable& t = FunctionTable::Get();
  const Value* unknown_string = Value::Unknown(arena, "x", {}, Kind::kString);
  const Value* unknown_any = Value::Unknown(arena, "x", {});
  const Value* unknown_array = Value::Unknown(arena, "x", {}, Kind::kArray);
  const Value* one = Value::Int(arena, 1, {});
  const Value* a1[] = {unknown_string, one};
  EXPECT_TRUE(FunctionTable::CheckKinds(*t.Find("substring"), a1).ok());
  const Value* a2[] = {unknown_any, one};
  EXPECT_TRUE(FunctionTable::CheckKinds(*t.Find("substring"), a2).ok());
  const Value* a3[] = {unknown_array, one};
  EXPECT_EQ(MessageOf(FunctionTable::CheckKinds(*t.Find("substring"), a3)),
            "function 'substring' expects argument 1 to be a string, got an array");
}

TEST(FunctionTable, SuggestsNearestName) {
  const FunctionTable& t = FunctionTable::Get();
  EXPECT_EQ(t.UnknownFunctionMessage("concatt"),
            "unknown function 'concatt' (did you mean 'concat'?)");
  EXPECT_EQ(t.UnknownFunctionMessage("tolowr"),
            "unknown function 'tolowr' (did you mean 'toLower'?)");
  EXPECT_EQ(t.UnknownFunctionMessage("resourceid2"),
            "unknown function 'resourceid2' (did you mean 'resourceId'?)");
  EXPECT_EQ(t.UnknownFunctionMessage("xyz"), "unknown function 'xyz'");
}

// The README's "Template functions" list, as the table gives it: names in backticks, wrapped.
std::string ExpectedReadmeList() {
  std::string evaluated, deployment;
  auto append = [](std::string& out, std::string_view name) {
    std::size_t line_start = out.rfind('\n');
    line_start = line_start == std::string::npos ? 0 : line_start + 1;
    std::string item = Cat("`", name, "`");
    if (!out.empty() && out.size() - line_start + item.size() + 2 > 100) {
      out += ",\n";
    } else if (!out.empty()) {
      out += ", ";
    }
    out += item;
  };
  for (const ArmFunction* f : FunctionTable::Get().All()) {
    append(f->needs_deployment ? deployment : evaluated, f->name);
  }
  return Cat("Evaluated from the template:\n\n", evaluated,
             "\n\nRead from the deployment (placeholder scope values, or Unknown where only the "
             "deployed\ncloud knows the answer):\n\n",
             deployment, "\n");
}

TEST(FunctionTable, ReadmeListsExactlyTheTableFunctions) {
  std::ifstream in(std::string(ARMLINT_SOURCE_DIR) + "/README.md");
  ASSERT_TRUE(in) << "README.md not found";
  std::stringstream buf;
  buf << in.rdbuf();
  const std::string readme = buf.str();
  const std::string begin = "<!-- template-functions:begin -->\n";
  const std::string end = "<!-- template-functions:end -->";
  std::size_t b = readme.find(begin);
  std::size_t e = readme.find(end);
  ASSERT_NE(b, std::string::npos) << "README.md has no " << begin;
  ASSERT_NE(e, std::string::npos) << "README.md has no " << end;
  EXPECT_EQ(readme.substr(b + begin.size(), e - b - begin.size()), ExpectedReadmeList())
      << "README.md's function list differs from the function table; replace the text between "
         "the template-functions markers with:\n"
      << ExpectedReadmeList();
}

}  // namespace
}  // namespace armlint::internal
