// The per-file pipeline: json -> manifest -> arm -> resources -> rules -> findings.
#include "api/lint_file.h"

#include <algorithm>
#include <iostream>
#include <iterator>
#include <optional>

#include "absl/strings/str_cat.h"

#include "api/bicep.h"
#include "api/lint_file_params.h"
#include "arm/expand.h"
#include "arm/parameter_files.h"
#include "findings/findings.h"
#include "findings/scores.h"
#include "findings/workload_environment.h"
#include "findings/workloads.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/effective.h"
#include "resources/resource.h"
#include "util/glob.h"
#include "util/input_error.h"

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
  for (const Resource& r : resources) file.rules->EvaluateResource(r, hits, resources);
  file.rules->RunNativeChecks(context, hits);
  ApplyWorkloadEnvironments(hits, resources,
                            ConfigEnvironment(file.config.get(), unit.doc->path()));
  std::vector<absl::Status> directive_errors;
  Suppressor suppressor(*unit.doc, file.config, settings.today, directive_errors,
                        &file.rules->all_ids());
  for (const absl::Status& s : directive_errors) {
    out.errors.push_back(ToInputError(s, unit.doc->path()));
  }
  FindingPolicy policy;
  policy.report_unknown = true;  // unknown outcomes are assessed; dropped below unless asked
  policy.unknown_for_assessment_only = !settings.report_unknown;
  policy.config = file.config.get();
  policy.suppressor = &suppressor;
  // Aligned with the hits, so that each finding is known to come from its hit (for assessments).
  LintUnit named = unit;
  named.resources = resources;
  std::vector<std::optional<Finding>> made = MakeFindings(hits, named, policy);
  AssessFile(*file.rules, file.config.get(), resources,
             context.classification.kind == ManifestKind::kTemplate, hits, made,
             out.summary.assessments);
  // Sized once: the file's findings are kept (and merged) to the end of the run.
  out.findings.reserve(out.findings.size() +
                       static_cast<std::size_t>(std::count_if(
                           made.begin(), made.end(), [&](const std::optional<Finding>& f) {
                             return f.has_value() &&
                                    (f->outcome != Outcome::kUnknown || settings.report_unknown);
                           })));
  for (std::optional<Finding>& f : made) {
    if (!f.has_value()) continue;
    if (unit.parameters != nullptr && f->location.file == unit.doc->path()) {
      NameParameterSource(*unit.doc, *unit.parameters, *f);
    }
    if (f->outcome == Outcome::kUnknown && !settings.report_unknown) continue;
    out.findings.push_back(std::move(*f));
  }
  out.resources += static_cast<int>(resources.size());
  out.unevaluated_deployments +=
      static_cast<int>(std::count_if(resources.begin(), resources.end(), [](const Resource& r) {
        return r.unexpanded_template != nullptr;
      }));
  out.summary.resources += static_cast<int>(resources.size());
}

// The deployment context of a file: --context, else the config's "context", else placeholders.
ContextValues ContextFor(const LintSettings& settings, const Config* config) {
  ContextValues v = settings.context;
  if (config == nullptr) return v;
  auto fill = [](std::string& into, const std::string& from) {
    if (into.empty()) into = from;
  };
  fill(v.subscription_id, config->context.subscription_id);
  fill(v.tenant_id, config->context.tenant_id);
  fill(v.resource_group, config->context.resource_group);
  fill(v.location, config->context.location);
  fill(v.deployment_name, config->context.deployment_name);
  fill(v.environment, config->context.environment);
  return v;
}

// Expands and evaluates the template `doc` with the parameter file `params` (may be null).
void LintTemplate(const LintSettings& settings, const FileContext& file, const Document& doc,
                  const Document* params, CheckContext& context, FileResult& out) {
  LintUnit unit{&doc, nullptr, {}};
  ExpandOptions options;
  options.parameters = params;
  options.context = ContextFor(settings, file.config.get());
  absl::StatusOr<Expansion> expansion = ExpandTemplate(doc, options);
  if (!expansion.ok()) {
    out.errors.push_back(ToInputError(expansion.status(), doc.path()));
    return;
  }
  for (const absl::Status& s : expansion->errors) out.errors.push_back(ToInputError(s, doc.path()));
  std::vector<Resource> resources = ResourcesFromExpansion(doc, *expansion);
  ApplyEffectiveConfiguration(doc.arena(), resources);
  unit.parameters = params;
  context.parameters = params;
  context.expansion = &*expansion;
  context.resources = &resources;
  Evaluate(settings, file, unit, context, resources, out);
}

CheckContext ContextOf(const FileContext& file, const Document& doc) {
  CheckContext context;
  context.doc = &doc;
  context.classification = Classify(doc.root());
  if (file.config != nullptr) {
    context.options = &file.config->check_options;
  }
  return context;
}

// A parameter file named on its own: its template, linted with it (api/lint_file_params.h).
void LintParameterFileAlone(const LintSettings& settings, const FileContext& file,
                            const Document& doc, FileResult& out) {
  absl::StatusOr<std::string> tmpl = TemplateForParameterFile(doc, file.config.get());
  if (!tmpl.ok()) {
    out.errors.push_back(ToInputError(tmpl.status(), doc.path()));
    return;
  }
  // The run lints the template anyway, with this file: nothing to add.
  if (settings.linted_in_run && settings.linted_in_run(*tmpl) &&
      SameFile(ParameterFileFor(settings.parameters_file, file.config.get(), *tmpl,
                                settings.folder_facts),
               doc.path())) {
    return;
  }
  absl::StatusOr<std::unique_ptr<Document>> t = Document::Load(*tmpl);
  if (!t.ok()) {
    out.errors.push_back(ToInputError(t.status(), *tmpl));
    return;
  }
  CheckContext context = ContextOf(file, **t);
  if (context.classification.kind != ManifestKind::kTemplate) {
    out.errors.push_back(
        ToInputError(InputError(SourceLocation{doc.path(), 0, 0, ""},
                                absl::StrCat("the template of this parameter file, ", *tmpl,
                                             ", is not a deployment template")),
                     doc.path()));
    return;
  }
  absl::StatusOr<std::unique_ptr<Document>> p = Document::Load(doc.path(), 1);
  if (!p.ok()) {
    out.errors.push_back(ToInputError(p.status(), doc.path()));
    return;
  }
  LintTemplate(settings, file, **t, p->get(), context, out);
}

void LintDocument(const LintSettings& settings, const FileContext& file, const Document& doc,
                  bool named, FileResult& out, const Document* params_override = nullptr) {
  CheckContext context = ContextOf(file, doc);
  LintUnit unit{&doc, nullptr, {}};
  switch (context.classification.kind) {
    case ManifestKind::kOther:
      return;
    case ManifestKind::kParameters: {
      ++out.files;
      Evaluate(settings, file, unit, context, {}, out);
      if (named) LintParameterFileAlone(settings, file, doc, out);
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
  if (params_override != nullptr) {
    LintTemplate(settings, file, doc, params_override, context, out);
    return;
  }
  std::unique_ptr<Document> params;
  if (std::string params_path = ParameterFileFor(settings.parameters_file, file.config.get(),
                                                 doc.path(), settings.folder_facts);
      !params_path.empty()) {
    absl::StatusOr<std::unique_ptr<Document>> p = Document::Load(params_path, 1);
    if (!p.ok()) {
      out.errors.push_back(ToInputError(p.status(), params_path));
    } else {
      params = std::move(*p);
    }
  }
  LintTemplate(settings, file, doc, params.get(), context, out);
}

// Moves the findings and errors located in `compiled` (JSON compiled from the Bicep file of the
// same path) to the Bicep declarations that produced them.
void MapResultToBicep(const Document& compiled, FileResult& out) {
  absl::StatusOr<std::string> bicep = ReadText(compiled.path());
  if (!bicep.ok()) return;
  for (Finding& f : out.findings) {
    if (f.location.file == compiled.path()) MapToBicep(compiled.text(), *bicep, f.location);
  }
  for (::armlint::InputError& e : out.errors) {
    if (e.location.file == compiled.path()) MapToBicep(compiled.text(), *bicep, e.location);
  }
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
  out.config_workload_root = file.config->workload_root;
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

std::string ParameterFileFor(const std::string& explicit_file, const Config* config,
                             const std::string& path, const FolderFacts* facts) {
  if (!explicit_file.empty()) return explicit_file;
  if (config != nullptr) {
    std::string rel = RelativeTo(path, config->dir);
    for (const ParameterMapping& m : config->parameters) {
      if (GlobMatch(m.template_glob, rel)) return m.file;
    }
  }
  return FindParameterFile(path, facts);
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
  LintDocument(settings, file, **doc, false, out);
  Finalize(path, out);
  return out;
}

namespace {

// A .bicep or .bicepparam file: compiled, linted, located in the Bicep sources.
void LintBicep(const LintSettings& settings, const FileContext& file, const std::string& path,
               FileResult& out) {
  absl::StatusOr<BicepOutput> compiled = CompileBicep(path);
  if (!compiled.ok()) {
    out.errors.push_back(ToInputError(compiled.status(), path));
    return;
  }
  if (!path.ends_with(".bicepparam")) {
    absl::StatusOr<std::unique_ptr<Document>> doc =
        Document::Parse(path, std::move(compiled->template_json));
    if (!doc.ok()) {
      out.errors.push_back(ToInputError(
          absl::InvalidArgumentError(absl::StrCat(
              "`", compiled->command, "` printed no JSON template: ", doc.status().message())),
          path));
      return;
    }
    LintDocument(settings, file, **doc, false, out);
    MapResultToBicep(**doc, out);
    return;
  }
  // .bicepparam: the template it uses, linted with its values.
  std::string template_path = compiled->template_path.empty() ? path : compiled->template_path;
  if (compiled->template_json.empty() && template_path.ends_with(".bicep")) {
    absl::StatusOr<BicepOutput> t = CompileBicep(template_path);
    if (!t.ok()) {
      out.errors.push_back(ToInputError(t.status(), template_path));
      return;
    }
    compiled->template_json = std::move(t->template_json);
  }
  absl::StatusOr<std::unique_ptr<Document>> params =
      Document::Parse(path, std::move(compiled->parameters_json), 1);
  absl::StatusOr<std::unique_ptr<Document>> tmpl =
      compiled->template_json.empty()
          ? absl::StatusOr<std::unique_ptr<Document>>(
                InputError(SourceLocation{path, 0, 0, ""},
                           absl::StrCat("`", compiled->command,
                                        "` printed no template and the file names no local "
                                        "template with `using '...'`")))
          : Document::Parse(template_path, std::move(compiled->template_json));
  for (auto* d : {&params, &tmpl}) {
    if (!d->ok()) {
      out.errors.push_back(ToInputError(d->status(), path));
      return;
    }
  }
  LintDocument(settings, file, **tmpl, false, out, params->get());
  MapResultToBicep(**tmpl, out);
  MapResultToBicep(**params, out);
}

}  // namespace

FileResult LintFile(const LintSettings& settings, const std::string& path, bool named) {
  if (path == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    return LintText(settings, "<stdin>", std::move(text));
  }
  FileResult out;
  FileContext file;
  if (!ResolveFile(settings, path, file, out)) return out;
  if (IsBicepPath(path)) {
    LintBicep(settings, file, path, out);
    Finalize(path, out);
    return out;
  }
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) {
    out.errors.push_back(ToInputError(doc.status(), path));
    return out;
  }
  LintDocument(settings, file, **doc, named, out);
  Finalize(path, out);
  return out;
}

}  // namespace armlint::internal
