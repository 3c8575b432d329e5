// Hit -> Finding conversion and ordering.
#include "findings/findings.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/str_cat.h"

namespace armlint::internal {

Location LocateAnchor(const LintUnit& unit, Anchor at) {
  const Document* doc = unit.doc;
  if (at.source == 1 && unit.parameters != nullptr) doc = unit.parameters;
  Location loc;
  loc.file = doc->path();
  if (!at.known()) return loc;
  SourceLocation s = doc->Locate(at.pos);
  loc.line = s.line;
  loc.column = s.column;
  loc.pointer = std::move(s.pointer);
  return loc;
}

void AppendFindings(const std::vector<Hit>& hits, const LintUnit& unit, bool report_unknown,
                    std::vector<Finding>& out) {
  for (const Hit& hit : hits) {
    if (hit.outcome == Tri::kFalse) continue;
    if (hit.outcome == Tri::kUnknown && !report_unknown) continue;
    const Rule& rule = *hit.rule;
    Finding f;
    f.rule_id = rule.id;
    f.category = rule.category;
    f.impact = rule.impact;
    f.problem = hit.message.empty() ? rule.problem : absl::StrCat(rule.problem, " ", hit.message);
    f.solution = rule.solution;
    f.learn_more_link = rule.learn_more_link;
    f.outcome = hit.outcome == Tri::kTrue ? Outcome::kFail : Outcome::kUnknown;
    Anchor at = hit.anchor;
    if (!at.known() && hit.resource != nullptr) at = hit.resource->anchor;
    f.location = LocateAnchor(unit, at);
    if (hit.resource != nullptr) {
      const Resource& r = *hit.resource;
      f.impacted_field = r.type;
      f.impacted_value = r.name;
      if (!r.id.empty()) {
        f.resource_id = r.id;
      } else {
        f.resource_id = absl::StrCat(unit.doc->path(), "#", unit.doc->PointerAt(r.anchor.pos));
      }
    } else {
      f.impacted_field = "template";
      f.impacted_value = f.location.pointer;
      f.resource_id = absl::StrCat(f.location.file, "#", f.location.pointer);
    }
    out.push_back(std::move(f));
  }
}

void SortFindings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.rule_id, a.resource_id) <
           std::tie(b.location.file, b.location.line, b.location.column, b.rule_id, b.resource_id);
  });
}

::armlint::InputError ToInputError(const absl::Status& status, const std::string& file) {
  ::armlint::InputError e;
  e.message = std::string(status.message());
  if (std::optional<SourceLocation> at = GetSourceLocation(status)) {
    e.location.file = at->file.empty() ? file : at->file;
    e.location.line = at->line;
    e.location.column = at->column;
    e.location.pointer = at->pointer;
  } else {
    e.location.file = file;
  }
  return e;
}

}  // namespace armlint::internal
