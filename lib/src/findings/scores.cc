// Assessments and scores (README "Portfolio view"): what one file's assessments are, and the
// Advisor-style score of a set of them. The report formats only aggregate and print these.
#include "findings/scores.h"

#include <string>
#include <string_view>
#include <utility>

#include "absl/container/flat_hash_map.h"

#include "findings/findings.h"

namespace armlint {

void Assessments::Add(const Assessments& other) {
  for (int c = 0; c < kCategoryCount; ++c) {
    for (int i = 0; i < kImpactCount; ++i) {
      assessed[c][i] += other.assessed[c][i];
      failed[c][i] += other.failed[c][i];
      unknown[c][i] += other.unknown[c][i];
    }
  }
}

int Assessments::Total() const {
  int n = 0;
  for (const auto& row : assessed) {
    for (int v : row) n += v;
  }
  return n;
}

Scores ComputeScores(const Assessments& assessments) {
  Scores s;
  double sum = 0;
  int n = 0;
  for (int c = 0; c < kCategoryCount; ++c) {
    s.category[c] = internal::PillarScore(assessments, static_cast<Category>(c));
    if (s.category[c].has_value()) {
      sum += *s.category[c];
      ++n;
    }
  }
  if (n > 0) s.overall = sum / n;
  return s;
}

namespace internal {

std::optional<double> PillarScore(const Assessments& a, Category c) {
  const int ci = static_cast<int>(c);
  long long total = 0, healthy = 0;
  for (int i = 0; i < kImpactCount; ++i) {
    total += static_cast<long long>(kImpactWeight[i]) * a.assessed[ci][i];
    healthy += static_cast<long long>(kImpactWeight[i]) * (a.assessed[ci][i] - a.failed[ci][i]);
  }
  if (total == 0) return std::nullopt;
  return 100.0 * static_cast<double>(healthy) / static_cast<double>(total);
}

namespace {

// The state of one assessment (rule x resource, or native rule x template): healthy until a hit
// says otherwise; an unsuppressed failure beats unknown.
enum class AssessmentState { kHealthy, kUnknown, kFailed };

// A rule and the resource it assesses (null: the template, for native checks). The rule is
// named by where its id is kept: a made rule's own string (a hit's rule is made, and is the
// same object as in the applicable list), else its source's (RuleSet::Applicable); never two
// rules the same. The counts do not depend on the order states are visited in: a hash map,
// one allocation per growth.
using AssessmentKey = std::pair<const char*, const Resource*>;
struct Assessment {
  std::string_view id;
  Category category = Category::kSecurity;
  Impact impact = Impact::kMedium;
  AssessmentState state = AssessmentState::kHealthy;
};

}  // namespace

void AssessFile(const RuleSet& rules, const Config* config, const std::vector<Resource>& resources,
                bool is_template, const std::vector<Hit>& hits,
                const std::vector<std::optional<Finding>>& made, Assessments& out) {
  absl::flat_hash_map<AssessmentKey, Assessment> states;
  std::vector<RuleSet::Applicable> applicable;
  for (const Resource& r : resources) {
    applicable.clear();
    rules.ApplicableRules(r, applicable);
    for (const RuleSet::Applicable& a : applicable) {
      states.emplace(AssessmentKey{a.id.data(), &r}, Assessment{a.id, a.category, a.impact});
    }
  }
  if (is_template) {
    for (const Rule* rule : rules.NativeRules()) {
      states.emplace(AssessmentKey{rule->id.data(), nullptr},
                     Assessment{rule->id, rule->category, rule->impact});
    }
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (!made[i].has_value()) continue;  // the config turns the rule off, or no violation
    const Hit& hit = hits[i];
    AssessmentKey key{hit.rule->id.data(), hit.rule->check.empty() ? hit.resource : nullptr};
    Assessment& a =
        states.try_emplace(key, Assessment{hit.rule->id, hit.rule->category, hit.rule->impact})
            .first->second;
    if (made[i]->suppressed) continue;  // suppressed findings count as healthy
    AssessmentState now =
        made[i]->outcome == Outcome::kFail ? AssessmentState::kFailed : AssessmentState::kUnknown;
    if (static_cast<int>(now) > static_cast<int>(a.state)) a.state = now;
  }
  for (const auto& [key, a] : states) {
    if (!ConfigKeepsRule(config, a.id, a.category)) continue;
    Impact impact = a.impact;
    if (config != nullptr && !config->impact.empty()) {
      if (auto it = config->impact.find(std::string(a.id)); it != config->impact.end()) {
        impact = it->second;
      }
    }
    const int c = static_cast<int>(a.category), i = static_cast<int>(impact);
    if (a.state == AssessmentState::kUnknown) {
      ++out.unknown[c][i];
      continue;
    }
    ++out.assessed[c][i];
    if (a.state == AssessmentState::kFailed) ++out.failed[c][i];
  }
}

}  // namespace internal
}  // namespace armlint
