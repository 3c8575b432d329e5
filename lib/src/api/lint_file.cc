// The per-file pipeline: json -> manifest -> arm -> resources -> rules -> findings.
#include "api/lint_file.h"

#include <iostream>
#include <iterator>

#include "arm/expand.h"
#include "findings/findings.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "resources/resource.h"

namespace armlint::internal {
namespace {

void Evaluate(const LintSettings& settings, const LintUnit& unit, const CheckContext& context,
              const std::vector<Resource>& resources, FileResult& out) {
  std::vector<Hit> hits;
  for (const Resource& r : resources) settings.rules->EvaluateResource(r, hits);
  settings.rules->RunNativeChecks(context, hits);
  AppendFindings(hits, unit, settings.report_unknown, out.findings);
  out.resources += static_cast<int>(resources.size());
}

void LintDocument(const LintSettings& settings, const Document& doc, FileResult& out) {
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
      Evaluate(settings, unit, context, {}, out);
      return;
    }
    case ManifestKind::kResourceExport: {
      ++out.files;
      std::vector<Resource> resources = ResourcesFromExport(doc);
      context.resources = &resources;
      Evaluate(settings, unit, context, resources, out);
      return;
    }
    case ManifestKind::kTemplate:
      break;
  }
  ++out.files;
  std::unique_ptr<Document> params;
  if (!settings.parameters_file.empty()) {
    absl::StatusOr<std::unique_ptr<Document>> p = Document::Load(settings.parameters_file, 1);
    if (!p.ok()) {
      out.errors.push_back(ToInputError(p.status(), settings.parameters_file));
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
  Evaluate(settings, unit, context, resources, out);
}

}  // namespace

FileResult LintText(const LintSettings& settings, std::string path, std::string text) {
  FileResult out;
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Parse(path, std::move(text));
  if (!doc.ok()) {
    out.errors.push_back(ToInputError(doc.status(), path));
    return out;
  }
  LintDocument(settings, **doc, out);
  SortFindings(out.findings);
  return out;
}

FileResult LintFile(const LintSettings& settings, const std::string& path) {
  if (path == "-") {
    std::string text(std::istreambuf_iterator<char>(std::cin), {});
    return LintText(settings, "<stdin>", std::move(text));
  }
  FileResult out;
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) {
    out.errors.push_back(ToInputError(doc.status(), path));
    return out;
  }
  LintDocument(settings, **doc, out);
  SortFindings(out.findings);
  return out;
}

}  // namespace armlint::internal
