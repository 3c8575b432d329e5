// resource-type-version-exists: a resource whose type, or whose apiVersion for that type, Azure
// Resource Manager does not know: the deployment would be rejected ("NoRegisteredProviderFound",
// "InvalidResourceType", "NoRegisteredProviderFound for api version"). Known types and versions
// are the resource-type table's (knowledge/api_versions.h, from the schemas Bicep uses), which
// misses some that providers still register (Microsoft.Web/connections at 2018-07-01-preview,
// legacy types such as OperationalInsights workspaces/views). So a finding is certain only where
// the value cannot be right: a type of an unknown provider namespace or one edit or two from a
// known type, an API version that is not a date (YYYY-MM-DD, optionally -suffix) or lies in the
// future. Any other value missing from the table is an unknown outcome (--report-unknown).
// Findings suggest the nearest known spelling. Types and versions written as expressions are
// read as the expansion evaluated them; unknown values, and extension types written as
// "<parent type>/providers/<type>", are not judged.
#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "knowledge/api_versions.h"
#include "rules/checks/declared_resources.h"
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// Whether `v` is a well-formed API version for a resource to use on `today`: YYYY-MM-DD with a
// real date not after today, then nothing or "-" and letters ("-preview").
bool PlausibleVersion(std::string_view v, absl::CivilDay today) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return false;
  int y, m, d;
  if (!ParseInt(v.substr(0, 4), y) || !ParseInt(v.substr(5, 2), m) ||
      !ParseInt(v.substr(8, 2), d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return false;
  }
  absl::CivilDay day(y, m, d);
  if (day.month() != m || day.day() != d || day > today) return false;  // 2023-02-30, future
  if (v.size() == 10) return true;
  if (v[10] != '-' || v.size() == 11) return false;
  for (char c : v.substr(11)) {
    if (!absl::ascii_isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

Hit Finding(const Rule& rule, std::uint32_t pos, std::string message, bool certain) {
  Hit h = checks::MakeHit(rule, pos, std::move(message));
  if (!certain) h.outcome = Tri::kUnknown;
  return h;
}

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

// " (did you mean 'x'?)" or "".
std::string DidYouMean(std::string_view nearest) {
  return nearest.empty() ? "" : Cat(" (did you mean '", nearest, "'?)");
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  absl::Time now =
      context.now_unix_seconds != 0 ? absl::FromUnixSeconds(context.now_unix_seconds) : absl::Now();
  const absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
  // One finding per type (type and "") and per type and version in a file.
  checks::NamePairSet seen;
  for (const checks::DeclaredResource& d : checks::DeclaredResources(context, *tmpl)) {
    if (d.type.empty() || d.type_value == nullptr) continue;
    if (ContainsIgnoreCase(d.type, "/providers/")) continue;
    std::optional<ResourceTypeInfo> info = FindResourceType(d.type);
    if (!info) {
      if (!seen.insert({d.type, ""}).second) continue;
      std::string_view nearest = NearestResourceType(d.type);
      const std::string_view ns = d.type.substr(0, d.type.find('/'));
      const bool certain = !nearest.empty() || !IsKnownProviderNamespace(ns);
      out.push_back(Finding(rule, d.type_value->pos(),
                            Cat("resource type '", d.type, "' does not exist",
                                certain ? DidYouMean(nearest)
                                        : " in the published schemas (its provider may still "
                                          "register it)"),
                            certain));
      continue;
    }
    if (d.api_version == nullptr || d.version.empty() || info->HasVersion(d.version)) continue;
    if (!seen.insert({d.type, d.version}).second) continue;
    std::string_view nearest = info->NearestVersion(d.version);
    std::string_view newest = info->NewerGa("");
    const bool certain = !PlausibleVersion(d.version, today);
    out.push_back(Finding(
        rule, d.api_version->pos(),
        Cat("API version '", d.version, "' of ", info->name(), " does not exist",
            certain ? "" : " in the published schemas (its provider may still register it)",
            DidYouMean(nearest),
            newest.empty() || newest == nearest ? ""
                                                : Cat("; the newest GA version is '", newest, "'")),
        certain));
  }
}

}  // namespace

extern const NativeCheck kResourceTypeVersionExists{
    "resource-type-version-exists", Run,
    "a resource type, or an apiVersion of its type, that Azure Resource Manager does not know"};

}  // namespace armlint::internal
