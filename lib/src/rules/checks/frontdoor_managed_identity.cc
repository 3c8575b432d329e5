// frontdoor-managed-identity: an Azure Front Door Standard/Premium profile that serves a
// customer certificate from Key Vault (a Microsoft.Cdn/profiles/secrets child of type
// CustomerCertificate in the same deployment) without a managed identity, so Front Door reads
// the vault as the shared Microsoft.AzureFrontDoor-Cdn application, granted vault-wide access
// (Learn "Use managed identities to access Azure Key Vault certificates",
// learn.microsoft.com/azure/frontdoor/managed-identity). The profile's identity is None when
// `identity` is omitted; a profile without such a secret is not reported.
#include <string>
#include <vector>

#include "rules/native_checks.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

constexpr std::string_view kProfile = "microsoft.cdn/profiles";
constexpr std::string_view kSecret = "microsoft.cdn/profiles/secrets";

const Value* Member(const Value* v, std::string_view key) {
  return v != nullptr && v->is_object() ? v->Find(key) : nullptr;
}

// kTrue: a customer certificate secret; kUnknown: its type is not known offline.
Tri IsCustomerCertificate(const Resource& secret) {
  const Value* type = Member(Member(Member(secret.body, "properties"), "parameters"), "type");
  if (type == nullptr) return Tri::kFalse;
  if (type->is_unknown()) return Tri::kUnknown;
  return type->is_string() && EqualsIgnoreCase(type->string_value(), "CustomerCertificate")
             ? Tri::kTrue
             : Tri::kFalse;
}

// kTrue: no managed identity (identity absent or type None); kUnknown: not known offline.
Tri LacksIdentity(const Resource& profile) {
  const Value* identity = Member(profile.body, "identity");
  if (identity == nullptr || identity->is_null()) return Tri::kTrue;
  if (identity->is_unknown()) return Tri::kUnknown;
  const Value* type = Member(identity, "type");
  if (type == nullptr) return Tri::kTrue;
  if (type->is_unknown()) return Tri::kUnknown;
  return type->is_string() && EqualsIgnoreCase(type->string_value(), "None") ? Tri::kTrue
                                                                             : Tri::kFalse;
}

bool IsFrontDoor(const Resource& profile) {
  const Value* name = Member(Member(profile.body, "sku"), "name");
  return name != nullptr && name->is_string() &&
         ToLower(name->string_value()).find("azurefrontdoor") != std::string::npos;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  if (context.resources == nullptr) return;
  for (const Resource& profile : *context.resources) {
    if (profile.body == nullptr || !EqualsIgnoreCase(profile.type, kProfile) ||
        !IsFrontDoor(profile)) {
      continue;
    }
    const std::string prefix = ToLower(profile.name) + "/";
    Tri uses = Tri::kFalse;
    for (const Resource& secret : *context.resources) {
      if (secret.body == nullptr || !EqualsIgnoreCase(secret.type, kSecret)) continue;
      bool mine =
          profile.name_known && secret.name_known && ToLower(secret.name).starts_with(prefix);
      if (!mine && profile.name_known && secret.name_known) continue;
      Tri cert = IsCustomerCertificate(secret);
      if (!mine && cert == Tri::kTrue) cert = Tri::kUnknown;  // may be this profile's
      if (cert == Tri::kTrue) {
        uses = Tri::kTrue;
        break;
      }
      if (cert == Tri::kUnknown) uses = Tri::kUnknown;
    }
    if (uses == Tri::kFalse) continue;
    Tri lacks = LacksIdentity(profile);
    if (lacks == Tri::kFalse) continue;
    Hit hit;
    hit.rule = &rule;
    hit.resource = &profile;
    hit.outcome = (uses == Tri::kTrue && lacks == Tri::kTrue) ? Tri::kTrue : Tri::kUnknown;
    if (const Value* identity = Member(profile.body, "identity")) {
      hit.anchor = identity->anchor();
    }
    hit.message = hit.outcome == Tri::kTrue
                      ? "It serves a customer certificate from Key Vault (a CustomerCertificate "
                        "secret in this deployment)."
                      : "Whether it serves a customer certificate from Key Vault, or has a "
                        "managed identity, is not known offline.";
    out.push_back(std::move(hit));
  }
}

}  // namespace

extern const NativeCheck kFrontdoorManagedIdentity{
    "frontdoor-managed-identity", Run,
    "a Front Door profile with a CustomerCertificate secret in the deployment and no managed "
    "identity"};

}  // namespace armlint::internal
