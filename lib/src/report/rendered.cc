// Findings rendered ahead of their report: the hash that tells whether a rendering still holds.
#include "report/rendered.h"

#include "absl/hash/hash.h"

namespace armlint::internal {

std::uint64_t RenderedHash(const Finding& f) {
  static const PolicyRef kNoPolicy;
  const PolicyRef& p = f.policy ? *f.policy : kNoPolicy;
  return absl::HashOf(f.rule_id, f.category, f.impact, f.impacted_field, f.impacted_value,
                      f.resource_id, f.problem, f.solution, f.learn_more_link, f.outcome,
                      f.unknown_reason, f.effect, f.policy.has_value(), p.name, p.display_name,
                      p.initiative, f.location.file, f.location.line, f.location.column,
                      f.location.pointer, f.value, f.value_missing, f.suppressed,
                      f.suppression_justification, f.workload);
}

std::optional<std::string_view> RenderedText(const RenderedFindings& rendered, std::size_t index,
                                             const Finding& f) {
  if (index >= rendered.spans.size()) return std::nullopt;
  const RenderedSpan& s = rendered.spans[index];
  if (s.text >= rendered.texts.size() || s.hash != RenderedHash(f)) return std::nullopt;
  const std::string& text = rendered.texts[s.text];
  if (s.begin > text.size() || s.size > text.size() - s.begin) return std::nullopt;
  return std::string_view(text).substr(s.begin, s.size);
}

}  // namespace armlint::internal
