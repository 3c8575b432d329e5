// armlint merge: JSON reports (shards of one run, or many repositories) back into one LintResult.
#include <fstream>
#include <sstream>

#include "absl/strings/str_cat.h"
#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "armlint/armlint.hpp"
#include "findings/findings.h"

namespace armlint {
namespace {

namespace json = boost::json;

std::string Str(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_string()) return "";
  return std::string(v->as_string());
}

int Int(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr || !v->is_int64()) return 0;
  return static_cast<int>(v->as_int64());
}

const json::object* Obj(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v == nullptr ? nullptr : v->if_object();
}

const json::array* Arr(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v == nullptr ? nullptr : v->if_array();
}

// `file` of a report labelled `prefix` ("repo/"): "repo/infra/main.json", also for "./infra/...".
std::string Labelled(const std::string& prefix, std::string file) {
  if (prefix.empty()) return file;
  while (file.starts_with("./")) file.erase(0, 2);
  return prefix + file;
}

absl::Status Bad(const std::string& path, std::string_view what) {
  return absl::InvalidArgumentError(
      absl::StrCat(path, ": not an armlint JSON report (", std::string(what), ")"));
}

absl::StatusOr<Finding> ReadFinding(const std::string& path, const json::value& v) {
  const json::object* o = v.if_object();
  if (o == nullptr) return Bad(path, "a finding is not an object");
  Finding f;
  f.rule_id = Str(*o, "ruleId");
  std::optional<Category> c = ParseCategory(Str(*o, "category"));
  std::optional<Impact> i = ParseImpact(Str(*o, "impact"));
  if (f.rule_id.empty() || !c || !i) return Bad(path, "a finding lacks ruleId/category/impact");
  f.category = *c;
  f.impact = *i;
  f.impacted_field = Str(*o, "impactedField");
  f.impacted_value = Str(*o, "impactedValue");
  f.resource_id = Str(*o, "resourceId");
  if (const json::object* d = Obj(*o, "shortDescription")) {
    f.problem = Str(*d, "problem");
    f.solution = Str(*d, "solution");
  }
  f.learn_more_link = Str(*o, "learnMoreLink");
  f.outcome = Str(*o, "outcome") == "unknown" ? Outcome::kUnknown : Outcome::kFail;
  if (f.outcome == Outcome::kUnknown) f.unknown_reason = Str(*o, "unknownReason");
  if (const json::object* l = Obj(*o, "location")) {
    f.location.file = Str(*l, "file");
    f.location.line = Int(*l, "line");
    f.location.column = Int(*l, "column");
    f.location.pointer = Str(*l, "pointer");
  }
  if (const json::object* s = Obj(*o, "suppression")) {
    f.suppressed = true;
    f.suppression_justification = Str(*s, "justification");
  }
  f.workload = Str(*o, "workload");
  f.value = Str(*o, "value");
  if (const json::value* m = o->if_contains("valueMissing"); m != nullptr && m->is_bool()) {
    f.value_missing = m->as_bool();
  }
  f.effect = Str(*o, "effect");
  if (const json::object* p = Obj(*o, "policy")) {
    f.policy = PolicyRef{Str(*p, "name"), Str(*p, "displayName"), Str(*p, "initiative")};
  }
  return f;
}

absl::Status ReadWorkload(const std::string& path, const json::value& v, LintResult& into) {
  const json::object* o = v.if_object();
  if (o == nullptr) return Bad(path, "a workload is not an object");
  FileSummary s;
  s.workload = Str(*o, "name");
  s.files = Int(*o, "files");
  s.resources = Int(*o, "resources");
  if (const json::object* a = Obj(*o, "assessments")) {
    for (int c = 0; c < kCategoryCount; ++c) {
      const json::object* by_impact = Obj(*a, CategoryName(static_cast<Category>(c)));
      if (by_impact == nullptr) continue;
      for (int i = 0; i < kImpactCount; ++i) {
        const json::object* cell = Obj(*by_impact, ImpactName(static_cast<Impact>(i)));
        if (cell == nullptr) continue;
        s.assessments.assessed[c][i] = Int(*cell, "assessed");
        s.assessments.failed[c][i] = Int(*cell, "failed");
        s.assessments.unknown[c][i] = Int(*cell, "unknown");
      }
    }
  }
  into.files_linted.push_back(std::move(s));
  return absl::OkStatus();
}

absl::Status ReadReport(const std::string& path, LintResult& into) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return absl::NotFoundError(absl::StrCat(path, ": cannot read"));
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  json::value doc = json::parse(text.str(), ec);
  if (ec) return Bad(path, absl::StrCat("invalid JSON: ", ec.message()));
  const json::object* root = doc.if_object();
  const json::object* tool = root == nullptr ? nullptr : Obj(*root, "tool");
  if (tool == nullptr || Str(*tool, "name") != "armlint") return Bad(path, "no tool.name armlint");
  const json::object* summary = Obj(*root, "summary");
  const json::array* workloads = Arr(*root, "workloads");
  if (summary == nullptr || workloads == nullptr) {
    return Bad(path, "no summary or workloads: written by an older armlint?");
  }
  // A labelled report (--label) names its repository: its paths get the label in front, so
  // that infra/main.json of two repositories stay two files.
  const std::string label = Str(*root, "label");
  const std::string prefix = label.empty() ? "" : label + "/";
  into.files += Int(*summary, "files");
  into.resources += Int(*summary, "resources");
  into.suppressed += Int(*summary, "suppressed");
  into.unevaluated_deployments += Int(*summary, "unevaluatedDeployments");
  for (const json::value& w : *workloads) {
    if (absl::Status s = ReadWorkload(path, w, into); !s.ok()) return s;
  }
  if (const json::array* findings = Arr(*root, "findings")) {
    for (const json::value& v : *findings) {
      absl::StatusOr<Finding> f = ReadFinding(path, v);
      if (!f.ok()) return f.status();
      f->location.file = Labelled(prefix, f->location.file);
      into.findings.push_back(std::move(*f));
    }
  }
  if (const json::array* errors = Arr(*root, "errors")) {
    for (const json::value& v : *errors) {
      const json::object* o = v.if_object();
      if (o == nullptr) continue;
      InputError e;
      e.location.file = Labelled(prefix, Str(*o, "file"));
      e.location.line = Int(*o, "line");
      e.location.column = Int(*o, "column");
      e.message = Str(*o, "message");
      into.errors.push_back(std::move(e));
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<LintResult> MergeReports(const std::vector<std::string>& paths) {
  LintResult result;
  for (const std::string& p : paths) {
    if (absl::Status s = ReadReport(p, result); !s.ok()) return s;
  }
  internal::SortFindings(result.findings);
  internal::SortErrors(result.errors);
  return result;
}

}  // namespace armlint
