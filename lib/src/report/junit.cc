// The JUnit XML report (--format junit), in the subset Azure DevOps' PublishTestResults@2 and
// GitLab's artifacts:reports:junit read: testsuites > testsuite (one per file) > testcase (one
// per rule x resource with findings) > failure (message attribute + text).
// Files that were linted without findings have no name in a LintResult, so they are one passing
// testcase in a final "armlint" suite; input errors are <error> testcases in their file's suite.
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/strings/str_cat.h"

#include "report/escape.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

struct TestCase {
  std::string name;
  std::vector<const Finding*> findings;
  const InputError* error = nullptr;
};

struct Suite {
  std::vector<TestCase> cases;
  std::map<std::pair<std::string, std::string>, std::size_t> by_rule_resource;
};

std::string Position(const Location& loc) {
  std::string s = loc.file;
  if (loc.line > 0) absl::StrAppend(&s, ":", loc.line);
  if (loc.line > 0 && loc.column > 0) absl::StrAppend(&s, ":", loc.column);
  return s;
}

enum class CaseState { kPassed, kFailed, kSkipped, kError };

CaseState StateOf(const TestCase& tc) {
  if (tc.error != nullptr) return CaseState::kError;
  for (const Finding* f : tc.findings) {
    if (!f->suppressed && f->outcome == Outcome::kFail) return CaseState::kFailed;
  }
  return tc.findings.empty() ? CaseState::kPassed : CaseState::kSkipped;
}

void WriteCase(const std::string& file, const TestCase& tc, std::ostream& out) {
  out << "    <testcase name=\"" << XmlEscape(tc.name) << "\" classname=\"" << XmlEscape(file)
      << "\" file=\"" << XmlEscape(file) << "\" time=\"0\"";
  const CaseState state = StateOf(tc);
  if (state == CaseState::kPassed) {
    out << "/>\n";
    return;
  }
  out << ">\n";
  if (state == CaseState::kError) {
    out << "      <error message=\"" << XmlEscape(tc.error->message) << "\" type=\"InputError\">"
        << XmlEscape(absl::StrCat(Position(tc.error->location), ": error: ", tc.error->message))
        << "</error>\n";
  } else if (state == CaseState::kFailed) {
    // One <failure> per testcase (the readers show only the first); every location is in it.
    const Finding* first = nullptr;
    std::string body;
    for (const Finding* f : tc.findings) {
      if (f->suppressed || f->outcome != Outcome::kFail) continue;
      if (first == nullptr) first = f;
      absl::StrAppend(&body, Position(f->location), ": ", std::string(ImpactName(f->impact)), " ",
                      std::string(CategoryName(f->category)), " ", f->rule_id, ": ", f->problem,
                      "\n");
    }
    absl::StrAppend(&body, "Resource: ", first->impacted_value, " (", first->impacted_field, ")\n");
    if (!first->resource_id.empty())
      absl::StrAppend(&body, "Resource id: ", first->resource_id, "\n");
    if (!first->solution.empty()) absl::StrAppend(&body, "Solution: ", first->solution, "\n");
    if (!first->learn_more_link.empty()) {
      absl::StrAppend(&body, "Learn more: ", first->learn_more_link, "\n");
    }
    out << "      <failure message=\"" << XmlEscape(first->problem) << "\" type=\""
        << ImpactName(first->impact) << "\">" << XmlEscape(body) << "</failure>\n";
  } else {
    const Finding* f = tc.findings.front();
    std::string message = f->suppressed ? absl::StrCat("suppressed: ", f->suppression_justification)
                                        : absl::StrCat("outcome unknown: ", f->problem);
    out << "      <skipped message=\"" << XmlEscape(message) << "\"/>\n";
  }
  out << "    </testcase>\n";
}

}  // namespace

absl::Status WriteJunit(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  std::map<std::string, Suite> suites;  // by file, sorted
  for (const Finding* f : ListedFindings(result, options)) {
    Suite& suite = suites[f->location.file];
    const std::string& resource = f->impacted_value.empty() ? f->resource_id : f->impacted_value;
    auto [it, inserted] =
        suite.by_rule_resource.try_emplace({f->rule_id, resource}, suite.cases.size());
    if (inserted) suite.cases.push_back({absl::StrCat(f->rule_id, " ", resource), {}, nullptr});
    suite.cases[it->second].findings.push_back(f);
  }
  for (const InputError& e : result.errors) {
    suites[e.location.file].cases.push_back({"load", {}, &e});
  }

  int total_tests = 0, total_failures = 0, total_errors = 0, total_skipped = 0;
  std::string body;
  for (const auto& [file, suite] : suites) {
    int failures = 0, errors = 0, skipped = 0;
    for (const TestCase& tc : suite.cases) {
      switch (StateOf(tc)) {
        case CaseState::kFailed:
          ++failures;
          break;
        case CaseState::kError:
          ++errors;
          break;
        case CaseState::kSkipped:
          ++skipped;
          break;
        case CaseState::kPassed:
          break;
      }
    }
    std::ostringstream s;
    s << "  <testsuite name=\"" << XmlEscape(file) << "\" tests=\"" << suite.cases.size()
      << "\" failures=\"" << failures << "\" errors=\"" << errors << "\" skipped=\"" << skipped
      << "\" time=\"0\">\n";
    for (const TestCase& tc : suite.cases) WriteCase(file, tc, s);
    s << "  </testsuite>\n";
    body += s.str();
    total_tests += static_cast<int>(suite.cases.size());
    total_failures += failures;
    total_errors += errors;
    total_skipped += skipped;
  }
  // Files linted clean: the result counts them but does not name them.
  int files_with_cases = 0;
  for (const auto& [file, suite] : suites) {
    for (const TestCase& tc : suite.cases) {
      if (tc.error == nullptr) {
        ++files_with_cases;
        break;
      }
    }
  }
  const int clean_files = result.files - files_with_cases;
  if (clean_files > 0 || suites.empty()) {
    body += absl::StrCat(
        "  <testsuite name=\"armlint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" "
        "time=\"0\">\n    <testcase name=\"",
        XmlEscape(absl::StrCat(Plural(std::max(clean_files, 0), "file"), " without findings")),
        "\" classname=\"armlint\" time=\"0\"/>\n  </testsuite>\n");
    ++total_tests;
  }

  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"armlint\" tests=\"" << total_tests << "\" failures=\""
      << total_failures << "\" errors=\"" << total_errors << "\" skipped=\"" << total_skipped
      << "\" time=\"0\">\n"
      << body << "</testsuites>\n";
  return absl::OkStatus();
}

}  // namespace armlint::internal
