// Assessments and scores (README "Portfolio view"). An assessment is one rule applied to one
// resource whose type it targets (a condition rule), or one native check applied to one
// template; its outcome is healthy, failing or unknown. A pillar's score is the impact-weighted
// share of its healthy assessments. Everything that counts or weighs assessments is here; the
// report formats aggregate them by workload (report/score.h) and print them.
#pragma once

#include <optional>
#include <vector>

#include "armlint/armlint.hpp"
#include "findings/config.h"
#include "resources/resource.h"
#include "rules/rule_set.h"

namespace armlint::internal {

// Impact weights of the score: High 3, Medium 2, Low 1 (indexed by Impact).
inline constexpr int kImpactWeight[kImpactCount] = {3, 2, 1};

// The score of one pillar: 100 * sum(w * (assessed - failed)) / sum(w * assessed) over the
// impacts, nullopt when nothing was assessed. (armlint::ComputeScores scores every pillar.)
std::optional<double> PillarScore(const Assessments& a, Category c);

// Adds one file's assessments to `out`: each rule of `rules` applicable to each of `resources`,
// and each native rule once for a template. `hits` are the rule hits and `made[i]` the finding
// made of hits[i] (none: the config turns the rule off, or no violation). A suppressed finding
// is healthy; an unsuppressed failure beats unknown. Rules the config turns off are not
// assessed; the config's impact overrides apply.
void AssessFile(const RuleSet& rules, const Config* config, const std::vector<Resource>& resources,
                bool is_template, const std::vector<Hit>& hits,
                const std::vector<std::optional<Finding>>& made, Assessments& out);

}  // namespace armlint::internal
