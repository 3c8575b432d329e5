// The Markdown report (--format markdown) for pull-request comments and $GITHUB_STEP_SUMMARY:
// a headline, a category x impact table, the scores, High and Medium findings in full (with the
// fix), Low findings counted per rule, errors. The whole comment stays within GitHub's limit
// (kMarkdownCommentLimit): rows that would pass it are counted instead, and the report says
// where the full list is. Every template-supplied string is escaped so that it renders as text
// (no links, HTML or broken tables from a resource name).
#include <algorithm>
#include <map>
#include <ostream>
#include <sstream>
#include <string>

#include "absl/strings/str_cat.h"

#include "report/escape.h"
#include "report/score.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

// GitHub rejects a pull-request comment (and a step summary) longer than 65,536 characters.
// Bytes are counted, never fewer than characters; the reserve keeps room for the closing notes.
constexpr std::size_t kMarkdownCommentLimit = 65536;
constexpr std::size_t kClosingReserve = 2048;

std::string Where(const Location& loc) {
  std::string s = loc.file;
  if (loc.line > 0) absl::StrAppend(&s, ":", loc.line);
  return MarkdownEscape(s);
}

std::string FindingRow(const Finding& f) {
  std::string rule = MarkdownEscape(f.rule_id);
  if (!f.learn_more_link.empty()) {
    rule = absl::StrCat("[", rule, "](", MarkdownLinkTarget(f.learn_more_link), ")");
  }
  std::string problem = MarkdownEscape(f.problem);
  if (f.outcome == Outcome::kUnknown) problem = absl::StrCat("_(unknown outcome)_ ", problem);
  if (f.suppressed) {
    problem =
        absl::StrCat("_(suppressed: ", MarkdownEscape(f.suppression_justification), ")_ ", problem);
  }
  if (!f.value.empty()) {
    absl::StrAppend(&problem, " (found: ", MarkdownEscape(f.value), ")");
  } else if (f.value_missing) {
    absl::StrAppend(&problem, " (missing)");
  }
  return absl::StrCat("| ", Where(f.location), " | ", std::string(ImpactName(f.impact)), " | ",
                      rule, " | ", MarkdownEscape(f.impacted_value), " | ", problem, " | ",
                      MarkdownEscape(f.solution), " |\n");
}

// Findings not listed one by one, per rule: how many, of which impact, and the problem.
struct RuleCount {
  int count = 0;
  Impact impact = Impact::kLow;
  std::string problem;
  std::string link;
};

}  // namespace

absl::Status WriteMarkdown(const LintResult& result, const ReportOptions& options,
                           std::ostream& sink) {
  // Written to a buffer first: what fits depends on how long the head already is.
  std::ostringstream out;
  const ReportCounts c = CountResult(result);
  out << "## armlint\n\n";
  out << "**" << Plural(c.findings, "finding") << "** (" << c.by_impact[0] << " high, "
      << c.by_impact[1] << " medium, " << c.by_impact[2] << " low) in " << Plural(c.files, "file")
      << ", " << Plural(c.resources, "resource") << "; " << Plural(c.errors, "error");
  if (c.unknown > 0) out << "; " << c.unknown << " unknown";
  if (c.unevaluated_deployments > 0) {
    out << "; " << Plural(c.unevaluated_deployments, "nested deployment")
        << " not evaluated (linked or computed template)";
  }
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
    std::string scores = "\n### Score\n\n";
    const std::vector<std::vector<std::string>> table = ScoreTable(p, result.baseline_scores);
    for (std::size_t r = 0; r < table.size(); ++r) {
      scores += "|";
      for (std::size_t i = 0; i < table[r].size(); ++i) {
        std::string cell = MarkdownEscape(table[r][i]);
        if (r + 1 == table.size()) cell = absl::StrCat("**", cell, "**");
        absl::StrAppend(&scores, " ", cell, " |");
      }
      scores += "\n";
      if (r == 0) {
        scores += "| --- |";
        for (std::size_t i = 1; i < table[r].size(); ++i) scores += " ---: |";
        scores += "\n";
      }
    }
    // A portfolio of thousands of workloads is the HTML report's job.
    if (scores.size() < (kMarkdownCommentLimit - kClosingReserve) / 4) {
      out << scores;
    } else {
      out << "\n### Score\n\n"
          << Plural(static_cast<int>(table.size()) - 2, "workload")
          << ": too many for a comment; see the HTML or JSON report.\n";
    }
  }

  // High and Medium in full while they fit; Low, and what would not fit, counted per rule.
  const std::vector<const Finding*> findings = ListedFindings(result, options);
  const std::size_t room = kMarkdownCommentLimit - kClosingReserve;
  std::size_t size = out.str().size();
  std::string listed;
  std::map<std::string, RuleCount> counted;
  int not_shown = 0;  // High and Medium findings that did not fit
  for (Impact impact : kAllImpacts) {
    for (const Finding* f : findings) {
      if (f->impact != impact) continue;
      if (impact != Impact::kLow) {
        std::string row = FindingRow(*f);
        if (size + listed.size() + row.size() <= room / 4 * 3) {
          listed += row;
          continue;
        }
        ++not_shown;
      }
      RuleCount& rc = counted[f->rule_id];
      if (rc.count == 0 || static_cast<int>(f->impact) < static_cast<int>(rc.impact)) {
        rc.impact = f->impact;
        rc.problem = f->problem;
        rc.link = f->learn_more_link;
      }
      ++rc.count;
    }
  }
  if (!listed.empty()) {
    out << "\n### High and Medium findings\n\n";
    out << "| Location | Impact | Rule | Resource | Problem | Fix |\n";
    out << "| --- | --- | --- | --- | --- | --- |\n";
    out << listed;
    if (not_shown > 0) {
      out << "\n"
          << Plural(not_shown, "more High or Medium finding")
          << " did not fit in this comment; counted below.\n";
    }
  }
  if (!counted.empty()) {
    // Most frequent first, then by id.
    std::vector<std::pair<std::string, RuleCount>> rules(counted.begin(), counted.end());
    std::stable_sort(rules.begin(), rules.end(), [](const auto& a, const auto& b) {
      if (a.second.impact != b.second.impact) {
        return static_cast<int>(a.second.impact) < static_cast<int>(b.second.impact);
      }
      return a.second.count > b.second.count;
    });
    out << "\n### " << (not_shown > 0 ? "Other findings" : "Low findings") << ", per rule\n\n";
    out << "| Rule | Impact | Findings | Problem |\n";
    out << "| --- | --- | ---: | --- |\n";
    int omitted_rules = 0;
    for (const auto& [id, rc] : rules) {
      std::string rule = MarkdownEscape(id);
      if (!rc.link.empty()) rule = absl::StrCat("[", rule, "](", MarkdownLinkTarget(rc.link), ")");
      std::string row = absl::StrCat("| ", rule, " | ", std::string(ImpactName(rc.impact)), " | ",
                                     rc.count, " | ", MarkdownEscape(rc.problem), " |\n");
      if (out.tellp() + static_cast<std::streamoff>(row.size()) >
          static_cast<std::streamoff>(room / 8 * 7)) {
        ++omitted_rules;
        continue;
      }
      out << row;
    }
    if (omitted_rules > 0) out << "\n" << Plural(omitted_rules, "more rule") << " not listed.\n";
  }
  if (!result.errors.empty()) {
    out << "\n### Errors\n\n";
    out << "| Location | Message |\n";
    out << "| --- | --- |\n";
    int omitted = 0;
    for (const InputError& e : result.errors) {
      std::string where = e.location.file;
      if (e.location.line > 0) absl::StrAppend(&where, ":", e.location.line);
      if (e.location.line > 0 && e.location.column > 0) {
        absl::StrAppend(&where, ":", e.location.column);
      }
      std::string row =
          absl::StrCat("| ", MarkdownEscape(where), " | ", MarkdownEscape(e.message), " |\n");
      if (out.tellp() + static_cast<std::streamoff>(row.size()) >
          static_cast<std::streamoff>(room)) {
        ++omitted;
        continue;
      }
      out << row;
    }
    if (omitted > 0) out << "\n" << Plural(omitted, "more error") << " not listed.\n";
  }
  if (!counted.empty()) {
    out << "\n_Findings counted per rule are listed one by one in the full report (text, JSON, "
           "SARIF or HTML) of the same run, e.g. the pipeline's artifacts._\n";
  }
  sink << out.str();
  return absl::OkStatus();
}

}  // namespace armlint::internal
