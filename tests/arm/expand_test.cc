// Template expansion: copy loops, conditions, nested deployments, languageVersion 2.0,
// parameter files, anchors and errors (templates in tests/arm/testdata/expand_*.json).
#include "arm/expand.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

#include "arm/template_context.h"
#include "json/document.h"
#include "util/input_error.h"

namespace armlint::internal {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string Testdata(const std::string& name) {
  return std::string(ARMLINT_SOURCE_DIR) + "/tests/arm/testdata/" + name;
}

struct Expanded {
  std::unique_ptr<Document> tmpl;
  std::unique_ptr<Document> params;
  Expansion ex;
};

Expanded ExpandFile(const std::string& name, const std::string& params = "") {
  Expanded e;
  auto t = Document::Load(Testdata(name), 0);
  EXPECT_TRUE(t.ok()) << t.status();
  e.tmpl = std::move(*t);
  ExpandOptions options;
  if (!params.empty()) {
    auto p = Document::Load(Testdata(params), 1);
    EXPECT_TRUE(p.ok()) << p.status();
    e.params = std::move(*p);
    options.parameters = e.params.get();
  }
  auto ex = ExpandTemplate(*e.tmpl, options);
  EXPECT_TRUE(ex.ok()) << ex.status();
  if (ex.ok()) e.ex = std::move(*ex);
  return e;
}

std::vector<std::string> Names(const Expansion& ex) {
  std::vector<std::string> out;
  for (const ExpandedResource& r : ex.resources) out.emplace_back(r.name);
  return out;
}

const ExpandedResource* ByName(const Expansion& ex, std::string_view name) {
  for (const ExpandedResource& r : ex.resources) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

// The value at a path of member names (and array indexes as "0", "1"...).
const Value* At(const Value* v, std::initializer_list<std::string_view> path) {
  for (std::string_view p : path) {
    if (v == nullptr) return nullptr;
    if (v->is_array()) {
      std::size_t i = std::stoul(std::string(p));
      v = i < v->items().size() ? v->items()[i] : nullptr;
    } else {
      v = v->Find(p);
    }
  }
  return v;
}

std::string Str(const Value* v) {
  if (v == nullptr) return "<missing>";
  if (!v->is_string()) return std::string("<") + std::string(KindName(v->kind())) + ">";
  return std::string(v->string_value());
}

int LineOf(const Document& doc, const Value* v) {
  return v == nullptr ? -1 : doc.Position(v->pos()).line;
}

// The line of the first occurrence of `needle` in the document text.
int LineOfText(const Document& doc, std::string_view needle) {
  std::size_t at = doc.text().find(needle);
  return at == std::string_view::npos ? -1 : doc.Position(static_cast<std::uint32_t>(at)).line;
}

std::vector<std::string> ErrorMessages(const Expansion& ex) {
  std::vector<std::string> out;
  for (const absl::Status& s : ex.errors) out.emplace_back(s.message());
  return out;
}

TEST(Expand, ResourceCopyLoopProducesOneResourcePerIndex) {
  Expanded e = ExpandFile("expand_copy.json");
  EXPECT_THAT(Names(e.ex), ElementsAre("st0", "st1", "st2", "vm", "vnet"));
  EXPECT_TRUE(e.ex.errors.empty()) << ErrorMessages(e.ex)[0];
  const ExpandedResource* st1 = ByName(e.ex, "st1");
  ASSERT_NE(st1, nullptr);
  EXPECT_EQ(st1->type, "Microsoft.Storage/storageAccounts");
  EXPECT_EQ(st1->id,
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup/"
            "providers/Microsoft.Storage/storageAccounts/st1");
  EXPECT_EQ(Str(At(st1->body, {"name"})), "st1");
  EXPECT_EQ(Str(At(st1->body, {"location"})), "eastus");
  EXPECT_EQ(At(st1->body, {"copy"}), nullptr);  // the loop itself is not part of the resource
}

TEST(Expand, CopyInstancesAreAnchoredAtTheDeclaration) {
  Expanded e = ExpandFile("expand_copy.json");
  ASSERT_GE(e.ex.resources.size(), 3u);
  int decl_line = LineOfText(*e.tmpl, "\"[concat(variables('prefix'), copyIndex())]\"");
  for (int i = 0; i < 3; ++i) {
    const ExpandedResource& r = e.ex.resources[static_cast<std::size_t>(i)];
    EXPECT_EQ(r.body->pos(), e.ex.resources[0].body->pos());
    EXPECT_EQ(LineOf(*e.tmpl, r.body->Find("name")), decl_line);
    EXPECT_EQ(r.body->Find("name")->source(), 0);
  }
  EXPECT_EQ(LineOf(*e.tmpl, e.ex.resources[2].body), LineOfText(*e.tmpl, "\"resources\"") + 1);
}

TEST(Expand, PropertyAndVariableCopyBuildArrays) {
  Expanded e = ExpandFile("expand_copy.json");
  const ExpandedResource* vm = ByName(e.ex, "vm");
  ASSERT_NE(vm, nullptr);
  const Value* disks = At(vm->body, {"properties", "storageProfile", "dataDisks"});
  ASSERT_NE(disks, nullptr);
  ASSERT_TRUE(disks->is_array());
  ASSERT_EQ(disks->items().size(), 2u);
  EXPECT_EQ(At(disks, {"1", "lun"})->int_value(), 1);
  EXPECT_EQ(At(disks, {"0", "diskSizeGB"})->int_value(), 1023);
  EXPECT_EQ(At(vm->body, {"properties", "storageProfile", "copy"}), nullptr);

  const ExpandedResource* vnet = ByName(e.ex, "vnet");
  ASSERT_NE(vnet, nullptr);
  EXPECT_EQ(Str(At(vnet->body, {"properties", "subnets", "0", "name"})), "subnet0");
  EXPECT_EQ(Str(At(vnet->body, {"properties", "subnets", "1", "name"})), "subnet1");
}

TEST(Expand, OutputCopyAndCountZero) {
  Expanded e = ExpandFile("expand_copy.json");
  EXPECT_EQ(ByName(e.ex, "none0"), nullptr);
  ASSERT_NE(e.ex.outputs, nullptr);
  const Value* names = At(e.ex.outputs, {"names", "value"});
  ASSERT_NE(names, nullptr);
  ASSERT_TRUE(names->is_array());
  ASSERT_EQ(names->items().size(), 2u);
  EXPECT_EQ(Str(names->items()[1]), "out1");
  EXPECT_EQ(Str(At(e.ex.outputs, {"names", "type"})), "array");
}

TEST(Expand, ConditionFalseDropsUnknownKeeps) {
  Expanded e = ExpandFile("expand_conditions.json");
  EXPECT_THAT(Names(e.ex), ElementsAre("maybe", "deployed"));
  const ExpandedResource* maybe = ByName(e.ex, "maybe");
  ASSERT_NE(maybe, nullptr);
  ASSERT_NE(maybe->condition, nullptr);
  EXPECT_TRUE(maybe->condition->is_unknown());
  EXPECT_EQ(ByName(e.ex, "deployed")->condition, nullptr);
}

TEST(Expand, NestedDeploymentsInnerAndOuterScope) {
  Expanded e = ExpandFile("expand_nested.json");
  EXPECT_TRUE(e.ex.errors.empty()) << ErrorMessages(e.ex)[0];
  EXPECT_THAT(Names(e.ex), ElementsAre("innerDeployment", "outernameinner", "outerDeployment",
                                       "outername", "linked"));
  const ExpandedResource* inner = ByName(e.ex, "outernameinner");
  ASSERT_NE(inner, nullptr);
  EXPECT_EQ(inner->deployment_depth, 1);
  EXPECT_EQ(Str(At(inner->body, {"tags", "v"})), "fromInner");
  EXPECT_EQ(Str(At(inner->body, {"tags", "deployment"})), "innerDeployment");
  // Anchored to the nested template's text.
  EXPECT_EQ(LineOf(*e.tmpl, inner->body->Find("name")),
            LineOfText(*e.tmpl, "\"name\": \"[parameters('name')]\""));

  const ExpandedResource* outer = ByName(e.ex, "outername");
  ASSERT_NE(outer, nullptr);
  EXPECT_EQ(outer->deployment_depth, 1);
  EXPECT_EQ(Str(At(outer->body, {"tags", "v"})), "fromOuter");

  const ExpandedResource* dep = ByName(e.ex, "innerDeployment");
  ASSERT_NE(dep, nullptr);
  EXPECT_EQ(dep->deployment_depth, 0);
  EXPECT_EQ(Str(At(dep->body, {"properties", "parameters", "name", "value"})), "outernameinner");
  EXPECT_EQ(ByName(e.ex, "linked")->deployment_depth, 0);
}

TEST(Expand, LanguageVersion2SymbolicResourcesAndUserFunctions) {
  Expanded e = ExpandFile("expand_v2.json");
  EXPECT_TRUE(e.ex.errors.empty()) << ErrorMessages(e.ex)[0];
  EXPECT_THAT(Names(e.ex), ElementsAre("contososa", "kv", "asaasa0", "asaasa1"));
  const ExpandedResource* sa = ByName(e.ex, "contososa");
  ASSERT_NE(sa, nullptr);
  EXPECT_EQ(sa->symbolic_name, "sa");
  EXPECT_EQ(Str(At(sa->body, {"sku", "name"})), "Standard_GRS");
  ASSERT_NE(At(sa->body, {"properties", "note"}), nullptr);
  EXPECT_TRUE(At(sa->body, {"properties", "note"})->is_null());  // nullable, no value
  EXPECT_TRUE(ByName(e.ex, "kv")->existing);
  EXPECT_FALSE(sa->existing);
  EXPECT_EQ(ByName(e.ex, "asaasa1")->symbolic_name, "loop");
  EXPECT_EQ(Str(At(e.ex.outputs, {"name", "value"})), "xsa");
}

TEST(Expand, ParameterFileOverridesDefaults) {
  Expanded e = ExpandFile("expand_params.json", "expand_params.parameters.json");
  EXPECT_TRUE(e.ex.errors.empty()) << ErrorMessages(e.ex)[0];
  ASSERT_EQ(e.ex.resources.size(), 1u);
  const Value* sku = At(e.ex.resources[0].body, {"sku", "name"});
  EXPECT_EQ(Str(sku), "Standard_GRS");
  // The default that is an expression is evaluated: "st" + uniqueString(resourceGroup().id).
  EXPECT_EQ(e.ex.resources[0].name.substr(0, 2), "st");
  EXPECT_EQ(e.ex.resources[0].name.size(), 15u);
  // The Key Vault reference is an Unknown secure value.
  const Value* secret = At(e.ex.resources[0].body, {"properties", "secret"});
  ASSERT_NE(secret, nullptr);
  EXPECT_TRUE(secret->is_unknown());
  EXPECT_TRUE(secret->secure());
}

TEST(Expand, DefaultsWithoutParameterFile) {
  Expanded e = ExpandFile("expand_params.json");
  ASSERT_EQ(e.ex.resources.size(), 1u);
  EXPECT_EQ(Str(At(e.ex.resources[0].body, {"sku", "name"})), "Standard_LRS");
  const Value* secret = At(e.ex.resources[0].body, {"properties", "secret"});
  ASSERT_NE(secret, nullptr);
  EXPECT_TRUE(secret->is_unknown());  // no value, no default
}

TEST(Expand, ParameterFileValueNotAllowedIsAnError) {
  auto t = Document::Load(Testdata("expand_params.json"), 0);
  ASSERT_TRUE(t.ok());
  auto p =
      Document::Parse("inline.parameters.json",
                      R"({"parameters": {"sku": {"value": "Basic"}, "extra": {"value": 1}}})", 1);
  ASSERT_TRUE(p.ok());
  ExpandOptions options;
  options.parameters = p->get();
  auto ex = ExpandTemplate(**t, options);
  ASSERT_TRUE(ex.ok()) << ex.status();
  std::vector<std::string> msgs = ErrorMessages(*ex);
  EXPECT_THAT(msgs, testing::Contains(HasSubstr("'Basic' is not one of its allowedValues")));
  EXPECT_THAT(msgs, testing::Contains(HasSubstr("parameter 'extra' is given a value")));
  for (const absl::Status& s : ex->errors) {
    auto loc = GetSourceLocation(s);
    ASSERT_TRUE(loc.has_value());
    EXPECT_EQ(loc->file, "inline.parameters.json");  // reported in the parameter file
  }
}

TEST(Expand, ChildResourcesGetFullTypeAndName) {
  Expanded e = ExpandFile("expand_children.json");
  EXPECT_THAT(Names(e.ex), ElementsAre("server", "server/db"));
  const ExpandedResource* db = ByName(e.ex, "server/db");
  ASSERT_NE(db, nullptr);
  EXPECT_EQ(db->type, "Microsoft.Sql/servers/databases");
  EXPECT_EQ(Str(db->body->Find("type")), "Microsoft.Sql/servers/databases");
  EXPECT_EQ(db->id, Str(At(db->body, {"properties", "id"})));
  EXPECT_EQ(db->id,
            "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/resourceGroup/"
            "providers/Microsoft.Sql/servers/server/databases/db");
  EXPECT_EQ(At(e.ex.resources[0].body, {"resources"}), nullptr);
}

TEST(Expand, ErrorsStayLocalAndNameTheProblem) {
  Expanded e = ExpandFile("expand_errors.json");
  std::vector<std::string> msgs = ErrorMessages(e.ex);
  EXPECT_THAT(msgs, testing::Contains(HasSubstr("copy: 'count' must be an integer, got string")));
  EXPECT_THAT(msgs, testing::Contains(HasSubstr("above ARM's limit of 800")));
  EXPECT_THAT(msgs, testing::Contains(HasSubstr("variables refer to each other in a cycle")));
  EXPECT_THAT(msgs, testing::Contains(HasSubstr("'missing'")));
  // The resource with the bad property is still produced; the property is Unknown.
  const ExpandedResource* ok = ByName(e.ex, "ok");
  ASSERT_NE(ok, nullptr);
  EXPECT_TRUE(At(ok->body, {"properties", "bad"})->is_unknown());
  for (const absl::Status& s : e.ex.errors) {
    auto loc = GetSourceLocation(s);
    ASSERT_TRUE(loc.has_value()) << s;
    EXPECT_GT(loc->line, 1) << s;
  }
}

// Regression (hostile inputs): variables that nest a value in itself grow as 2^n while sharing
// memory; expanding them hung. Each doubling is bounded by kMaxValueNodes, and a literal
// object holding many large values is bounded too.
TEST(Expand, SelfDoublingVariablesStopAtTheNodeLimit) {
  auto make = [](int levels, const std::string& props) {
    std::string vars = R"("o0": {"k": "v"})";
    for (int i = 1; i <= levels; ++i) {
      std::string prev = "variables('o" + std::to_string(i - 1) + "')";
      vars += ", \"o" + std::to_string(i) + "\": \"[createObject('l', " + prev + ", 'r', " + prev +
              ")]\"";
    }
    return R"({"$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
      "variables": {)" +
           vars + R"(},
      "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2023-01-01",
        "name": "st", "properties": {)" +
           props + R"(}}]})";
  };
  // 2^40 values: the expansion stops with an error naming the limit, at the variable.
  auto t = Document::Parse("t.json", make(40, R"("big": "[variables('o40')]")"), 0);
  ASSERT_TRUE(t.ok()) << t.status();
  auto ex = ExpandTemplate(**t, ExpandOptions{});
  ASSERT_FALSE(ex.ok());
  EXPECT_THAT(std::string(ex.status().message()), HasSubstr("kMaxValueNodes"));
  auto loc = GetSourceLocation(ex.status());
  ASSERT_TRUE(loc.has_value());
  EXPECT_EQ(loc->pointer, "/variables/o21");
  // A literal object holding 8 values of 3 x 2^20 nodes each: that property is Unknown.
  std::string wide;
  for (int i = 0; i < 8; ++i) {
    wide += (i ? ", " : "") + ("\"m" + std::to_string(i) + "\": \"[variables('o20')]\"");
  }
  auto t2 = Document::Parse("t.json", make(20, R"("wide": {)" + wide + "}"), 0);
  ASSERT_TRUE(t2.ok()) << t2.status();
  auto ex2 = ExpandTemplate(**t2, ExpandOptions{});
  ASSERT_TRUE(ex2.ok()) << ex2.status();
  EXPECT_THAT(ErrorMessages(*ex2), testing::Contains(HasSubstr("kMaxValueNodes")));
  ASSERT_EQ(ex2->resources.size(), 1u);
  EXPECT_TRUE(ex2->resources[0].body->Find("properties")->Find("wide")->is_unknown());
}

TEST(Expand, NotAnObjectIsAnInputError) {
  auto t = Document::Parse("t.json", "[1, 2]", 0);
  ASSERT_TRUE(t.ok());
  auto ex = ExpandTemplate(**t, ExpandOptions{});
  EXPECT_FALSE(ex.ok());
  auto t2 = Document::Parse("t.json", R"({"resources": "oops"})", 0);
  ASSERT_TRUE(t2.ok());
  auto ex2 = ExpandTemplate(**t2, ExpandOptions{});
  ASSERT_FALSE(ex2.ok());
  EXPECT_THAT(std::string(ex2.status().message()), HasSubstr("'resources' must be an array"));
}

absl::StatusOr<Expansion> ExpandText(const std::string& text, std::unique_ptr<Document>& doc) {
  auto d = Document::Parse("inline.json", text, 0);
  if (!d.ok()) return d.status();
  doc = std::move(*d);
  return ExpandTemplate(*doc, ExpandOptions{});
}

TEST(Expand, UserFunctionRecursionIsBounded) {
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(R"({
    "functions": [{"namespace": "f", "members": {"loop": {
      "parameters": [{"name": "x", "type": "int"}],
      "output": {"type": "int", "value": "[f.loop(parameters('x'))]"}}}}],
    "resources": [],
    "outputs": {"o": {"type": "int", "value": "[f.loop(1)]"}}})",
                       doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_THAT(ErrorMessages(*ex), testing::Contains(HasSubstr("nest deeper than 32")));
  EXPECT_TRUE(At(ex->outputs, {"o", "value"})->is_unknown());
}

// A nullable parameter with no value is null, as ARM makes it; what fails only because of that
// null is "cannot tell" (Unknown), not an input error: deployments of the template may give a
// value (AVM modules do this with optional keys they then read unconditionally). A failure that
// does not involve such a null is still an error.
TEST(Expand, FailuresFromAnAssumedNullAreUnknownNotErrors) {
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(R"({
    "parameters": {"cmk": {"type": "object", "nullable": true},
                   "given": {"type": "object", "defaultValue": {}}},
    "variables": {"vaultId": "[parameters('cmk').keyVaultResourceId]",
                  "wrapped": "[createArray(parameters('cmk'))]"},
    "resources": [
      {"type": "Microsoft.Compute/diskEncryptionSets", "apiVersion": "2023-04-02",
       "name": "des",
       "properties": {"direct": "[split(parameters('cmk').keyVaultResourceId, '/')[2]]",
                      "viaVariable": "[toLower(variables('vaultId'))]",
                      "viaArray": "[variables('wrapped')[0].keyVaultResourceId]",
                      "nullItself": "[parameters('cmk')]",
                      "unrelated": "[parameters('given').missing.name]"}},
      {"type": "Microsoft.Resources/deployments", "apiVersion": "2022-09-01", "name": "inner",
       "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
         "parameters": {"key": {"value": "[parameters('cmk')]"}},
         "template": {"parameters": {"key": {"type": "object", "nullable": true}},
           "resources": [{"type": "Microsoft.KeyVault/vaults", "apiVersion": "2023-07-01",
                          "name": "[guid(parameters('key').id)]"}]}}}]})",
                       doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  // Only the failure that has nothing to do with the nullable parameter is an error.
  ASSERT_EQ(ErrorMessages(*ex).size(), 1u) << testing::PrintToString(ErrorMessages(*ex));
  EXPECT_THAT(ErrorMessages(*ex)[0], HasSubstr("missing"));
  const Value* props = At(ex->resources[0].body, {"properties"});
  EXPECT_TRUE(At(props, {"direct"})->is_unknown());
  EXPECT_THAT(std::string(At(props, {"direct"})->unknown_reason()),
              HasSubstr("nullable parameter with no value"));
  EXPECT_TRUE(At(props, {"viaVariable"})->is_unknown());
  EXPECT_TRUE(At(props, {"viaArray"})->is_unknown());
  EXPECT_TRUE(At(props, {"nullItself"})->is_null());
  EXPECT_TRUE(At(props, {"unrelated"})->is_unknown());
  // The nested deployment's resource is produced, its name unknown.
  ASSERT_EQ(ex->resources.size(), 3u);
  EXPECT_FALSE(ex->resources[2].name_known);
}

TEST(Expand, VariableCycleNamesTheChain) {
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(R"({"variables": {"a": "[variables('b')]", "b": "[variables('a')]"},
                           "resources": []})",
                       doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_THAT(ErrorMessages(*ex), testing::Contains(HasSubstr("a -> b -> a")));
}

TEST(Expand, NestedDeploymentDepthIsLimited) {
  // 60 nested inline deployments, each containing the next.
  std::string inner = R"({"resources": [{"type": "Microsoft.Storage/storageAccounts",
                          "apiVersion": "2022-09-01", "name": "deepest"}]})";
  for (int i = 0; i < 60; ++i) {
    inner = R"({"resources": [{"type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01", "name": "d)" +
            std::to_string(i) + R"(", "properties": {"mode": "Incremental", "template": )" + inner +
            "}}]}";
  }
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(inner, doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_THAT(ErrorMessages(*ex),
              testing::Contains(HasSubstr("nested deployments deeper than 50")));
  EXPECT_EQ(ByName(*ex, "deepest"), nullptr);
  int max_depth = 0;
  for (const ExpandedResource& r : ex->resources)
    max_depth = std::max(max_depth, r.deployment_depth);
  EXPECT_EQ(max_depth, 50);
}

TEST(Expand, CopyIndexOutsideLoopAndEscapedBrackets) {
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(R"({"resources": [{"type": "Microsoft.Web/sites", "apiVersion": "2022-03-01",
      "name": "[concat('app', copyIndex())]",
      "properties": {"literal": "[[not an expression]"}}]})",
                       doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_THAT(ErrorMessages(*ex), testing::Contains(HasSubstr("copyIndex()")));
  ASSERT_EQ(ex->resources.size(), 1u);
  EXPECT_FALSE(ex->resources[0].name_known);
  EXPECT_EQ(ex->resources[0].name, "{unknown}");
  EXPECT_EQ(ex->resources[0].id, "");
  EXPECT_EQ(Str(At(ex->resources[0].body, {"properties", "literal"})), "[not an expression]");
}

TEST(Expand, UserTypesOfParametersAreChecked) {
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(R"({"languageVersion": "2.0",
      "definitions": {"sku": {"type": "string", "allowedValues": ["Standard_LRS"]},
                      "secret": {"type": "securestring"}},
      "parameters": {"sku": {"$ref": "#/definitions/sku", "defaultValue": "Basic"},
                     "pw": {"$ref": "#/definitions/secret", "defaultValue": "hunter2"}},
      "resources": {},
      "outputs": {"pw": {"type": "string", "value": "[parameters('pw')]"}}})",
                       doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_THAT(ErrorMessages(*ex),
              testing::Contains(HasSubstr("'Basic' is not one of its allowedValues")));
  EXPECT_TRUE(At(ex->outputs, {"pw", "value"})->secure());

  // Strings match allowedValues ignoring case, as ARM checks them.
  auto ok = ExpandText(R"({"parameters": {"sku": {"type": "string", "defaultValue": "standard_lrs",
      "allowedValues": ["Standard_LRS"]}}, "resources": []})",
                       doc);
  ASSERT_TRUE(ok.ok()) << ok.status();
  EXPECT_TRUE(ok->errors.empty());
}

TEST(Expand, ParametersNullTakeTheDefault) {
  std::unique_ptr<Document> doc;
  auto ex = ExpandText(R"({"resources": [{"type": "Microsoft.Resources/deployments",
      "apiVersion": "2022-09-01", "name": "m",
      "properties": {"mode": "Incremental", "expressionEvaluationOptions": {"scope": "inner"},
        "parameters": {"sku": {"value": null}, "skipped": "[if(false(), createObject('value', 1), null())]"},
        "template": {"parameters": {"sku": {"type": "string", "defaultValue": "Standard_LRS"},
                                    "skipped": {"type": "int", "defaultValue": 7}},
          "resources": [{"type": "Microsoft.Storage/storageAccounts", "apiVersion": "2022-09-01",
            "name": "[format('st{0}', parameters('skipped'))]",
            "sku": {"name": "[parameters('sku')]"}}]}}}]})",
                       doc);
  ASSERT_TRUE(ex.ok()) << ex.status();
  EXPECT_TRUE(ex->errors.empty()) << ErrorMessages(*ex)[0];
  const ExpandedResource* st = ByName(*ex, "st7");
  ASSERT_NE(st, nullptr);
  EXPECT_EQ(Str(At(st->body, {"sku", "name"})), "Standard_LRS");
}

}  // namespace
}  // namespace armlint::internal
