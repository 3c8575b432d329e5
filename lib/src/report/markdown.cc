// The Markdown report (--format markdown) for pull-request comments and $GITHUB_STEP_SUMMARY:
// a headline, a category x impact table and a findings table. Every template-supplied string
// is escaped so that it renders as text (no links, HTML or broken tables from a resource name).
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"

#include "report/escape.h"
#include "report/score.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

std::string Where(const Location& loc) {
  std::string s = loc.file;
  if (loc.line > 0) absl::StrAppend(&s, ":", loc.line);
  return MarkdownEscape(s);
}

}  // namespace

absl::Status WriteMarkdown(const LintResult& result, const ReportOptions& options,
                           std::ostream& out) {
  const ReportCounts c = CountResult(result);
  out << "## armlint\n\n";
  out << "**" << Plural(c.findings, "finding") << "** (" << c.by_impact[0] << " high, "
      << c.by_impact[1] << " medium, " << c.by_impact[2] << " low) in " << Plural(c.files, "file")
      << ", " << Plural(c.resources, "resource") << "; " << Plural(c.errors, "error");
  if (c.unknown > 0) out << "; " << c.unknown << " unknown";
  if (c.suppressed > 0) out << "; " << c.suppressed << " suppressed";
  if (c.baselined > 0 || c.baseline_fixed > 0) {
    out << "; " << c.baselined << " in the baseline, " << c.baseline_fixed << " fixed since";
  }
  out << "\n\n";

  out << "| Category | High | Medium | Low | Total |\n";
  out << "| --- | ---: | ---: | ---: | ---: |\n";
  int by_cell[kCategoryCount][kImpactCount] = {};
  for (const Finding& f : result.findings) {
    if (f.suppressed || f.outcome != Outcome::kFail) continue;
    ++by_cell[static_cast<int>(f.category)][static_cast<int>(f.impact)];
  }
  for (Category cat : kAllCategories) {
    const int ci = static_cast<int>(cat);
    out << "| " << CategoryName(cat) << " | " << by_cell[ci][0] << " | " << by_cell[ci][1] << " | "
        << by_cell[ci][2] << " | " << c.by_category[ci] << " |\n";
  }
  out << "| **Total** | **" << c.by_impact[0] << "** | **" << c.by_impact[1] << "** | **"
      << c.by_impact[2] << "** | **" << c.findings << "** |\n";

  if (const Portfolio p = BuildPortfolio(result); !p.empty()) {
    out << "\n### Score\n\n";
    const std::vector<std::vector<std::string>> table = ScoreTable(p, result.baseline_scores);
    for (std::size_t r = 0; r < table.size(); ++r) {
      out << "|";
      for (std::size_t i = 0; i < table[r].size(); ++i) {
        std::string cell = MarkdownEscape(table[r][i]);
        if (r + 1 == table.size()) cell = absl::StrCat("**", cell, "**");
        out << " " << cell << " |";
      }
      out << "\n";
      if (r == 0) {
        out << "| --- |";
        for (std::size_t i = 1; i < table[r].size(); ++i) out << " ---: |";
        out << "\n";
      }
    }
  }

  const std::vector<const Finding*> findings = ListedFindings(result, options);
  if (!findings.empty()) {
    out << "\n### Findings\n\n";
    out << "| Location | Impact | Rule | Resource | Problem |\n";
    out << "| --- | --- | --- | --- | --- |\n";
    for (const Finding* f : findings) {
      std::string rule = MarkdownEscape(f->rule_id);
      if (!f->learn_more_link.empty()) {
        rule = absl::StrCat("[", rule, "](", MarkdownLinkTarget(f->learn_more_link), ")");
      }
      std::string problem = MarkdownEscape(f->problem);
      if (f->outcome == Outcome::kUnknown) problem = absl::StrCat("_(unknown outcome)_ ", problem);
      if (f->suppressed) {
        problem = absl::StrCat("_(suppressed: ", MarkdownEscape(f->suppression_justification),
                               ")_ ", problem);
      }
      out << "| " << Where(f->location) << " | " << ImpactName(f->impact) << " | " << rule << " | "
          << MarkdownEscape(f->impacted_value) << " | " << problem << " |\n";
    }
  }
  if (!result.errors.empty()) {
    out << "\n### Errors\n\n";
    out << "| Location | Message |\n";
    out << "| --- | --- |\n";
    for (const InputError& e : result.errors) {
      std::string where = e.location.file;
      if (e.location.line > 0) absl::StrAppend(&where, ":", e.location.line);
      if (e.location.line > 0 && e.location.column > 0) {
        absl::StrAppend(&where, ":", e.location.column);
      }
      out << "| " << MarkdownEscape(where) << " | " << MarkdownEscape(e.message) << " |\n";
    }
  }
  return absl::OkStatus();
}

}  // namespace armlint::internal
