// expansion_json: the JSON `armlint expand` prints; secure values never appear in it.
#include "arm/expansion_json.h"

#include <memory>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "arm/expand.h"
#include "armlint/armlint.hpp"
#include "json/document.h"
#include "support/process.h"

namespace armlint::internal {
namespace {

namespace json = boost::json;
using ::testing::HasSubstr;
using ::testing::Not;

std::string Testdata(const std::string& name) {
  return std::string(ARMLINT_SOURCE_DIR) + "/tests/arm/testdata/" + name;
}

TEST(ExpansionJson, SecureValuesAreNeverPrinted) {
  auto out = ExpandToJson(Testdata("expand_secure.json"), "");
  ASSERT_TRUE(out.ok()) << out.status();
  // The canaries are the secure parameters' default values.
  EXPECT_THAT(*out, Not(HasSubstr("CANARY")));
  EXPECT_THAT(*out, HasSubstr("\"adminPassword\": \"***\""));
  EXPECT_THAT(*out, HasSubstr("\"derived\": \"***\""));     // computed from a secure value
  EXPECT_THAT(*out, HasSubstr("\"connection\": \"***\""));  // through a variable
  EXPECT_THAT(*out, HasSubstr("\"key\": \"***\""));         // a member of a secureObject
  EXPECT_THAT(*out, HasSubstr("\"adminUsername\": \"azureuser\""));
  json::value v = armlint::testing::ParseJsonOrFail(*out);
  // A whole secureObject keeps its shape; only its leaves are masked.
  const json::value& props = v.at("resources").at(0).at("properties");
  EXPECT_EQ(props.at("whole"), armlint::testing::ParseJsonOrFail(R"({"key": "***"})"));
  const json::object& outputs = v.as_object().at("outputs").as_object();
  EXPECT_EQ(outputs.at("leak").at("value"), json::value("***"));
  EXPECT_EQ(outputs.at("secureOut").at("value"), json::value("***"));  // secure output type
  EXPECT_EQ(outputs.at("plain").at("value"), json::value("visible"));
}

TEST(ExpansionJson, SecureValuesFromAParameterFileAreNeverPrinted) {
  auto out =
      ExpandToJson(Testdata("expand_secure.json"), Testdata("expand_secure.prod.parameters.json"));
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(*out, Not(HasSubstr("CANARY")));
  EXPECT_THAT(*out, HasSubstr("\"adminPassword\": \"***\""));
}

TEST(ExpansionJson, KeyVaultReferenceIsRedactedAndUnknownIsExplained) {
  // expand_params.parameters.json is found beside expand_params.json.
  auto out = ExpandToJson(Testdata("expand_params.json"), "");
  ASSERT_TRUE(out.ok()) << out.status();
  EXPECT_THAT(*out, Not(HasSubstr("canary-secret-name")));
  json::value v = armlint::testing::ParseJsonOrFail(*out);
  const json::object& r = v.at("resources").at(0).as_object();
  EXPECT_EQ(r.at("properties").at("secret"), json::value("***"));
  EXPECT_EQ(r.at("sku").at("name"), json::value("Standard_GRS"));
  EXPECT_EQ(r.at("type"), json::value("Microsoft.Storage/storageAccounts"));
  ASSERT_TRUE(r.at("id").is_string());
  EXPECT_THAT(std::string(r.at("id").as_string()),
              HasSubstr("/resourceGroups/resourceGroup/providers/Microsoft.Storage/"));

  auto defaults = ExpandToJson(Testdata("expand_conditions.json"), "");
  ASSERT_TRUE(defaults.ok()) << defaults.status();
  json::value d = armlint::testing::ParseJsonOrFail(*defaults);
  // The resource with an unknown condition carries it, explained.
  const json::object& maybe = d.at("resources").at(0).as_object();
  EXPECT_EQ(maybe.at("name"), json::value("maybe"));
  EXPECT_TRUE(maybe.at("condition").as_object().contains("$unknown"));
}

TEST(ExpansionJson, ShapeOfResourcesOutputsAndErrors) {
  auto out = ExpandToJson(Testdata("expand_errors.json"), "");
  ASSERT_TRUE(out.ok()) << out.status();
  json::value v = armlint::testing::ParseJsonOrFail(*out);
  ASSERT_TRUE(v.at("resources").is_array());
  ASSERT_TRUE(v.at("outputs").is_object());
  const json::array& errors = v.at("errors").as_array();
  ASSERT_FALSE(errors.empty());
  EXPECT_GT(errors[0].at("line").as_int64(), 0);
  EXPECT_THAT(std::string(errors[0].at("file").as_string()), HasSubstr("expand_errors.json"));
  // Existing resources are not deployed and not printed.
  auto v2 = ExpandToJson(Testdata("expand_v2.json"), "");
  ASSERT_TRUE(v2.ok()) << v2.status();
  EXPECT_THAT(*v2, Not(HasSubstr("Microsoft.KeyVault/vaults")));
  EXPECT_THAT(*v2, HasSubstr("\"name\": \"contososa\""));
}

TEST(ExpansionJson, NestedTemplatesAreNotRepeated) {
  auto out = ExpandToJson(Testdata("expand_nested.json"), "");
  ASSERT_TRUE(out.ok()) << out.status();
  json::value v = armlint::testing::ParseJsonOrFail(*out);
  const json::array& rs = v.at("resources").as_array();
  ASSERT_EQ(rs.size(), 5u);
  EXPECT_TRUE(rs[0].at("properties").at("template").as_object().contains("$expanded"));
  EXPECT_EQ(rs[1].at("name"), json::value("outernameinner"));
  EXPECT_EQ(rs[4].at("properties").at("templateLink").at("uri"),
            json::value("https://example.com/t.json"));
}

TEST(ExpansionJson, ValueToJsonWritesUnknownWithItsReason) {
  Arena a;
  const Value* u = Value::Unknown(a, "reference() is evaluated at deployment", Anchor{0});
  EXPECT_EQ(json::serialize(ValueToJson(*u)),
            R"({"$unknown":"reference() is evaluated at deployment"})");
  const Value* s = Value::String(a, "x", Anchor{0}, kFlagSecure);
  EXPECT_EQ(json::serialize(ValueToJson(*s)), R"("***")");
}

TEST(ExpansionJson, NotATemplateIsAnError) {
  auto out = ExpandToJson(Testdata("expand_params.parameters.json"), "");
  ASSERT_FALSE(out.ok());
  EXPECT_THAT(std::string(out.status().message()), HasSubstr("not a deployment template"));
  auto missing = ExpandToJson(Testdata("no_such_file.json"), "");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace armlint::internal
