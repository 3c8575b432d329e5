// api-version-recent: a resource apiVersion dated more than N months (default 24, option
// rules.options.api-version-recent.maxAgeMonths) before today (arm-ttk "apiVersions Should Be
// Recent"). An API version string starts with its release date,
// "2019-06-01" or "2021-04-01-preview", which is all the table this check needs.
#include "absl/container/flat_hash_set.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/civil_time.h"
#include "absl/time/clock.h"
#include "absl/time/time.h"

#include "rules/checks/template_util.h"
#include "rules/native_checks.h"
#include "rules/str.h"
#include "util/status_macros.h"
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

// Types whose newest generally available API version is itself older than the usual threshold:
// using that version is as recent as the type allows (checked against the ARM template
// reference, learn.microsoft.com/azure/templates/<provider>/<type>, in 2026).
struct NewestKnown {
  std::string_view type;
  std::string_view version;
};
constexpr NewestKnown kNewestKnown[] = {
    {"Microsoft.Authorization/locks", "2020-05-01"},
    {"Microsoft.Authorization/roleAssignments", "2022-04-01"},
    {"Microsoft.Authorization/roleDefinitions", "2022-04-01"},
    {"Microsoft.Insights/diagnosticSettings", "2021-05-01-preview"},
};

bool IsNewestKnown(std::string_view type, std::string_view version) {
  for (const NewestKnown& k : kNewestKnown) {
    if (EqualsIgnoreCase(type, k.type)) return version >= k.version;
  }
  return false;
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
  int months = context.OptionsFor<Options>(rule).max_age_months;
  // One finding per type and version in a file: Bicep repeats a module's resource in every
  // nested deployment that uses it, and one change fixes them all.
  absl::flat_hash_set<std::string> seen;
  checks::ForEachResource(*tmpl, [&](const Value& res) {
    const Value* api = res.Find("apiVersion");
    if (api == nullptr || !api->is_string()) return;
    const Value* type = res.Find("type");
    std::string_view type_name = type && type->is_string() ? type->string_value() : "";
    // The deployment resource's version does not change what it deploys.
    if (EqualsIgnoreCase(type_name, "Microsoft.Resources/deployments")) return;
    if (IsNewestKnown(type_name, api->string_value())) return;
    if (!seen.insert(ToLower(Cat(type_name, "@", api->string_value()))).second) return;
    std::optional<absl::CivilDay> date = ApiVersionDate(api->string_value());
    if (!date) return;
    // CivilDay normalises month overflow: 2019-06-01 + 24 months = 2021-06-01.
    absl::CivilDay limit(date->year(), date->month() + months, date->day());
    if (limit < today) {
      out.push_back(checks::MakeHit(
          rule, api->pos(),
          Cat("apiVersion '", api->string_value(), "' is more than ", months, " months old")));
    }
  });
}

}  // namespace

extern const NativeCheck kApiVersionRecent{
    "api-version-recent", Run,
    "a resource apiVersion older than rules.options.api-version-recent.maxAgeMonths (24)",
    ParseOptions};

}  // namespace armlint::internal
