// Aggregation of per-file summaries into workloads and the portfolio.
#include "report/score.h"

#include <cmath>
#include <map>

#include "absl/strings/str_cat.h"

namespace armlint::internal {

Portfolio BuildPortfolio(const LintResult& result) {
  std::map<std::string, WorkloadRow> rows;
  for (const FileSummary& f : result.files_linted) {
    WorkloadRow& row = rows[f.workload];
    row.name = f.workload;
    row.files += f.files;
    row.resources += f.resources;
    row.assessments.Add(f.assessments);
  }
  for (const Finding& f : result.findings) {
    if (f.suppressed || f.outcome != Outcome::kFail) continue;
    auto it = rows.find(f.workload);
    if (it == rows.end()) continue;
    ++it->second.findings;
    ++it->second.by_cell[static_cast<int>(f.category)][static_cast<int>(f.impact)];
  }
  Portfolio p;
  for (auto& [name, row] : rows) {
    row.scores = ComputeScores(row.assessments);
    p.assessments.Add(row.assessments);
    p.workloads.push_back(std::move(row));
  }
  p.scores = ComputeScores(p.assessments);
  return p;
}

std::string ScoreText(const std::optional<double>& score) {
  if (!score.has_value()) return "-";
  return absl::StrCat(static_cast<int>(std::floor(*score + 0.5)), " %");
}

std::optional<double> RoundedScore(const std::optional<double>& score) {
  if (!score.has_value()) return std::nullopt;
  return std::round(*score * 10) / 10;
}

std::string ScoreWithChange(const std::optional<Scores>& baseline, const Scores& now,
                            int category) {
  const std::optional<double>& current = category < 0 ? now.overall : now.category[category];
  if (!baseline.has_value()) return ScoreText(current);
  const std::optional<double>& before =
      category < 0 ? baseline->overall : baseline->category[category];
  return absl::StrCat(ScoreText(before), " -> ", ScoreText(current));
}

std::vector<std::vector<std::string>> ScoreTable(const Portfolio& p,
                                                 const std::optional<Scores>& baseline) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> header{"Workload"};
  for (Category c : {Category::kCost, Category::kSecurity, Category::kReliability,
                     Category::kPerformance, Category::kOperationalExcellence}) {
    header.emplace_back(ShortCategoryName(c));
  }
  header.emplace_back("Overall");
  rows.push_back(std::move(header));
  for (const WorkloadRow& w : p.workloads) {
    std::vector<std::string> row{w.name};
    for (int c = 0; c < kCategoryCount; ++c) row.push_back(ScoreText(w.scores.category[c]));
    row.push_back(ScoreText(w.scores.overall));
    rows.push_back(std::move(row));
  }
  std::vector<std::string> total{"(portfolio)"};
  for (int c = 0; c < kCategoryCount; ++c) total.push_back(ScoreWithChange(baseline, p.scores, c));
  total.push_back(ScoreWithChange(baseline, p.scores, -1));
  rows.push_back(std::move(total));
  return rows;
}

std::string_view ShortCategoryName(Category c) {
  return c == Category::kOperationalExcellence ? std::string_view("OpEx") : CategoryName(c);
}

}  // namespace armlint::internal
