// Turns rule hits into Advisor-shaped findings with file:line:col, and orders them.
#pragma once

#include <optional>
#include <span>
#include <vector>

#include "armlint/armlint.hpp"
#include "findings/config.h"
#include "findings/suppressions.h"
#include "json/document.h"
#include "rules/rule_set.h"

namespace armlint::internal {

// The documents one lint unit's anchors refer to: source 0 the linted file, 1 its parameters.
struct LintUnit {
  const Document* doc = nullptr;
  const Document* parameters = nullptr;
  // The file's resources: findings without a resource are named after the one declared at
  // their location.
  std::span<const Resource> resources;
};

// The document an anchor points into.
const Document* LocatedIn(const LintUnit& unit, Anchor at);

// The location of an anchor in its document (line 0 when the anchor is unknown).
Location LocateAnchor(const LintUnit& unit, Anchor at);

// What the configuration and the file's directives do to findings (both may be null).
struct FindingPolicy {
  bool report_unknown = false;
  // With report_unknown: an unknown outcome's finding is made only as far as assessments read
  // it (outcome, rule id, category, impact, suppressed), as it is dropped afterwards.
  bool unknown_for_assessment_only = false;
  const Config* config = nullptr;
  const Suppressor* suppressor = nullptr;
};

// The finding of each hit, aligned with `hits`: none for a hit that is no violation, an
// unknown outcome unless `report_unknown`, or a rule the config turns off. Impacts are
// overridden, suppressions applied, fingerprints computed.
std::vector<std::optional<Finding>> MakeFindings(const std::vector<Hit>& hits, const LintUnit& unit,
                                                 const FindingPolicy& policy);

// The identity of the template resource declared at `pointer` in `doc`, for fingerprints: the
// pointer with each index into a `resources` array replaced by that declaration's type and name
// as written ("/resources/{Microsoft.Storage/storageAccounts [parameters('name')]}"); symbolic
// names (languageVersion 2.0) stay as they are. A copy-loop instance adds its `instance_name`.
std::string ResourceIdentity(const Document& doc, std::string_view pointer,
                             std::string_view instance_name);

// Whether the config keeps `rule` (enable / disable / disableCategories).
bool ConfigKeepsRule(const Config* config, const Rule& rule);
bool ConfigKeepsRule(const Config* config, std::string_view id, Category category);

// Sorts by file, line, column, rule id (then resource, for a total order).
void SortFindings(std::vector<Finding>& findings);

// Sorts input errors by file, line, column and message, so that reports (and merged shard
// reports) list them in one order whatever order the files were linted in.
void SortErrors(std::vector<::armlint::InputError>& errors);

// Converts a Status (InputError or not) into a report error entry for `file`.
::armlint::InputError ToInputError(const absl::Status& status, const std::string& file);

}  // namespace armlint::internal
