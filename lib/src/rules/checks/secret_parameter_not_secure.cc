// secret-parameter-not-secure: a parameter named like a password or secret whose type is string or
// object rather than securestring/secureobject (arm-ttk "Secure Params In Nested Deployments",
// Microsoft's "use secure strings for passwords" guidance). Names that only describe a secret
// (secretName, passwordLength, keyVaultSecretUri...) and Application Insights connection strings
// are not flagged.
#include <array>

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr std::array<std::string_view, 9> kSecretWords = {
    "password",   "passwd",           "pwd",     "secret", "apikey", "accesskey",
    "accountkey", "connectionstring", "sastoken"};
constexpr std::array<std::string_view, 16> kDescriptive = {
    "name",    "uri", "url",    "length", "type", "version",        "expiry", "expiration",
    "enabled", "id",  "policy", "path",   "mode", "authentication", "state",  "passwords"};

// Application Insights connection strings and instrumentation keys identify a resource; Microsoft
// documents that they are not secrets ("Connection strings in Application Insights", FAQ).
constexpr std::array<std::string_view, 2> kNotSecret = {"appinsights", "applicationinsights"};

bool LooksSecret(std::string_view name) {
  std::string lower = ToLower(name);
  for (std::string_view w : kNotSecret) {
    if (lower.find(w) != std::string::npos) return false;
  }
  bool secret = false;
  for (std::string_view w : kSecretWords) {
    if (lower.find(w) != std::string::npos) secret = true;
  }
  if (!secret || lower.find("nonsecret") != std::string::npos) return false;
  for (std::string_view d : kDescriptive) {
    if (EndsWithIgnoreCase(lower, d) && !EndsWithIgnoreCase(lower, "pwd")) return false;
  }
  return true;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  const Value* params = tmpl->Find("parameters");
  if (params == nullptr || !params->is_object()) return;
  for (const Member& m : params->members()) {
    const Value* type = m.value->Find("type");
    if (type == nullptr || !type->is_string() || !LooksSecret(m.key)) continue;
    // A choice among allowed values ("Enabled"/"Disabled") is a setting, not a secret.
    if (m.value->Find("allowedValues") != nullptr) continue;
    if (EqualsIgnoreCase(type->string_value(), "string") ||
        EqualsIgnoreCase(type->string_value(), "object")) {
      out.push_back(checks::MakeHit(
          rule, type->pos(),
          "parameter '" + std::string(m.key) + "' looks like a secret but is not secure"));
    }
  }
}

}  // namespace

extern const NativeCheck kSecretParameterNotSecure{
    "secret-parameter-not-secure", Run,
    "a parameter named like a password or secret that is not securestring/secureobject"};

}  // namespace armlint::internal
