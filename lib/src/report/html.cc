// The HTML portfolio report (--format html): one self-contained page, inline CSS and SVG, no
// script and nothing fetched. Portfolio score per pillar (a ring and bars), a workloads x pillars
// heat table with the assessments behind each cell, the rules ranked by the score fixing them
// would recover, and the findings with their fix and file:line links that work from where the
// page is written (ReportOptions::link_base). Prints on A4.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <ostream>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_replace.h"

#include "report/escape.h"
#include "report/score.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

// A relative URL for a file path: unreserved characters and '/' kept, the rest percent-encoded
// (so "a:b.json" cannot read as a scheme and a quote cannot end the attribute).
std::string FileUrl(std::string_view path, int line, std::string_view base) {
  std::string out = path.starts_with("/") ? "file://" : std::string(base);
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '.' || c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += absl::StrFormat("%%%02X", c);
    }
  }
  if (line > 0) absl::StrAppend(&out, "#L", line);
  return out;
}

// Score colours: red below 50, amber below 80, green from 80; grey when there is no score.
std::string_view ScoreClass(const std::optional<double>& s) {
  if (!s.has_value()) return "none";
  if (*s >= 80) return "good";
  if (*s >= 50) return "fair";
  return "poor";
}

// Heat-table cell background: a hue from red (0) to green (120) by score, light enough for text.
std::string HeatStyle(const std::optional<double>& s) {
  if (!s.has_value()) return "background:#f1f3f5;color:#868e96";
  return absl::StrFormat("background:hsl(%d,70%%,85%%)", static_cast<int>(std::lround(*s * 1.2)));
}

// Fewer assessments than this behind a cell and its colour would say more than the evidence:
// one Low finding on the only resource assessed is 0 %, not a red workload.
constexpr int kFewAssessments = 5;

// A heat cell from the assessments behind it: few of them leave it uncoloured; without a
// failing High or Medium assessment it is amber at worst.
std::string HeatCell(const std::optional<double>& s, int assessed, bool serious_failure) {
  std::string style;
  if (s.has_value() && assessed < kFewAssessments) {
    style = "background:#f6f8fa";
  } else if (s.has_value() && !serious_failure && *s < 50) {
    style = HeatStyle(50);
  } else {
    style = HeatStyle(s);
  }
  std::string title =
      absl::StrCat(Plural(assessed, "assessment"),
                   assessed > 0 && assessed < kFewAssessments ? ": too few to judge" : "");
  return absl::StrCat("<td class=\"heat\" style=\"", style, "\" title=\"", title, "\">",
                      HtmlEscape(ScoreText(s)), "<span class=\"n\">", assessed == 0 ? "" : "n=",
                      assessed == 0 ? std::string() : absl::StrCat(assessed), "</span></td>");
}

constexpr std::string_view kCss = R"(
*{box-sizing:border-box}
body{margin:0;font:14px/1.45 -apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
 color:#1f2328;background:#f6f8fa;-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:1100px;margin:0 auto;padding:24px}
header{display:flex;justify-content:space-between;align-items:baseline;flex-wrap:wrap;gap:8px}
h1{font-size:24px;margin:0}
h2{font-size:17px;margin:0 0 12px}
.meta{color:#59636e}
section{background:#fff;border:1px solid #d1d9e0;border-radius:8px;padding:16px 20px;margin-top:16px}
.overview{display:flex;gap:32px;align-items:center;flex-wrap:wrap}
.ring{text-align:center;min-width:150px}
.ring .label{font-weight:600;margin-top:4px}
.bars{flex:1;min-width:320px}
.bar{display:grid;grid-template-columns:170px 1fr 130px;gap:10px;align-items:center;margin:7px 0}
.track{height:14px;background:#eef1f4;border-radius:7px;overflow:hidden}
.fill{height:100%;border-radius:7px}
.good .fill,.fill.good{background:#2da44e}.fair .fill,.fill.fair{background:#d4a72c}
.poor .fill,.fill.poor{background:#cf222e}
.val{font-variant-numeric:tabular-nums;text-align:right;white-space:nowrap}
.none .val{color:#868e96}
.counts{display:flex;gap:12px;flex-wrap:wrap;margin-top:4px}
.chip{border-radius:12px;padding:2px 8px;font-size:12px;font-weight:600;white-space:nowrap}
.High{background:#ffebe9;color:#a40e26}.Medium{background:#fff8c5;color:#7d4e00}
.Low{background:#ddf4ff;color:#0550ae}.unknown{background:#eef1f4;color:#59636e}
table{border-collapse:collapse;width:100%}
th,td{padding:6px 8px;border-bottom:1px solid #e6e9ed;text-align:left;vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#59636e}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.heat{text-align:center;font-weight:600;font-variant-numeric:tabular-nums;border:2px solid #fff}
td.heat .n{display:block;font-size:11px;font-weight:400;color:#59636e}
tr.total td{font-weight:700;border-top:2px solid #d1d9e0}
.loc{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;
 word-break:break-all}
a{color:#0969da;text-decoration:none}
.rule{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.minibar{display:inline-block;height:10px;background:#8c959f;border-radius:5px;vertical-align:middle}
table.findings{table-layout:fixed}
table.findings td{overflow-wrap:anywhere}
.sub{display:block;color:#59636e;font-size:12px;font-family:-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
.note{color:#59636e;font-size:12px;margin-top:8px}
footer{color:#59636e;font-size:12px;text-align:center;margin:20px 0}
@media print{body{background:#fff;font-size:11px}main{max-width:none;padding:0}
 section{border:none;padding:8px 0;break-inside:auto}tr,.bar{break-inside:avoid}
 a{color:inherit}thead{display:table-header-group}}
)";

void Ring(const std::optional<double>& score, std::ostream& out) {
  constexpr double kR = 52, kCirc = 2 * 3.14159265358979 * kR;
  const double filled = score.has_value() ? kCirc * *score / 100 : 0;
  const std::string_view colour = ScoreClass(score) == "good"   ? "#2da44e"
                                  : ScoreClass(score) == "fair" ? "#d4a72c"
                                  : ScoreClass(score) == "poor" ? "#cf222e"
                                                                : "#adb5bd";
  out << "<svg width=\"140\" height=\"140\" viewBox=\"0 0 140 140\" role=\"img\" aria-label=\""
      << "Overall score " << HtmlEscape(ScoreText(score)) << "\">"
      << "<circle cx=\"70\" cy=\"70\" r=\"52\" fill=\"none\" stroke=\"#eef1f4\" "
         "stroke-width=\"14\"/>";
  out << absl::StrFormat(
      "<circle cx=\"70\" cy=\"70\" r=\"52\" fill=\"none\" stroke=\"%s\" stroke-width=\"14\" "
      "stroke-linecap=\"butt\" stroke-dasharray=\"%.2f %.2f\" transform=\"rotate(-90 70 70)\"/>",
      std::string(colour), filled, kCirc - filled);
  out << "<text x=\"70\" y=\"78\" text-anchor=\"middle\" font-size=\"28\" font-weight=\"700\" "
         "fill=\"#1f2328\">"
      << HtmlEscape(ScoreText(score)) << "</text></svg>";
}

void Overview(const LintResult& result, const Portfolio& p, std::ostream& out) {
  out << "<section><h2>Portfolio score</h2><div class=\"overview\"><div class=\"ring\">";
  Ring(p.scores.overall, out);
  out << "<div class=\"label\">Overall</div>";
  if (result.baseline_scores.has_value()) {
    out << "<div class=\"meta\">baseline " << HtmlEscape(ScoreText(result.baseline_scores->overall))
        << "</div>";
  }
  out << "</div><div class=\"bars\">";
  for (Category c : kAllCategories) {
    const std::optional<double>& s = p.scores.category[static_cast<int>(c)];
    out << "<div class=\"bar " << ScoreClass(s) << "\"><div>" << CategoryName(c)
        << "</div><div class=\"track\">";
    if (s.has_value())
      out << absl::StrFormat("<div class=\"fill\" style=\"width:%.1f%%\"></div>", *s);
    out << "</div><div class=\"val\">"
        << absl::StrReplaceAll(
               HtmlEscape(ScoreWithChange(result.baseline_scores, p.scores, static_cast<int>(c))),
               {{" -&gt; ", " &rarr; "}})
        << (s.has_value() ? "" : " (not assessed)") << "</div></div>";
  }
  out << "</div></div><div class=\"note\">Share of healthy assessments (rule &times; applicable "
         "resource), weighted High 3, Medium 2, Low 1; unknown outcomes left out; suppressed "
         "findings count as healthy. Overall: the mean of the pillar scores.</div></section>\n";
}

void HeatTable(const Portfolio& p, std::ostream& out) {
  out << "<section><h2>Workloads &times; pillars</h2><table><thead><tr><th>Workload</th>"
         "<th class=\"num\">Files</th><th class=\"num\">Resources</th><th class=\"num\">Findings"
         "</th>";
  for (Category c : kAllCategories) out << "<th class=\"num\">" << ShortCategoryName(c) << "</th>";
  out << "<th class=\"num\">Overall</th></tr></thead><tbody>\n";
  auto row = [&](std::string_view name, int files, int resources, int findings, const Scores& s,
                 const Assessments& a, bool total) {
    out << "<tr" << (total ? " class=\"total\"" : "") << "><td>" << HtmlEscape(name)
        << "</td><td class=\"num\">" << files << "</td><td class=\"num\">" << resources
        << "</td><td class=\"num\">" << findings << "</td>";
    bool any_serious = false;
    for (int c = 0; c < kCategoryCount; ++c) {
      int assessed = 0;
      for (int i = 0; i < kImpactCount; ++i) assessed += a.assessed[c][i];
      const bool serious = a.failed[c][0] + a.failed[c][1] > 0;
      any_serious = any_serious || serious;
      out << HeatCell(s.category[c], assessed, serious);
    }
    out << HeatCell(s.overall, a.Total(), any_serious) << "</tr>\n";
  };
  int files = 0, resources = 0, findings = 0;
  for (const WorkloadRow& w : p.workloads) {
    row(w.name, w.files, w.resources, w.findings, w.scores, w.assessments, false);
    files += w.files;
    resources += w.resources;
    findings += w.findings;
  }
  row("Portfolio", files, resources, findings, p.scores, p.assessments, true);
  out << "</tbody></table><div class=\"note\">n: assessments behind a score (rule &times; "
         "applicable resource). Cells with fewer than "
      << kFewAssessments
      << " are left uncoloured; without a failing High or Medium assessment a cell is amber at "
         "worst.</div></section>\n";
}

// Rules ranked by the overall score the portfolio would recover if their findings were fixed
// (each finding's assessment turned healthy), then by findings.
void RankedRules(const LintResult& result, const Portfolio& p, std::ostream& out) {
  struct RuleGain {
    std::string id;
    Category category;
    Impact impact;
    std::string solution;
    int n = 0;
    Assessments fixed;  // the portfolio's assessments with this rule's findings healthy
    double gain = 0;
  };
  std::map<std::string, RuleGain> rules;
  for (const Finding& f : result.findings) {
    if (f.suppressed || f.outcome != Outcome::kFail) continue;
    auto [it, added] = rules.try_emplace(f.rule_id);
    RuleGain& r = it->second;
    if (added) {
      r.id = f.rule_id;
      r.category = f.category;
      r.impact = f.impact;
      r.solution = f.solution;
      r.fixed = p.assessments;
    }
    ++r.n;
    int& failed = r.fixed.failed[static_cast<int>(f.category)][static_cast<int>(f.impact)];
    if (failed > 0) --failed;
  }
  if (rules.empty()) return;
  std::vector<RuleGain> ranked;
  for (auto& [id, r] : rules) {
    const std::optional<double> after = ComputeScores(r.fixed).overall;
    if (after.has_value() && p.scores.overall.has_value()) r.gain = *after - *p.scores.overall;
    ranked.push_back(std::move(r));
  }
  std::stable_sort(ranked.begin(), ranked.end(), [](const RuleGain& a, const RuleGain& b) {
    if (std::abs(a.gain - b.gain) > 1e-9) return a.gain > b.gain;
    return a.n > b.n;
  });
  constexpr std::size_t kShown = 15;
  const std::size_t more = ranked.size() > kShown ? ranked.size() - kShown : 0;
  if (more > 0) ranked.resize(kShown);
  const double max = std::max(ranked.front().gain, 1e-9);
  out << "<section><h2>Rules ranked by the score they would recover</h2><table><colgroup>"
         "<col style=\"width:24%\"><col style=\"width:9%\"><col style=\"width:8%\">"
         "<col style=\"width:9%\"><col style=\"width:14%\"><col></colgroup><thead><tr>"
         "<th>Rule</th><th>Impact</th><th class=\"num\">Findings</th><th class=\"num\">"
         "Overall</th><th></th><th>Fix</th></tr></thead><tbody>\n";
  for (const RuleGain& r : ranked) {
    out << "<tr><td class=\"rule\">" << HtmlEscape(r.id) << "<span class=\"sub\">"
        << CategoryName(r.category) << "</span></td><td><span class=\"chip " << ImpactName(r.impact)
        << "\">" << ImpactName(r.impact) << "</span></td><td class=\"num\">" << r.n
        << "</td><td class=\"num\">" << absl::StrFormat("+%.1f", r.gain) << "</td><td>"
        << absl::StrFormat("<span class=\"minibar\" style=\"width:%.1f%%\"></span>",
                           std::max(0.0, 100.0 * r.gain / max))
        << "</td><td>" << HtmlEscape(r.solution) << "</td></tr>\n";
  }
  out << "</tbody></table><div class=\"note\">Overall: points of the overall score gained if "
         "that rule&rsquo;s findings were fixed."
      << (more > 0 ? absl::StrCat(" ", Plural(static_cast<int>(more), "more rule"),
                                  " with findings not shown.")
                   : std::string())
      << "</div></section>\n";
}

// The resource as people name it: its name and type, never a JSON pointer (template-level
// findings name the template).
std::string ResourceCell(const Finding& f) {
  const bool pointer = f.impacted_value.empty() || f.impacted_value.starts_with("/");
  std::string type = f.impacted_field;
  if (std::size_t slash = type.find('/'); slash != std::string::npos) type.erase(0, slash + 1);
  if (pointer || f.impacted_field == "template") {
    return "<span class=\"meta\">(template)</span>";
  }
  return absl::StrCat(HtmlEscape(f.impacted_value), "<span class=\"sub\">", HtmlEscape(type),
                      "</span>");
}

void Findings(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  // High first, then by file and line as linted.
  std::vector<const Finding*> findings = ListedFindings(result, options);
  std::stable_sort(findings.begin(), findings.end(), [](const Finding* a, const Finding* b) {
    return static_cast<int>(a->impact) < static_cast<int>(b->impact);
  });
  out << "<section id=\"findings\"><h2>Findings (" << findings.size() << ")</h2>";
  if (findings.empty()) {
    out << "<p class=\"meta\">No findings.</p></section>\n";
    return;
  }
  out << "<table class=\"findings\"><colgroup><col style=\"width:20%\"><col style=\"width:8%\">"
         "<col style=\"width:16%\"><col style=\"width:13%\"><col style=\"width:22%\"><col>"
         "</colgroup><thead><tr><th>Location</th><th>Impact</th><th>Rule</th><th>Resource</th>"
         "<th>Problem</th><th>Solution</th></tr></thead><tbody>\n";
  for (const Finding* f : findings) {
    std::string where = f->location.file;
    if (f->location.line > 0) absl::StrAppend(&where, ":", f->location.line);
    out << "<tr><td class=\"loc\"><a href=\""
        << HtmlEscape(FileUrl(f->location.file, f->location.line, options.link_base)) << "\">"
        << HtmlEscape(where) << "</a></td><td><span class=\"chip "
        << (f->outcome == Outcome::kUnknown ? "unknown" : ImpactName(f->impact)) << "\">"
        << ImpactName(f->impact) << "</span></td><td class=\"rule\">";
    if (!f->learn_more_link.empty()) {
      out << "<a href=\"" << HtmlEscape(f->learn_more_link) << "\">" << HtmlEscape(f->rule_id)
          << "</a>";
    } else {
      out << HtmlEscape(f->rule_id);
    }
    out << "<span class=\"sub\">" << CategoryName(f->category) << "</span></td><td>"
        << ResourceCell(*f) << "</td><td class=\"problem\">";
    if (f->outcome == Outcome::kUnknown) out << "<em>(unknown outcome)</em> ";
    if (f->suppressed)
      out << "<em>(suppressed: " << HtmlEscape(f->suppression_justification) << ")</em> ";
    out << HtmlEscape(f->problem);
    if (!f->value.empty()) {
      out << "<span class=\"sub\">found <code>" << HtmlEscape(f->value) << "</code></span>";
    } else if (f->value_missing) {
      out << "<span class=\"sub\">missing</span>";
    }
    out << "</td><td>" << HtmlEscape(f->solution) << "</td></tr>\n";
  }
  out << "</tbody></table></section>\n";
}

void Errors(const LintResult& result, std::ostream& out) {
  if (result.errors.empty()) return;
  out << "<section><h2>Errors (" << result.errors.size() << ")</h2><table><tbody>\n";
  for (const InputError& e : result.errors) {
    std::string where = e.location.file;
    if (e.location.line > 0) absl::StrAppend(&where, ":", e.location.line);
    if (e.location.line > 0 && e.location.column > 0)
      absl::StrAppend(&where, ":", e.location.column);
    out << "<tr><td class=\"loc\">" << HtmlEscape(where) << "</td><td>" << HtmlEscape(e.message)
        << "</td></tr>\n";
  }
  out << "</tbody></table></section>\n";
}

}  // namespace

absl::Status WriteHtml(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  const ReportCounts c = CountResult(result);
  const Portfolio p = BuildPortfolio(result);
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
         "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'; img-src data:\">"
         "<title>armlint portfolio report</title><style>"
      << kCss << "</style></head><body><main>\n";
  out << "<header><h1>armlint portfolio report</h1><div class=\"meta\">armlint "
      << HtmlEscape(ReportToolVersion());
  if (!options.generated_at.empty())
    out << " &middot; generated " << HtmlEscape(options.generated_at);
  if (!options.commit.empty())
    out << " &middot; commit <code>" << HtmlEscape(options.commit) << "</code>";
  out << "</div></header>\n";
  out << "<div class=\"meta\">" << Plural(static_cast<int>(p.workloads.size()), "workload")
      << " &middot; " << Plural(c.files, "file") << " &middot; " << Plural(c.resources, "resource")
      << " &middot; " << Plural(c.findings, "finding");
  if (c.unknown > 0) out << " &middot; " << c.unknown << " unknown";
  if (c.unevaluated_deployments > 0) {
    out << " &middot; " << Plural(c.unevaluated_deployments, "nested deployment")
        << " not evaluated (linked or computed template)";
  }
  if (c.suppressed > 0) out << " &middot; " << c.suppressed << " suppressed";
  if (c.errors > 0) out << " &middot; " << Plural(c.errors, "error");
  if (c.baselined > 0 || c.baseline_fixed > 0) {
    out << " &middot; " << c.baselined << " hidden by the baseline, " << c.baseline_fixed
        << " fixed since";
  }
  out << "</div><div class=\"counts\">";
  for (Impact i : kAllImpacts) {
    out << "<span class=\"chip " << ImpactName(i) << "\">" << c.by_impact[static_cast<int>(i)]
        << " " << ImpactName(i) << "</span>";
  }
  out << "</div>\n";
  Overview(result, p, out);
  if (!p.empty()) HeatTable(p, out);
  RankedRules(result, p, out);
  Findings(result, options, out);
  Errors(result, out);
  out << "<footer>Generated by armlint " << HtmlEscape(ReportToolVersion())
      << ". Scores: README, &ldquo;Portfolio view&rdquo;.</footer></main></body></html>\n";
  return absl::OkStatus();
}

}  // namespace armlint::internal
