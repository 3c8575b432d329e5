// The report writers, one per armlint::Format, and the helpers they share. format.cc dispatches.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"

#include "armlint/armlint.hpp"

namespace armlint::internal {

// Each writer renders `result` to `out`; output is a pure function of its arguments (SARIF also
// reads the working directory to make absolute paths relative). Stream failures are the
// caller's to check.
absl::Status WriteText(const LintResult& result, const ReportOptions& options, std::ostream& out);
absl::Status WriteJson(const LintResult& result, const ReportOptions& options, std::ostream& out);
absl::Status WriteSarif(const LintResult& result, const ReportOptions& options, std::ostream& out);
absl::Status WriteJunit(const LintResult& result, const ReportOptions& options, std::ostream& out);
absl::Status WriteMarkdown(const LintResult& result, const ReportOptions& options,
                           std::ostream& out);
absl::Status WriteGithub(const LintResult& result, const ReportOptions& options, std::ostream& out);
absl::Status WriteHtml(const LintResult& result, const ReportOptions& options, std::ostream& out);

// The tool's version, "X.Y.Z" (from the build, so that reports don't need the engine).
std::string_view ReportToolVersion();

// "fail" or "unknown", as the JSON report spells outcomes.
std::string_view OutcomeName(Outcome o);

// Counts shared by every format's summary. `findings` and the breakdowns count unsuppressed
// failing findings only: unknown outcomes and suppressed findings are counted apart, because
// they never fail a run.
struct ReportCounts {
  int files = 0;
  int resources = 0;
  int findings = 0;
  int unknown = 0;
  int suppressed = 0;
  int errors = 0;
  int unevaluated_deployments = 0;       // LintResult::unevaluated_deployments
  int baselined = 0;                     // findings the --baseline left out
  int baseline_fixed = 0;                // baseline entries no longer found
  int by_category[kCategoryCount] = {};  // indexed by Category
  int by_impact[kImpactCount] = {};      // indexed by Impact
};
ReportCounts CountResult(const LintResult& result);

// The findings a format lists: all but the suppressed ones unless options.show_suppressed.
std::vector<const Finding*> ListedFindings(const LintResult& result, const ReportOptions& options);

inline constexpr Category kAllCategories[] = {Category::kCost, Category::kSecurity,
                                              Category::kReliability, Category::kPerformance,
                                              Category::kOperationalExcellence};
inline constexpr Impact kAllImpacts[] = {Impact::kHigh, Impact::kMedium, Impact::kLow};

// "1 finding", "2 findings".
std::string Plural(int n, std::string_view noun);

}  // namespace armlint::internal
