// The SARIF 2.1.0 report (--format sarif), as GitHub code scanning and Azure DevOps ingest it.
//
// One run; tool.driver.rules holds a descriptor for every rule that has a result, built from the
// rule's metadata (ReportOptions::rules; else the first finding's): descriptions, help with the
// solution and link, and what GitHub ranks alerts by (security-severity, precision, tags). Results
// point at the finding's file:line:col with a URI relative to the working directory (uriBaseId
// %SRCROOT%), carry a fingerprint that survives edits elsewhere in the file, and suppressed
// findings carry `suppressions` (always listed: SARIF viewers hide them themselves). Input errors
// are tool execution notifications. Spec:
// https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html
#include <cstdint>
#include <filesystem>
#include <map>
#include <ostream>
#include <string>
#include <system_error>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include "report/escape.h"
#include "report/json_writer.h"
#include "report/sarif_util.h"
#include "report/writers.h"

namespace armlint::internal {
namespace {

namespace json = boost::json;

constexpr std::string_view kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr std::string_view kInformationUri = "https://github.com/armlint/armlint";
constexpr std::string_view kFingerprintKey = "armlintFingerprint/v1";

std::string_view Level(Impact i) {
  switch (i) {
    case Impact::kHigh:
      return "error";
    case Impact::kMedium:
      return "warning";
    case Impact::kLow:
      return "note";
  }
  return "warning";
}

// GitHub ranks security alerts by properties["security-severity"] (a CVSS-like 0.0-10.0 score):
// https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning
std::string_view SecuritySeverity(Impact i) {
  switch (i) {
    case Impact::kHigh:
      return "8.0";
    case Impact::kMedium:
      return "5.5";
    case Impact::kLow:
      return "3.0";
  }
  return "5.5";
}

// Lower-case, kebab-case tags as code-scanning UIs show them; "security" is the tag GitHub
// requires before it reads security-severity.
std::string_view CategoryTag(Category c) {
  switch (c) {
    case Category::kCost:
      return "cost";
    case Category::kSecurity:
      return "security";
    case Category::kReliability:
      return "reliability";
    case Category::kPerformance:
      return "performance";
    case Category::kOperationalExcellence:
      return "operational-excellence";
  }
  return "other";
}

json::object Text(std::string_view text) {
  json::object o;
  o["text"] = text;
  return o;
}

// What a rule descriptor says: the rule's own metadata (ReportOptions::rules), else the first
// finding's (whose problem may carry that finding's details).
struct RuleMeta {
  std::string id;
  Category category = Category::kSecurity;
  Impact impact = Impact::kMedium;
  std::string problem, solution, link;
  bool native = false;  // a native check (heuristics over the template text)
  const std::vector<PolicyRef>* azure_policies = nullptr;  // built-ins with the same check
};

json::object RuleDescriptor(const RuleMeta& m) {
  json::object rule;
  rule["id"] = m.id;
  rule["name"] = SarifRuleName(m.id);
  const std::string problem = Sentence(m.problem.empty() ? m.id : m.problem);
  rule["shortDescription"] = Text(problem);
  std::string full = problem;
  if (!m.solution.empty()) absl::StrAppend(&full, " ", Sentence(m.solution));
  rule["fullDescription"] = Text(full);
  json::object help;
  std::string help_text = m.solution.empty() ? problem : Sentence(m.solution);
  std::string help_markdown =
      absl::StrCat("**", MarkdownEscape(problem), "**\n\n", MarkdownEscape(Sentence(m.solution)));
  if (!m.link.empty()) {
    absl::StrAppend(&help_text, "\nLearn more: ", m.link);
    absl::StrAppend(&help_markdown, "\n\n[Learn more](",
                    MarkdownLinkTarget(EncodeUriReference(m.link)), ")");
  }
  help["text"] = help_text;
  help["markdown"] = help_markdown;
  rule["help"] = std::move(help);
  const std::string help_uri = EncodeUriReference(m.link);
  if (IsAbsoluteUri(help_uri)) rule["helpUri"] = help_uri;
  json::object config;
  config["level"] = Level(m.impact);
  rule["defaultConfiguration"] = std::move(config);
  json::object properties;
  properties["category"] = CategoryName(m.category);
  properties["impact"] = ImpactName(m.impact);
  // GitHub's precision (very-high, high, medium, low): a condition rule reads the evaluated
  // properties ARM would deploy; a native check also judges how the template is written.
  properties["precision"] = m.native ? "medium" : "high";
  json::array tags;
  tags.push_back("armlint");
  tags.push_back(json::value(CategoryTag(m.category)));
  tags.push_back("well-architected");
  if (m.category == Category::kSecurity) {
    properties["security-severity"] = SecuritySeverity(m.impact);
  }
  properties["tags"] = std::move(tags);
  if (m.azure_policies != nullptr && !m.azure_policies->empty()) {
    json::array policies;
    for (const PolicyRef& p : *m.azure_policies) {
      policies.emplace_back(json::object{{"name", p.name}, {"displayName", p.display_name}});
    }
    properties["azurePolicy"] = std::move(policies);
  }
  rule["properties"] = std::move(properties);
  return rule;
}

RuleMeta MetaOf(const Finding& f, const std::map<std::string_view, const RuleInfo*>& known) {
  RuleMeta m;
  m.id = f.rule_id;
  if (auto it = known.find(f.rule_id); it != known.end()) {
    const RuleInfo& r = *it->second;
    m.category = r.category;
    m.impact = f.impact;  // a config may override the impact; the finding has the result
    m.problem = r.problem;
    m.solution = r.solution;
    m.link = r.learn_more_link;
    m.native = !r.check.empty();
    m.azure_policies = &r.azure_policies;
    return m;
  }
  m.category = f.category;
  m.impact = f.impact;
  m.problem = f.problem;
  m.solution = f.solution;
  m.link = f.learn_more_link;
  return m;
}

json::object PhysicalLocation(const Location& loc, const std::filesystem::path& cwd) {
  json::object physical;
  json::object artifact;
  const ArtifactUri uri = ArtifactUriFor(loc.file, cwd);
  artifact["uri"] = uri.uri;
  if (uri.relative) artifact["uriBaseId"] = "%SRCROOT%";
  physical["artifactLocation"] = std::move(artifact);
  // SARIF regions are 1-based; an unknown line points at the file's start so that viewers that
  // require a region (GitHub) still show the result.
  json::object region;
  region["startLine"] = loc.line >= 1 ? loc.line : 1;
  region["startColumn"] = loc.line >= 1 && loc.column >= 1 ? loc.column : 1;
  physical["region"] = std::move(region);
  return physical;
}

json::object Message(const Finding& f) {
  std::string text = Sentence(f.problem.empty() ? f.rule_id : f.problem);
  if (f.outcome == Outcome::kUnknown) {
    text = absl::StrCat(
        "Outcome unknown (",
        f.unknown_reason.empty() ? "a value could not be evaluated offline" : f.unknown_reason,
        "): ", text);
  }
  if (!f.impacted_value.empty() || !f.impacted_field.empty()) {
    absl::StrAppend(&text, " Resource: '", f.impacted_value, "' (", f.impacted_field, ").");
  }
  return Text(text);
}

}  // namespace

absl::Status WriteSarif(const LintResult& result, const ReportOptions& options, std::ostream& out) {
  // SARIF lists suppressed findings with `suppressions` regardless of show_suppressed.
  std::error_code ec;
  std::filesystem::path cwd = std::filesystem::current_path(ec);
  if (ec) cwd.clear();

  // Rule descriptors sorted by id; the first finding of a rule supplies its metadata.
  std::map<std::string, const Finding*> rules;
  for (const Finding& f : result.findings) rules.emplace(f.rule_id, &f);
  std::map<std::string_view, const RuleInfo*> known;
  for (const RuleInfo& r : options.rules) known.emplace(r.id, &r);
  std::map<std::string, int> rule_index;
  json::array rule_array;
  for (const auto& [id, f] : rules) {
    rule_index[id] = static_cast<int>(rule_array.size());
    rule_array.push_back(RuleDescriptor(MetaOf(*f, known)));
  }

  json::array results;
  for (const Finding& f : result.findings) {
    json::object r;
    r["ruleId"] = f.rule_id;
    r["ruleIndex"] = rule_index[f.rule_id];
    if (f.outcome == Outcome::kUnknown) {
      // "review": a person must decide; SARIF requires level "none" for that kind.
      r["kind"] = "review";
      r["level"] = "none";
    } else {
      r["kind"] = "fail";
      r["level"] = Level(f.impact);
    }
    r["message"] = Message(f);
    json::object location;
    location["physicalLocation"] = PhysicalLocation(f.location, cwd);
    if (!f.resource_id.empty()) {
      json::object logical;
      logical["fullyQualifiedName"] = f.resource_id;
      logical["kind"] = "resource";
      json::array logicals;
      logicals.push_back(std::move(logical));
      location["logicalLocations"] = std::move(logicals);
    }
    json::array locations;
    locations.push_back(std::move(location));
    r["locations"] = std::move(locations);
    json::object fingerprints;
    // The engine's fingerprint is the one baselines record; results built by hand may lack it.
    fingerprints[kFingerprintKey] = f.fingerprint.empty() ? FindingFingerprint(f) : f.fingerprint;
    r["partialFingerprints"] = std::move(fingerprints);
    if (f.suppressed) {
      json::object suppression;
      suppression["kind"] = "inSource";
      suppression["status"] = "accepted";
      if (!f.suppression_justification.empty()) {
        suppression["justification"] = f.suppression_justification;
      }
      json::array suppressions;
      suppressions.push_back(std::move(suppression));
      r["suppressions"] = std::move(suppressions);
    }
    json::object properties;
    properties["category"] = CategoryName(f.category);
    properties["impact"] = ImpactName(f.impact);
    properties["impactedField"] = f.impacted_field;
    properties["impactedValue"] = f.impacted_value;
    properties["pointer"] = f.location.pointer;
    if (f.policy) {
      // Azure Policy findings: the effect and the definition, as in the JSON report.
      properties["effect"] = f.effect;
      properties["policy"] = json::object{{"name", f.policy->name},
                                          {"displayName", f.policy->display_name},
                                          {"initiative", f.policy->initiative}};
    }
    r["properties"] = std::move(properties);
    results.push_back(std::move(r));
  }

  json::array notifications;
  for (const InputError& e : result.errors) {
    json::object n;
    n["level"] = "error";
    n["message"] = Text(Sentence(e.message));
    json::object location;
    location["physicalLocation"] = PhysicalLocation(e.location, cwd);
    json::array locations;
    locations.push_back(std::move(location));
    n["locations"] = std::move(locations);
    notifications.push_back(std::move(n));
  }
  json::object invocation;
  invocation["executionSuccessful"] = result.errors.empty();
  if (!notifications.empty()) invocation["toolExecutionNotifications"] = std::move(notifications);
  json::array invocations;
  invocations.push_back(std::move(invocation));

  json::object driver;
  driver["name"] = "armlint";
  driver["version"] = ReportToolVersion();
  driver["semanticVersion"] = ReportToolVersion();
  driver["informationUri"] = kInformationUri;
  driver["rules"] = std::move(rule_array);
  json::object tool;
  tool["driver"] = std::move(driver);

  json::object run;
  run["tool"] = std::move(tool);
  run["invocations"] = std::move(invocations);
  run["columnKind"] = "unicodeCodePoints";
  run["results"] = std::move(results);
  json::array runs;
  runs.push_back(std::move(run));

  json::object root;
  root["$schema"] = kSchema;
  root["version"] = "2.1.0";
  root["runs"] = std::move(runs);
  WritePrettyJson(root, out);
  return absl::OkStatus();
}

}  // namespace armlint::internal
