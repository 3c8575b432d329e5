// The per-file pipeline: json -> manifest -> arm -> resources -> rules -> findings.
#include "api/lint_file.h"

#include <iostream>
#include <iterator>
#include <optional>

#include "arm/expand.h"
#include "arm/parameter_files.h"
#include "findings/findings.h"
#include "findings/scores.h"
#include "findings/workloads.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/effective.h"
#include "resources/resource.h"
#include "util/glob.h"

namespace armlint::internal {
namespace {

// What applies to one file: its config and the rule set that config selects.
struct FileContext {
  std::shared_ptr<const Config> config;
  const RuleSet* rules = nullptr;
};

void Evaluate(const LintSettings& settings, const FileContext& file, const LintUnit& unit,
              const CheckContext& context, const std::vector<Resource>& resources,
              FileResult& out) {
  std::vector<Hit> hits;
  for (const Resource& r : resources) file.rules->EvaluateResource(r, hits);
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
  AssessFile(*file.rules, file.config.get(), resources,
             context.classification.kind == ManifestKind::kTemplate, hits, made,
             out.summary.assessments);
  for (std::optional<Finding>& f : made) {
    if (!f.has_value()) continue;
    if (f->outcome == Outcome::kUnknown && !settings.report_unknown) continue;
    out.findings.push_back(std::move(*f));
  }
  out.resources += static_cast<int>(resources.size());
  out.summary.resources += static_cast<int>(resources.size());
}

void LintDocument(const LintSettings& settings, const FileContext& file, const Document& doc,
                  FileResult& out) {
  Classification c = Classify(doc.root());
  CheckContext context;
  context.doc = &doc;
  context.classification = c;
  if (file.config != nullptr) {
    context.options = &file.config->check_options;
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
      ApplyEffectiveConfiguration(doc.arena(), resources);
      context.resources = &resources;
      Evaluate(settings, file, unit, context, resources, out);
      return;
    }
    case ManifestKind::kTemplate:
      break;
  }
  ++out.files;
  std::unique_ptr<Document> params;
  if (std::string params_path =
          ParameterFileFor(settings.parameters_file, file.config.get(), doc.path());
      !params_path.empty()) {
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
  ApplyEffectiveConfiguration(doc.arena(), resources);
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
  if (!file.config->rule_packs.empty() && settings.rules_for_config) {
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

std::string ParameterFileFor(const std::string& explicit_file, const Config* config,
                             const std::string& path) {
  if (!explicit_file.empty()) return explicit_file;
  if (config != nullptr) {
    std::string rel = RelativeTo(path, config->dir);
    for (const ParameterMapping& m : config->parameters) {
      if (GlobMatch(m.template_glob, rel)) return m.file;
    }
  }
  return FindParameterFile(path);
}

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
