// The default text report, read like a review: findings grouped by file, High first, one line
// each (location, impact, rule, resource, problem, the value found); the solution and link
// under High findings (under every finding with ReportOptions::verbose); then errors, the score
// table, which rules produced most findings when one dominates, and one summary line.
//
//   infra/main.json
//   infra/main.json:14:9  High  storage-secure-transfer  stdata001  Problem (found: false)
//       Solution.
//       https://learn.microsoft.com/...
//   infra/main.json:15:9  Medium  storage-min-tls  stdata001  Problem (missing)
//
//   infra/bad.json:3:17: error: unexpected token
//
//   1 finding (1 high, 0 medium, 0 low) in 2 files, 4 resources; 1 error
#include <algorithm>
#include <map>
#include <ostream>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

#include "report/score.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

constexpr std::string_view kReset = "\033[0m";
constexpr std::string_view kBold = "\033[1m";
constexpr std::string_view kDim = "\033[2m";
constexpr std::string_view kRed = "\033[31m";
constexpr std::string_view kYellow = "\033[33m";
constexpr std::string_view kCyan = "\033[36m";
constexpr std::string_view kMagenta = "\033[35m";

// Strings from templates reach a terminal: control characters (ANSI escapes, carriage returns
// that would overwrite a line, newlines that would fake a finding line) are shown as \xNN.
std::string Clean(std::string_view s) {
  auto control = [](char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
  };
  if (std::none_of(s.begin(), s.end(), control)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7f) {
      out += absl::StrFormat("\\x%02x", u);
    } else {
      out += c;
    }
  }
  return out;
}

class TextWriter {
 public:
  TextWriter(const ReportOptions& options, std::ostream& out) : options_(options), out_(out) {}

  std::string Paint(std::string_view text, std::string_view style) const {
    if (!options_.color || style.empty()) return std::string(text);
    return absl::StrCat(std::string(style), std::string(text), std::string(kReset));
  }

  static std::string Position(const Location& loc) {
    std::string s = Clean(loc.file);
    if (loc.line > 0) {
      absl::StrAppend(&s, ":", loc.line);
      if (loc.column > 0) absl::StrAppend(&s, ":", loc.column);
    }
    return s;
  }

  static std::string_view ImpactStyle(Impact i) {
    switch (i) {
      case Impact::kHigh:
        return kRed;
      case Impact::kMedium:
        return kYellow;
      case Impact::kLow:
        return kCyan;
    }
    return {};
  }

  void WriteFinding(const Finding& f) {
    // Two spaces between fields and no padding: positions vary in width anyway, and a fixed
    // separator keeps the line easy to cut and grep ("High  storage-secure-transfer").
    const std::string impact(ImpactName(f.impact));
    std::string line =
        absl::StrCat(Paint(Position(f.location), kBold), "  ", Paint(impact, ImpactStyle(f.impact)),
                     "  ", Paint(f.rule_id, kDim), "  ",
                     Clean(f.impacted_value.empty() ? "-" : f.impacted_value), "  ");
    if (f.outcome == Outcome::kUnknown) {
      absl::StrAppend(&line, Paint("[unknown outcome]", kMagenta), " ");
    }
    if (f.suppressed) {
      absl::StrAppend(&line, Paint("[suppressed]", kDim), " ");
    }
    absl::StrAppend(&line, Clean(f.problem));
    if (f.outcome == Outcome::kUnknown && !f.unknown_reason.empty()) {
      absl::StrAppend(&line, " (cannot tell: ", Clean(f.unknown_reason), ")");
    }
    if (!f.value.empty()) {
      absl::StrAppend(&line, " (found: ", Paint(Clean(f.value), kBold), ")");
    } else if (f.value_missing) {
      absl::StrAppend(&line, " (missing)");
    }
    out_ << line << "\n";
    if (options_.quiet) return;
    if (f.suppressed && !f.suppression_justification.empty()) {
      out_ << "    Suppressed: " << Clean(f.suppression_justification) << "\n";
    }
    // The fix for what matters most; the rest on request (--verbose), so that a long report
    // stays one line per finding.
    if (!options_.verbose && f.impact != Impact::kHigh) return;
    if (!f.solution.empty()) out_ << "    " << Clean(f.solution) << "\n";
    if (!f.learn_more_link.empty()) out_ << "    " << Clean(f.learn_more_link) << "\n";
  }

  // "By rule: a 12, b 3, 2 other rules 2" when the most frequent rule produced at least half
  // of 5 or more findings: the reader then knows one decision (fix, disable, baseline) settles
  // most of the report.
  void WriteDominantRules(const std::vector<const Finding*>& findings) {
    std::map<std::string, int> by_rule;
    int total = 0;
    for (const Finding* f : findings) {
      if (f->suppressed || f->outcome != Outcome::kFail) continue;
      ++by_rule[f->rule_id];
      ++total;
    }
    std::vector<std::pair<std::string, int>> ranked(by_rule.begin(), by_rule.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (total < 5 || ranked.empty() || ranked[0].second * 2 < total) return;
    constexpr std::size_t kNamed = 3;
    std::string line = "By rule: ";
    int rest = total;
    for (std::size_t i = 0; i < ranked.size() && i < kNamed; ++i) {
      absl::StrAppend(&line, i == 0 ? "" : ", ", Clean(ranked[i].first), " ", ranked[i].second);
      rest -= ranked[i].second;
    }
    if (ranked.size() > kNamed) {
      absl::StrAppend(&line, ", ", Plural(static_cast<int>(ranked.size() - kNamed), "other rule"),
                      " ", rest);
    }
    out_ << line << "\n";
  }

  void WriteError(const InputError& e) {
    out_ << Paint(Position(e.location), kBold) << ": " << Paint("error", kRed) << ": "
         << Clean(e.message) << "\n";
  }

  void WriteSummary(const ReportCounts& c) {
    std::string line =
        absl::StrCat(Plural(c.findings, "finding"), " (", c.by_impact[0], " high, ", c.by_impact[1],
                     " medium, ", c.by_impact[2], " low) in ", Plural(c.files, "file"), ", ",
                     Plural(c.resources, "resource"), "; ", Plural(c.errors, "error"));
    if (c.unknown > 0) absl::StrAppend(&line, "; ", c.unknown, " unknown");
    if (c.unevaluated_deployments > 0) {
      absl::StrAppend(&line, "; ", Plural(c.unevaluated_deployments, "nested deployment"),
                      " not evaluated (linked or computed template)");
    }
    if (c.suppressed > 0) absl::StrAppend(&line, "; ", c.suppressed, " suppressed");
    if (c.baselined > 0 || c.baseline_fixed > 0) {
      absl::StrAppend(&line, "; ", c.baselined, " in the baseline, ", c.baseline_fixed,
                      " fixed since");
    }
    std::string_view style = c.errors > 0 || c.findings > 0 ? kBold : std::string_view();
    out_ << Paint(line, style) << "\n";
  }

 private:
  const ReportOptions& options_;
  std::ostream& out_;
};

}  // namespace

absl::Status WriteText(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  TextWriter w(options, out);
  std::vector<const Finding*> findings = ListedFindings(result, options);
  // Findings arrive sorted by file and line; within a file, High comes first.
  std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
    if (a->location.file != b->location.file) return a->location.file < b->location.file;
    return static_cast<int>(a->impact) < static_cast<int>(b->impact);
  });
  // A file's group starts where the file name changes.
  const std::string* group = nullptr;
  for (const Finding* f : findings) {
    if (!options.quiet && (group == nullptr || *group != f->location.file)) {
      if (group != nullptr) out << "\n";
      out << w.Paint(Clean(f->location.file), kBold) << "\n";
      group = &f->location.file;
    }
    w.WriteFinding(*f);
  }
  // Errors are kept in quiet mode: an input that could not be read fails the run (exit 2), and
  // the summary alone would not say which.
  if (!result.errors.empty()) {
    if (!findings.empty() && !options.quiet) out << "\n";
    for (const InputError& e : result.errors) w.WriteError(e);
  }
  if (!options.quiet && (!findings.empty() || !result.errors.empty())) out << "\n";
  if (const Portfolio p = BuildPortfolio(result); !options.quiet && !p.empty()) {
    // Score table: columns padded to their widest cell, two spaces apart.
    std::vector<std::vector<std::string>> table = ScoreTable(p, result.baseline_scores);
    std::vector<std::size_t> width(table[0].size(), 0);
    for (auto& row : table) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        row[i] = Clean(row[i]);
        width[i] = std::max(width[i], row[i].size());
      }
    }
    for (const auto& row : table) {
      std::string line;
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i > 0) line += "  ";
        line += row[i];
        if (i + 1 < row.size()) line += std::string(width[i] - row[i].size(), ' ');
      }
      out << line << "\n";
    }
    out << "\n";
  }
  if (!options.quiet) w.WriteDominantRules(findings);
  w.WriteSummary(CountResult(result));
  return absl::OkStatus();
}

}  // namespace armlint::internal
