// Workloads and scores: which workload a linted file belongs to, the assessments it had, and the
// Advisor-style score of a set of assessments (README "Portfolio view").
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "armlint/armlint.hpp"
#include "findings/config.h"

namespace armlint::internal {

// Impact weights of the score: High 3, Medium 2, Low 1 (indexed by Impact).
inline constexpr int kImpactWeight[kImpactCount] = {3, 2, 1};

// The score of one pillar: 100 * sum(w * (assessed - failed)) / sum(w * assessed) over the
// impacts, nullopt when nothing was assessed.
std::optional<double> PillarScore(const Assessments& a, Category c);

// The workload named by `config`'s "workloads" globs for `path` (relative to the config's folder),
// or "" when none matches (or there is no config).
std::string ConfigWorkload(const Config* config, const std::string& path);

// The default workload of `file`, found under the linted path `root` (as given): the first folder
// below `root` when `file` is deeper than that, else the name of `root` (a directory) or of the
// folder holding `root` (a file).
std::string DefaultWorkload(const std::string& root, const std::string& file);

}  // namespace armlint::internal
