// Tests for rules/rule_loader.h: rule file validation with line:col.
#include "rules/rule_loader.h"

#include "gtest/gtest.h"

namespace armlint::internal {
namespace {

constexpr const char* kGood = R"({
  // Comments are allowed in rule files.
  "id": "storage-secure-transfer",
  "category": "Security",
  "impact": "High",
  "resourceType": "Microsoft.Storage/storageAccounts",
  "problem": "Storage account accepts HTTP.",
  "solution": "Set supportsHttpsTrafficOnly to true.",
  "learnMoreLink": "https://learn.microsoft.com/azure/storage/common/storage-require-secure-transfer",
  "if": {"field": "properties.supportsHttpsTrafficOnly", "equals": false}
})";

TEST(RuleLoader, ParsesAValidRule) {
  absl::StatusOr<std::unique_ptr<Rule>> r =
      ParseRuleText("rules/security/storage-secure-transfer.json", kGood);
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ((*r)->id, "storage-secure-transfer");
  EXPECT_EQ((*r)->category, Category::kSecurity);
  EXPECT_EQ((*r)->impact, Impact::kHigh);
  ASSERT_EQ((*r)->resource_types.size(), 1u);
  EXPECT_EQ((*r)->resource_types[0], "microsoft.storage/storageaccounts");
  EXPECT_EQ((*r)->condition_json,
            R"({"field":"properties.supportsHttpsTrafficOnly","equals":false})");
  EXPECT_NE((*r)->condition, nullptr);
  EXPECT_EQ((*r)->source, "rules/security/storage-secure-transfer.json");
}

TEST(RuleLoader, NativeCheckRule) {
  absl::StatusOr<std::unique_ptr<Rule>> r = ParseRuleText("x/template-unused-parameter.json", R"({
    "id": "template-unused-parameter", "category": "OperationalExcellence", "impact": "Low",
    "problem": "p", "solution": "s", "learnMoreLink": "https://example.com",
    "check": "template-unused-parameter"})");
  ASSERT_TRUE(r.ok()) << r.status();
  EXPECT_EQ((*r)->check, "template-unused-parameter");
  EXPECT_EQ((*r)->condition, nullptr);
  EXPECT_TRUE((*r)->resource_types.empty());
}

TEST(RuleLoader, AzurePolicyNamesTheBuiltIns) {
  std::string text = kGood;
  text.replace(text.find(R"("if": {)"), 7,
               R"("azurePolicy": [{"name": "404c3081-a854-4457-ae30-26a93ef643f9",
                  "displayName": "Secure transfer to storage accounts should be enabled"}],
  "if": {)");
  absl::StatusOr<std::unique_ptr<Rule>> r =
      ParseRuleText("rules/security/storage-secure-transfer.json", text);
  ASSERT_TRUE(r.ok()) << r.status();
  ASSERT_EQ((*r)->azure_policies.size(), 1u);
  EXPECT_EQ((*r)->azure_policies[0].name, "404c3081-a854-4457-ae30-26a93ef643f9");
  EXPECT_EQ((*r)->azure_policies[0].display_name,
            "Secure transfer to storage accounts should be enabled");
  EXPECT_EQ(ToRuleInfo(**r).azure_policies.size(), 1u);
}

struct BadRule {
  const char* what;
  const char* from;  // replaced in kGood
  const char* to;
  const char* where;
  const char* message;
};

TEST(RuleLoader, ValidationErrorsCarryLineAndColumn) {
  const BadRule cases[] = {
      {"unknown key", R"("impact": "High",)", R"("impact": "High", "severity": 1,)", "5:21",
       "unknown key 'severity'"},
      {"misspelt key", R"("problem")", R"("problme")", "7:3", "did you mean 'problem'"},
      {"wrong type", R"("High")", "3", "5:13", "'impact' must be a string"},
      {"bad category", R"("Security")", R"("Safety")", "4:15", "unknown category 'Safety'"},
      {"bad impact", R"("High")", R"("Severe")", "5:13", "unknown impact"},
      {"missing metadata", R"("solution": "Set supportsHttpsTrafficOnly to true.",)", "", "1:1",
       "missing 'solution'"},
      {"id != stem", R"("id": "storage-secure-transfer")", R"("id": "storage-https")", "3:9",
       "must equal the file stem"},
      {"id not kebab", R"("id": "storage-secure-transfer")", R"("id": "Storage_Secure")", "3:9",
       "kebab-case"},
      {"bad resourceType", R"("Microsoft.Storage/storageAccounts")", R"("storageAccounts")", "6:19",
       "invalid resource type"},
      {"empty resourceType array", R"("Microsoft.Storage/storageAccounts")", "[]", "6:19",
       "non-empty array"},
      {"bad operator", R"("equals": false)", R"("equal": false)", "10:58", "unknown operator"},
      {"invalid regex", R"("equals": false)", R"("regex": "(?<")", "10:67", "invalid RE2"},
      {"http link", "https://learn", "http://learn", "9:20", "https://"},
      {"azurePolicy not an array", R"("if": {)", R"("azurePolicy": "x", "if": {)", "10:18",
       "non-empty array"},
      {"azurePolicy name not a GUID", R"("if": {)",
       R"("azurePolicy": [{"name": "Secure transfer", "displayName": "d"}], "if": {)", "10:28",
       "definition's name"},
      {"azurePolicy entry key", R"("if": {)",
       R"("azurePolicy": [{"name": "404c3081-a854-4457-ae30-26a93ef643f9", "effect": "x"}], "if": {)",
       "10:68", "unknown key 'effect'"},
      {"if and check", R"("if": {)", R"("check": "template-unused-parameter", "if": {)", "1:1",
       "exactly one of"},
  };
  for (const BadRule& c : cases) {
    std::string text = kGood;
    std::size_t at = text.find(c.from);
    ASSERT_NE(at, std::string::npos) << c.what;
    text.replace(at, std::string(c.from).size(), c.to);
    absl::StatusOr<std::unique_ptr<Rule>> r =
        ParseRuleText("rules/security/storage-secure-transfer.json", text);
    ASSERT_FALSE(r.ok()) << c.what;
    std::optional<SourceLocation> loc = GetSourceLocation(r.status());
    ASSERT_TRUE(loc.has_value()) << c.what;
    EXPECT_EQ(loc->file, "rules/security/storage-secure-transfer.json");
    EXPECT_EQ(std::to_string(loc->line) + ":" + std::to_string(loc->column), c.where) << c.what;
    EXPECT_NE(std::string(r.status().message()).find(c.message), std::string::npos)
        << c.what << ": " << r.status().message();
  }
}

TEST(RuleLoader, UnknownNativeCheck) {
  absl::StatusOr<std::unique_ptr<Rule>> r = ParseRuleText("x/a.json", R"({"id": "a",
    "category": "Cost", "impact": "Low", "problem": "p", "solution": "s",
    "learnMoreLink": "https://example.com", "check": "no-such-check"})");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(std::string(r.status().message()).find("unknown native check 'no-such-check'"),
            std::string::npos);
}

TEST(RuleLoader, InvalidJsonIsAnInputError) {
  absl::StatusOr<std::unique_ptr<Rule>> r = ParseRuleText("x/a.json", "{\"id\": }");
  ASSERT_FALSE(r.ok());
  EXPECT_TRUE(GetSourceLocation(r.status()).has_value());
}

TEST(RuleLoader, FileStem) {
  EXPECT_EQ(FileStem("rules/security/x-y.json"), "x-y");
  EXPECT_EQ(FileStem("x.json"), "x");
  EXPECT_EQ(FileStem("C:\\p\\x.json"), "x");
}

}  // namespace
}  // namespace armlint::internal
