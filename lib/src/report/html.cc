// The HTML portfolio report (--format html): not written yet, see issue 10.
#include "report/writers.h"

namespace armlint::internal {

absl::Status WriteHtml(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  (void)result;
  (void)options;
  (void)out;
  return absl::UnimplementedError("html report: see issue 10");
}

}  // namespace armlint::internal
