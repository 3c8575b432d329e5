// The per-file pipeline: json -> manifest -> arm -> resources -> rules -> findings.
#include "api/lint_file.h"

#include <iostream>
#include <iterator>
#include <map>
#include <optional>
#include <tuple>

#include "arm/expand.h"
#include "arm/parameter_files.h"
#include "findings/findings.h"
#include "findings/workloads.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/resource.h"
#include "util/glob.h"

namespace armlint::internal {
namespace {

// What applies to one file: its config and the rule set that config selects.
struct FileContext {
  std::shared_ptr<const Config> config;
  const RuleSet* rules = nullptr;
};

// The state of one assessment (rule x resource, or native rule x template): healthy until a hit
// says otherwise; an unsuppressed failure beats unknown.
enum class AssessmentState { kHealthy, kUnknown, kFailed };

struct AssessmentKey {
  const Rule* rule;
  const Resource* resource;  // null: the template (native checks)
  bool operator<(const AssessmentKey& o) const {
    return std::tie(rule, resource) < std::tie(o.rule, o.resource);
  }
};

// Assessments of one file from its hits and the findings made of them (README "Portfolio view").
void Assess(const FileContext& file, const std::vector<Resource>& resources, bool is_template,
            const std::vector<Hit>& hits, const std::vector<std::optional<Finding>>& made,
            Assessments& out) {
  std::map<AssessmentKey, AssessmentState> states;
  std::vector<const Rule*> applicable;
  for (const Resource& r : resources) {
    applicable.clear();
    file.rules->ApplicableRules(r, applicable);
    for (const Rule* rule : applicable) states.emplace(AssessmentKey{rule, &r}, AssessmentState{});
  }
  if (is_template) {
    for (const Rule* rule : file.rules->NativeRules()) {
      states.emplace(AssessmentKey{rule, nullptr}, AssessmentState{});
    }
  }
  for (std::size_t i = 0; i < hits.size(); ++i) {
    if (!made[i].has_value()) continue;  // the config turns the rule off, or no violation
    const Hit& hit = hits[i];
    AssessmentKey key{hit.rule, hit.rule->check.empty() ? hit.resource : nullptr};
    AssessmentState& state = states[key];
    if (made[i]->suppressed) continue;  // suppressed findings count as healthy
    AssessmentState now =
        made[i]->outcome == Outcome::kFail ? AssessmentState::kFailed : AssessmentState::kUnknown;
    if (static_cast<int>(now) > static_cast<int>(state)) state = now;
  }
  for (const auto& [key, state] : states) {
    if (!ConfigKeepsRule(file.config.get(), *key.rule)) continue;
    Impact impact = key.rule->impact;
    if (file.config != nullptr) {
      if (auto it = file.config->impact.find(key.rule->id); it != file.config->impact.end()) {
        impact = it->second;
      }
    }
    const int c = static_cast<int>(key.rule->category), i = static_cast<int>(impact);
    if (state == AssessmentState::kUnknown) {
      ++out.unknown[c][i];
      continue;
    }
    ++out.assessed[c][i];
    if (state == AssessmentState::kFailed) ++out.failed[c][i];
  }
}

void Evaluate(const LintSettings& settings, const FileContext& file, const LintUnit& unit,
              const CheckContext& context, const std::vector<Resource>& resources,
              FileResult& out) {
  std::vector<Hit> hits;
  for (const Resource& r : resources) file.rules->EvaluateResource(r, hits, resources);
  file.rules->RunNativeChecks(context, hits);
  std::vector<absl::Status> directive_errors;
  Suppressor suppressor(*unit.doc, file.config, settings.today, directive_errors);
  for (const absl::Status& s : directive_errors) {
    out.errors.push_back(ToInputError(s, unit.doc->path()));
  }
  FindingPolicy policy;
  policy.report_unknown = true;  // unknown outcomes are assessed; dropped below unless asked
  policy.config = file.config.get();
  policy.suppressor = &suppressor;
  // Aligned with the hits, so that each finding is known to come from its hit (for assessments).
  std::vector<std::optional<Finding>> made = MakeFindings(hits, unit, policy);
  Assess(file, resources, context.classification.kind == ManifestKind::kTemplate, hits, made,
         out.summary.assessments);
  for (std::optional<Finding>& f : made) {
    if (!f.has_value()) continue;
    if (f->outcome == Outcome::kUnknown && !settings.report_unknown) continue;
    out.findings.push_back(std::move(*f));
  }
  out.resources += static_cast<int>(resources.size());
  out.summary.resources += static_cast<int>(resources.size());
}

// The parameter file for a template: -p, else the config's mapping, else the file found beside
// the template by the naming conventions (arm/parameter_files.h), else none.
std::string ParametersFor(const LintSettings& settings, const FileContext& file,
                          const std::string& path) {
  if (!settings.parameters_file.empty()) return settings.parameters_file;
  if (file.config != nullptr) {
    std::string rel = RelativeTo(path, file.config->dir);
    for (const ParameterMapping& m : file.config->parameters) {
      if (GlobMatch(m.template_glob, rel)) return m.file;
    }
  }
  return FindParameterFile(path);
}

void LintDocument(const LintSettings& settings, const FileContext& file, const Document& doc,
                  FileResult& out) {
  Classification c = Classify(doc.root());
  CheckContext context;
  context.doc = &doc;
  context.classification = c;
  if (file.config != nullptr) {
    context.api_version_max_age_months = file.config->api_version_max_age_months;
    context.required_tags = file.config->required_tags;
  }
  LintUnit unit{&doc, nullptr};
  switch (c.kind) {
    case ManifestKind::kOther:
      return;
    case ManifestKind::kParameters: {
      ++out.files;
      Evaluate(settings, file, unit, context, {}, out);
      return;
    }
    case ManifestKind::kResourceExport: {
      ++out.files;
      std::vector<Resource> resources = ResourcesFromExport(doc);
      context.resources = &resources;
      Evaluate(settings, file, unit, context, resources, out);
      return;
    }
    case ManifestKind::kTemplate:
      break;
  }
  ++out.files;
  std::unique_ptr<Document> params;
  if (std::string params_path = ParametersFor(settings, file, doc.path()); !params_path.empty()) {
    absl::StatusOr<std::unique_ptr<Document>> p = Document::Load(params_path, 1);
    if (!p.ok()) {
      out.errors.push_back(ToInputError(p.status(), params_path));
    } else {
      params = std::move(*p);
    }
  }
  ExpandOptions options;
  options.parameters = params.get();
  absl::StatusOr<Expansion> expansion = ExpandTemplate(doc, options);
  if (!expansion.ok()) {
    out.errors.push_back(ToInputError(expansion.status(), doc.path()));
    return;
  }
  for (const absl::Status& s : expansion->errors) out.errors.push_back(ToInputError(s, doc.path()));
  std::vector<Resource> resources = ResourcesFromExpansion(doc, *expansion);
  unit.parameters = params.get();
  context.parameters = params.get();
  context.expansion = &*expansion;
  context.resources = &resources;
  Evaluate(settings, file, unit, context, resources, out);
}

// Finds the config and rule set for `path`; false when the file is ignored by its config.
bool ResolveFile(const LintSettings& settings, const std::string& path, FileContext& file,
                 FileResult& out) {
  file.rules = settings.rules;
  if (settings.configs == nullptr) return true;
  absl::StatusOr<std::shared_ptr<const Config>> config = settings.configs->For(path);
  if (!config.ok()) {
    out.errors.push_back(ToInputError(config.status(), path));
    return true;
  }
  file.config = *config;
  if (file.config == nullptr) return true;
  out.summary.workload = ConfigWorkload(file.config.get(), path);
  std::string rel = RelativeTo(path, file.config->dir);
  for (const std::string& glob : file.config->ignore) {
    if (GlobMatch(glob, rel)) return false;
  }
  if ((!file.config->rule_packs.empty() || !file.config->policies.empty()) &&
      settings.rules_for_config) {
    absl::StatusOr<const RuleSet*> rules = settings.rules_for_config(*file.config);
    if (!rules.ok()) {
      out.errors.push_back(ToInputError(rules.status(), file.config->path));
    } else {
      file.rules = *rules;
    }
  }
  return true;
}

void Finalize(const std::string& path, FileResult& out) {
  out.summary.path = path;
  for (Finding& f : out.findings) f.workload = out.summary.workload;
  SortFindings(out.findings);
}

}  // namespace

FileResult LintText(const LintSettings& settings, std::string path, std::string text) {
  FileResult out;
  FileContext file;
  if (!ResolveFile(settings, path, file, out)) return out;
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse(path, std::move(text));
  if (!doc.ok()) {
    out.errors.push_back(ToInputError(doc.status(), path));
    return out;
  }
  LintDocument(settings, file, **doc, out);
  Finalize(path, out);
  return out;
}

FileResult LintFile(const LintSettings& settings, const std::string& path) {
  if (path == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    return LintText(settings, "<stdin>", std::move(text));
  }
  FileResult out;
  FileContext file;
  if (!ResolveFile(settings, path, file, out)) return out;
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) {
    out.errors.push_back(ToInputError(doc.status(), path));
    return out;
  }
  LintDocument(settings, file, **doc, out);
  Finalize(path, out);
  return out;
}

}  // namespace armlint::internal
