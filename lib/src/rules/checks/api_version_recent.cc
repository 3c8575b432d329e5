// api-version-recent: a resource apiVersion dated more than N months (default 24, option
// rules.options.api-version-recent.maxAgeMonths) before today while a newer generally available
// version of its type exists (arm-ttk "apiVersions Should Be Recent"). The newest GA version of
// a type is never reported, however old (a DNS zone at 2018-05-01), nor is a type with no GA
// version at all; which versions exist is the resource-type table's (knowledge/api_versions.h).
// An apiVersion written as an expression is read as the expansion evaluated it. A type or
// version that does not exist is resource-type-version-exists's.
#include "absl/container/flat_hash_set.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "knowledge/api_versions.h"
#include "rules/checks/declared_resources.h"
#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// The date an API version string starts with, if it does.
std::optional<absl::CivilDay> ApiVersionDate(std::string_view v) {
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return std::nullopt;
  int y, m, d;
  if (!ParseInt(v.substr(0, 4), y) || !ParseInt(v.substr(5, 2), m) ||
      !ParseInt(v.substr(8, 2), d) || m < 1 || m > 12 || d < 1 || d > 31) {
    return std::nullopt;
  }
  if (v.size() > 10 && v[10] != '-') return std::nullopt;
  return absl::CivilDay(y, m, d);
}

struct Options : CheckOptions {
  int max_age_months = 24;
};

absl::StatusOr<std::shared_ptr<const CheckOptions>> ParseOptions(CheckOptionsReader& reader) {
  auto o = std::make_shared<Options>();
  // apiVersionMaxAgeMonths: the flat name before options were per rule (deprecated).
  ARMLINT_RETURN_IF_ERROR(
      reader.Int("maxAgeMonths", 1, 240, o->max_age_months, "apiVersionMaxAgeMonths"));
  return o;
}

void Run(const CheckContext& context, const Rule& rule, std::vector<Hit>& out) {
  const Value* tmpl = checks::TemplateRoot(context);
  if (tmpl == nullptr) return;
  absl::Time now =
      context.now_unix_seconds != 0 ? absl::FromUnixSeconds(context.now_unix_seconds) : absl::Now();
  absl::CivilDay today = absl::ToCivilDay(now, absl::UTCTimeZone());
  const int months = context.OptionsFor<Options>(rule).max_age_months;
  // One finding per type and version in a file: Bicep repeats a module's resource in every
  // nested deployment that uses it, and one change fixes them all.
  checks::NamePairSet seen;
  for (const checks::DeclaredResource& d : checks::DeclaredResources(context, *tmpl)) {
    if (d.api_version == nullptr || d.type.empty() || d.version.empty()) continue;
    // The deployment resource's version does not change what it deploys.
    if (EqualsIgnoreCase(d.type, "Microsoft.Resources/deployments")) continue;
    std::optional<absl::CivilDay> date = ApiVersionDate(d.version);
    if (!date) continue;
    // CivilDay normalises month overflow: 2019-06-01 + 24 months = 2021-06-01.
    absl::CivilDay limit(date->year(), date->month() + months, date->day());
    if (!(limit < today)) continue;
    std::optional<ResourceTypeInfo> info = FindResourceType(d.type);
    if (!info || !info->HasVersion(d.version)) continue;  // resource-type-version-exists
    std::string_view newer = info->NewerGa(d.version);
    if (newer.empty()) continue;  // as recent as the type allows
    if (!seen.insert({d.type, d.version}).second) continue;
    out.push_back(checks::MakeHit(
        rule, d.api_version->pos(),
        Cat("apiVersion '", d.version, "' is more than ", months,
            " months old; the newest GA version of ", info->name(), " is '", newer, "'")));
  }
}

}  // namespace

extern const NativeCheck kApiVersionRecent{
    "api-version-recent", Run,
    "a resource apiVersion older than rules.options.api-version-recent.maxAgeMonths (24) while "
    "a newer GA version of its type exists",
    ParseOptions};

}  // namespace armlint::internal
