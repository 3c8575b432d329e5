// The JSON report (--format json): DESIGN.md's "JSON report" contract, field for field.
#include <ostream>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "report/json_writer.h"
#include "report/score.h"
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
  if (!f.workload.empty()) o["workload"] = f.workload;
  return o;
}

json::value ScoreValue(const std::optional<double>& v) {
  std::optional<double> r = RoundedScore(v);
  if (!r.has_value()) return nullptr;
  return *r;
}

json::object ScoresJson(const Scores& s) {
  json::object o;
  for (Category c : kAllCategories)
    o[CategoryName(c)] = ScoreValue(s.category[static_cast<int>(c)]);
  o["overall"] = ScoreValue(s.overall);
  return o;
}

// {"Security": {"High": {"assessed": 4, "failed": 1, "unknown": 0}, ...}, ...}: what the score
// is computed from, so that `armlint merge` can add reports up exactly. Cells with no assessment
// and pillars with none are left out (they are 0).
json::object AssessmentsJson(const Assessments& a) {
  json::object o;
  for (Category c : kAllCategories) {
    json::object by_impact;
    const int ci = static_cast<int>(c);
    for (Impact i : kAllImpacts) {
      const int ii = static_cast<int>(i);
      if (a.assessed[ci][ii] == 0 && a.unknown[ci][ii] == 0) continue;
      json::object cell;
      cell["assessed"] = a.assessed[ci][ii];
      cell["failed"] = a.failed[ci][ii];
      cell["unknown"] = a.unknown[ci][ii];
      by_impact[ImpactName(i)] = std::move(cell);
    }
    if (!by_impact.empty()) o[CategoryName(c)] = std::move(by_impact);
  }
  return o;
}

json::object WorkloadJson(const WorkloadRow& w) {
  json::object o;
  o["name"] = w.name;
  o["files"] = w.files;
  o["resources"] = w.resources;
  json::object findings;
  findings["total"] = w.findings;
  json::object by_category, by_impact;
  int impact_totals[3] = {};
  for (Category c : kAllCategories) {
    int n = 0;
    for (int i = 0; i < 3; ++i) {
      n += w.by_cell[static_cast<int>(c)][i];
      impact_totals[i] += w.by_cell[static_cast<int>(c)][i];
    }
    by_category[CategoryName(c)] = n;
  }
  for (Impact i : kAllImpacts) by_impact[ImpactName(i)] = impact_totals[static_cast<int>(i)];
  findings["byCategory"] = std::move(by_category);
  findings["byImpact"] = std::move(by_impact);
  o["findings"] = std::move(findings);
  o["score"] = ScoresJson(w.scores);
  o["assessments"] = AssessmentsJson(w.assessments);
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
  // With --baseline only, so reports without one keep their shape.
  if (counts.baselined > 0 || counts.baseline_fixed > 0) {
    summary["baselined"] = counts.baselined;
    summary["baselineFixed"] = counts.baseline_fixed;
  }
  const Portfolio portfolio = BuildPortfolio(result);
  summary["score"] = ScoresJson(portfolio.scores);
  if (result.baseline_scores.has_value()) {
    summary["baselineScore"] = ScoresJson(*result.baseline_scores);
  }
  root["summary"] = std::move(summary);
  json::array workloads;
  for (const WorkloadRow& w : portfolio.workloads) workloads.push_back(WorkloadJson(w));
  root["workloads"] = std::move(workloads);

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
