// Policies whose compliance Azure decides on the stored resource (audit, auditIfNotExists,
// deployIfNotExists) read a property the template leaves out as its platform default; deny
// reads the request as sent. The conformance suite (testdata/platform-defaults) covers the
// outcomes; these tests cover what the findings say and the real built-in definitions.
#include <filesystem>
#include <fstream>
#include <string>

#include "gtest/gtest.h"

#include "armlint/armlint.hpp"

namespace armlint {
namespace {

namespace fs = std::filesystem;

std::string Dir() {
  return std::string(ARMLINT_SOURCE_DIR) + "/tests/policy/testdata/platform-defaults";
}

Options PolicyOnly() {
  Options o;
  o.builtin_rules = false;
  o.use_config = false;
  o.report_unknown = true;
  return o;
}

TEST(StoredDefaults, AnUnknownOutcomeSaysWhy) {
  Options o = PolicyOnly();
  o.policy_paths = {Dir() + "/policy-crosstenant-audit.json"};
  absl::StatusOr<Engine> engine = Engine::Create(o);
  ASSERT_TRUE(engine.ok()) << engine.status();
  LintResult r = engine->LintPaths({Dir() + "/template-storage-omitted.json"});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].outcome, Outcome::kUnknown);
  EXPECT_NE(r.findings[0].unknown_reason.find(
                "Azure treats a missing properties.allowCrossTenantReplication as false"),
            std::string::npos)
      << r.findings[0].unknown_reason;
}

fs::path BuiltIn(const std::string& rel) {
  fs::path p = fs::path(ARMLINT_SOURCE_DIR) / ".." / "shared" / "azure-policy" /
               "built-in-policies" / "policyDefinitions" / rel;
  if (!fs::exists(p)) {
    p = fs::path(ARMLINT_SOURCE_DIR) / ".." / ".." / "shared" / "azure-policy" /
        "built-in-policies" / "policyDefinitions" / rel;
  }
  return p;
}

// "Key vaults should have soft delete enabled": audit by default, so a vault that leaves
// enableSoftDelete out is compliant once Azure stores it (API 2019-09-01 on); as a deny the
// request that leaves it out is refused.
TEST(StoredDefaults, BuiltInSoftDeleteAuditsTheStoredVaultAndDeniesTheRequest) {
  fs::path def = BuiltIn("Key Vault/SoftDeleteMustBeEnabled_Audit.json");
  if (!fs::exists(def)) GTEST_SKIP() << "no built-in policies at " << def;
  const std::string id = "1e66c121-a66a-4b1f-9b83-0fd99bf0fc2d";
  Options o = PolicyOnly();
  o.policy_paths = {def.string()};
  absl::StatusOr<Engine> audit = Engine::Create(o);
  ASSERT_TRUE(audit.ok()) << audit.status();
  EXPECT_TRUE(audit->LintPaths({Dir() + "/template-vault-omitted.json"}).findings.empty());
  LintResult old = audit->LintPaths({Dir() + "/template-vault-old-api.json"});
  ASSERT_EQ(old.findings.size(), 1u);
  EXPECT_EQ(old.findings[0].rule_id, id);
  EXPECT_EQ(old.findings[0].effect, "audit");

  fs::path params = fs::path(::testing::TempDir()) / "softdelete-deny.json";
  std::ofstream(params) << R"({"effect": {"value": "Deny"}})";
  o.policy_parameters_file = params.string();
  absl::StatusOr<Engine> deny = Engine::Create(o);
  ASSERT_TRUE(deny.ok()) << deny.status();
  LintResult r = deny->LintPaths({Dir() + "/template-vault-omitted.json"});
  ASSERT_EQ(r.findings.size(), 1u);
  EXPECT_EQ(r.findings[0].rule_id, id);
  EXPECT_EQ(r.findings[0].effect, "deny");
  EXPECT_EQ(r.findings[0].outcome, Outcome::kFail);
}

}  // namespace
}  // namespace armlint
