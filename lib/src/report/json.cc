// The JSON report (--format json): DESIGN.md's "JSON report" contract, field for field. Written
// member by member as it is produced (PrettyJsonWriter), so that a report of tens of thousands
// of findings costs no document tree and no copies of their strings.
#include <algorithm>
#include <ostream>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "report/json_writer.h"
#include "report/score.h"
#include "report/writers.h"
#include "util/thread.h"

namespace armlint::internal {
namespace {

void WriteFinding(PrettyJsonWriter& w, const Finding& f) {
  w.BeginObject();
  w.Member("ruleId", f.rule_id);
  w.Member("category", CategoryName(f.category));
  w.Member("impact", ImpactName(f.impact));
  w.Member("impactedField", f.impacted_field);
  w.Member("impactedValue", f.impacted_value);
  w.Member("resourceId", f.resource_id);
  w.Key("shortDescription");
  w.BeginObject();
  w.Member("problem", f.problem);
  w.Member("solution", f.solution);
  w.EndObject();
  w.Member("learnMoreLink", f.learn_more_link);
  w.Member("outcome", OutcomeName(f.outcome));
  // Unknown outcomes: why the rule cannot decide (absent otherwise).
  if (f.outcome == Outcome::kUnknown && !f.unknown_reason.empty()) {
    w.Member("unknownReason", f.unknown_reason);
  }
  // Azure Policy findings only (absent otherwise, so built-in rule findings keep their shape).
  if (!f.effect.empty()) w.Member("effect", f.effect);
  if (f.policy) {
    w.Key("policy");
    w.BeginObject();
    w.Member("name", f.policy->name);
    w.Member("displayName", f.policy->display_name);
    w.Member("initiative", f.policy->initiative);
    w.EndObject();
  }
  w.Key("location");
  w.BeginObject();
  w.Member("file", f.location.file);
  w.Member("line", f.location.line);
  w.Member("column", f.location.column);
  w.Member("pointer", f.location.pointer);
  w.EndObject();
  // What the rule found there (as written), or that the property is absent; absent when unknown.
  if (!f.value.empty()) {
    w.Member("value", f.value);
  } else if (f.value_missing) {
    w.Member("valueMissing", true);
  }
  // Only listed with --show-suppressed; absent otherwise so the contract's shape is unchanged.
  if (f.suppressed) {
    w.Key("suppression");
    w.BeginObject();
    w.Member("justification", f.suppression_justification);
    w.EndObject();
  }
  if (!f.workload.empty()) w.Member("workload", f.workload);
  w.EndObject();
}

// The findings, rendered in contiguous pieces by up to `jobs` threads when there are many (a
// corpus run lists tens of thousands, and this is the one stage after linting that would
// otherwise run on one core), then written in order. The first piece is written by this thread
// straight into `w` (streamed as it goes): only the others are held as text until then, one
// piece fewer (megabytes in a corpus run).
void WriteFindings(PrettyJsonWriter& w, const std::vector<const Finding*>& listed, int jobs) {
  constexpr std::size_t kPerPiece = 2048;
  constexpr std::size_t kBytesPerFinding = 2048;  // ~700 in a corpus run; more is only reserved
  std::size_t pieces = (listed.size() + kPerPiece - 1) / kPerPiece;
  if (pieces > 1) {
    if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    pieces = std::min(static_cast<std::size_t>(jobs), pieces);
  }
  if (pieces <= 1) {
    for (const Finding* f : listed) WriteFinding(w, *f);
    return;
  }
  // Made before any piece is written to `w`: each continues the findings array after values.
  std::vector<PrettyJsonWriter> parts;
  for (std::size_t piece = 1; piece < pieces; ++piece) parts.push_back(w.Detached(true));
  std::vector<std::string> text(pieces);
  auto render = [&](std::size_t piece) {
    PrettyJsonWriter& part = piece == 0 ? w : parts[piece - 1];
    const std::size_t begin = listed.size() * piece / pieces;
    const std::size_t end = listed.size() * (piece + 1) / pieces;
    if (piece > 0) part.Reserve((end - begin) * kBytesPerFinding);
    for (std::size_t i = begin; i < end; ++i) WriteFinding(part, *listed[i]);
    if (piece > 0) text[piece] = std::move(part).Take();
  };
  std::vector<internal::Thread> threads;
  std::size_t piece = 1;
  try {
    for (; piece < pieces; ++piece) threads.emplace_back([&render, piece] { render(piece); });
  } catch (const std::system_error&) {
    for (; piece < pieces; ++piece) render(piece);  // out of threads: the rest on this one
  }
  render(0);
  for (internal::Thread& t : threads) t.join();
  for (std::size_t i = 1; i < pieces; ++i) {
    w.Append(text[i]);
    std::string().swap(text[i]);  // each piece freed once written
  }
}

void WriteScores(PrettyJsonWriter& w, std::string_view key, const Scores& s) {
  auto score = [&](std::string_view name, const std::optional<double>& v) {
    w.Key(name);
    if (std::optional<double> r = RoundedScore(v); r.has_value()) {
      w.Double(*r);
    } else {
      w.Null();
    }
  };
  w.Key(key);
  w.BeginObject();
  for (Category c : kAllCategories) score(CategoryName(c), s.category[static_cast<int>(c)]);
  score("overall", s.overall);
  w.EndObject();
}

// {"Security": {"High": {"assessed": 4, "failed": 1, "unknown": 0}, ...}, ...}: what the score
// is computed from, so that `armlint merge` can add reports up exactly. Cells with no assessment
// and pillars with none are left out (they are 0).
void WriteAssessments(PrettyJsonWriter& w, const Assessments& a) {
  w.Key("assessments");
  w.BeginObject();
  for (Category c : kAllCategories) {
    const int ci = static_cast<int>(c);
    bool any = false;
    for (Impact i : kAllImpacts) {
      const int ii = static_cast<int>(i);
      if (a.assessed[ci][ii] == 0 && a.unknown[ci][ii] == 0) continue;
      if (!any) {
        w.Key(CategoryName(c));
        w.BeginObject();
        any = true;
      }
      w.Key(ImpactName(i));
      w.BeginObject();
      w.Member("assessed", a.assessed[ci][ii]);
      w.Member("failed", a.failed[ci][ii]);
      w.Member("unknown", a.unknown[ci][ii]);
      w.EndObject();
    }
    if (any) w.EndObject();
  }
  w.EndObject();
}

void WriteWorkload(PrettyJsonWriter& w, const WorkloadRow& row) {
  w.BeginObject();
  w.Member("name", row.name);
  w.Member("files", row.files);
  w.Member("resources", row.resources);
  w.Key("findings");
  w.BeginObject();
  w.Member("total", row.findings);
  int impact_totals[kImpactCount] = {};
  w.Key("byCategory");
  w.BeginObject();
  for (Category c : kAllCategories) {
    int n = 0;
    for (int i = 0; i < kImpactCount; ++i) {
      n += row.by_cell[static_cast<int>(c)][i];
      impact_totals[i] += row.by_cell[static_cast<int>(c)][i];
    }
    w.Member(CategoryName(c), n);
  }
  w.EndObject();
  w.Key("byImpact");
  w.BeginObject();
  for (Impact i : kAllImpacts) w.Member(ImpactName(i), impact_totals[static_cast<int>(i)]);
  w.EndObject();
  w.EndObject();
  WriteScores(w, "score", row.scores);
  WriteAssessments(w, row.assessments);
  w.EndObject();
}

void WriteSummary(PrettyJsonWriter& w, const LintResult& result, const Portfolio& portfolio) {
  const ReportCounts counts = CountResult(result);
  w.Key("summary");
  w.BeginObject();
  w.Member("files", counts.files);
  w.Member("resources", counts.resources);
  w.Member("findings", counts.findings);
  w.Member("errors", counts.errors);
  w.Key("byCategory");
  w.BeginObject();
  for (Category c : kAllCategories) {
    w.Member(CategoryName(c), counts.by_category[static_cast<int>(c)]);
  }
  w.EndObject();
  w.Key("byImpact");
  w.BeginObject();
  for (Impact i : kAllImpacts) w.Member(ImpactName(i), counts.by_impact[static_cast<int>(i)]);
  w.EndObject();
  w.Member("unknown", counts.unknown);
  w.Member("suppressed", counts.suppressed);
  // Only when there are some, so reports without them keep their shape.
  if (counts.unevaluated_deployments > 0) {
    w.Member("unevaluatedDeployments", counts.unevaluated_deployments);
  }
  // With --baseline only, so reports without one keep their shape.
  if (counts.baselined > 0 || counts.baseline_fixed > 0) {
    w.Member("baselined", counts.baselined);
    w.Member("baselineFixed", counts.baseline_fixed);
  }
  WriteScores(w, "score", portfolio.scores);
  if (result.baseline_scores.has_value()) WriteScores(w, "baselineScore", *result.baseline_scores);
  w.EndObject();
}

}  // namespace

absl::Status WriteJson(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  PrettyJsonWriter w(out);
  w.BeginObject();
  w.Key("tool");
  w.BeginObject();
  w.Member("name", "armlint");
  w.Member("version", ReportToolVersion());
  w.EndObject();
  if (!result.label.empty()) w.Member("label", result.label);

  const Portfolio portfolio = BuildPortfolio(result);
  WriteSummary(w, result, portfolio);
  w.Key("workloads");
  w.BeginArray();
  for (const WorkloadRow& row : portfolio.workloads) WriteWorkload(w, row);
  w.EndArray();

  w.Key("findings");
  w.BeginArray();
  WriteFindings(w, ListedFindings(result, options), options.jobs);
  w.EndArray();

  w.Key("errors");
  w.BeginArray();
  for (const InputError& e : result.errors) {
    w.BeginObject();
    w.Member("file", e.location.file);
    w.Member("line", e.location.line);
    w.Member("column", e.location.column);
    w.Member("message", e.message);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.Finish();
  return absl::OkStatus();
}

}  // namespace armlint::internal
