// The portfolio view shared by the report formats: workloads with their files, resources,
// findings and scores, and the portfolio's scores (README "Portfolio view").
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "armlint/armlint.hpp"

namespace armlint::internal {

struct WorkloadRow {
  std::string name;
  int files = 0;
  int resources = 0;
  int findings = 0;                                // unsuppressed failing findings reported
  int by_cell[kCategoryCount][kImpactCount] = {};  // those findings by [Category][Impact]
  Assessments assessments;
  Scores scores;
};

struct Portfolio {
  std::vector<WorkloadRow> workloads;  // sorted by name
  Assessments assessments;             // all workloads
  Scores scores;
  bool empty() const { return workloads.empty(); }
};

Portfolio BuildPortfolio(const LintResult& result);

// A score rounded to a whole percent, "72 %", or "-" when there is none.
std::string ScoreText(const std::optional<double>& score);
// The score rounded to one decimal, for JSON (nullopt stays null).
std::optional<double> RoundedScore(const std::optional<double>& score);
// "72 % -> 78 %" with a baseline, else "78 %".
std::string ScoreWithChange(const std::optional<Scores>& baseline, const Scores& now, int category);

// The pillars x workloads table of the text and markdown reports: a header row ("Workload",
// the pillars, "Overall"), one row per workload, then "(portfolio)"; cells "72 %" or "-". With
// baseline scores the portfolio row shows "72 % -> 78 %". Strings are raw (callers escape).
std::vector<std::vector<std::string>> ScoreTable(const Portfolio& p,
                                                 const std::optional<Scores>& baseline);

// The short pillar names used in tables ("OpEx" for OperationalExcellence).
std::string_view ShortCategoryName(Category c);

}  // namespace armlint::internal
