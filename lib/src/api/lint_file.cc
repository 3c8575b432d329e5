// The per-file pipeline: json -> manifest -> arm -> resources -> rules -> findings.
#include "api/lint_file.h"

#include <iostream>
#include <iterator>

#include "arm/expand.h"
#include "arm/parameter_files.h"
#include "findings/findings.h"
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
  policy.report_unknown = settings.report_unknown;
  policy.config = file.config.get();
  policy.suppressor = &suppressor;
  AppendFindings(hits, unit, policy, out.findings);
  out.resources += static_cast<int>(resources.size());
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
  SortFindings(out.findings);
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
  SortFindings(out.findings);
  return out;
}

}  // namespace armlint::internal
