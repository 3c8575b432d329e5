// The JSON report (--format json): DESIGN.md's "JSON report" contract, field for field.
#include <ostream>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "report/json_writer.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

namespace json = boost::json;

json::object FindingJson(const Finding& f) {
  json::object o;
  o["ruleId"] = f.rule_id;
  o["category"] = CategoryName(f.category);
  o["impact"] = ImpactName(f.impact);
  o["impactedField"] = f.impacted_field;
  o["impactedValue"] = f.impacted_value;
  o["resourceId"] = f.resource_id;
  json::object description;
  description["problem"] = f.problem;
  description["solution"] = f.solution;
  o["shortDescription"] = std::move(description);
  o["learnMoreLink"] = f.learn_more_link;
  o["outcome"] = OutcomeName(f.outcome);
  json::object location;
  location["file"] = f.location.file;
  location["line"] = f.location.line;
  location["column"] = f.location.column;
  location["pointer"] = f.location.pointer;
  o["location"] = std::move(location);
  // Only listed with --show-suppressed; absent otherwise so the contract's shape is unchanged.
  if (f.suppressed) {
    json::object suppression;
    suppression["justification"] = f.suppression_justification;
    o["suppression"] = std::move(suppression);
  }
  return o;
}

}  // namespace

absl::Status WriteJson(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  const ReportCounts counts = CountResult(result);
  json::object root;
  json::object tool;
  tool["name"] = "armlint";
  tool["version"] = ReportToolVersion();
  root["tool"] = std::move(tool);

  json::object summary;
  summary["files"] = counts.files;
  summary["resources"] = counts.resources;
  summary["findings"] = counts.findings;
  summary["errors"] = counts.errors;
  json::object by_category;
  for (Category c : kAllCategories) {
    by_category[CategoryName(c)] = counts.by_category[static_cast<int>(c)];
  }
  summary["byCategory"] = std::move(by_category);
  json::object by_impact;
  for (Impact i : kAllImpacts) by_impact[ImpactName(i)] = counts.by_impact[static_cast<int>(i)];
  summary["byImpact"] = std::move(by_impact);
  summary["unknown"] = counts.unknown;
  summary["suppressed"] = counts.suppressed;
  root["summary"] = std::move(summary);

  json::array findings;
  for (const Finding* f : ListedFindings(result, options)) findings.push_back(FindingJson(*f));
  root["findings"] = std::move(findings);

  json::array errors;
  for (const InputError& e : result.errors) {
    json::object o;
    o["file"] = e.location.file;
    o["line"] = e.location.line;
    o["column"] = e.location.column;
    o["message"] = e.message;
    errors.push_back(std::move(o));
  }
  root["errors"] = std::move(errors);

  WritePrettyJson(root, out);
  return absl::OkStatus();
}

}  // namespace armlint::internal
