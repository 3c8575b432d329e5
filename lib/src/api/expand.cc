// armlint::Expand and armlint::ExpandToJson (`armlint expand`): the deployment lint sees for one
// template. The file is configured, classified and given its parameter file exactly as
// LintFile does it (api/lint_file.cc), so that what is printed is what the rules evaluate.
#include "arm/expand.h"

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "api/lint_file.h"
#include "arm/expansion_json.h"
#include "armlint/armlint.hpp"
#include "findings/config.h"
#include "findings/findings.h"
#include "json/document.h"
#include "manifest/classify.h"
#include "util/str_cat.h"

namespace armlint {
namespace internal {
namespace {

struct ExpandOutput {
  // The expanded deployment's JSON, or why there is none (the file could not be read or parsed,
  // is not a template, or could not be expanded).
  absl::StatusOr<std::string> json = std::string();
  // Errors lint reports beside its findings (the config, the parameter file), each with the
  // file lint names for it.
  std::vector<std::pair<absl::Status, std::string>> input_errors;
  // Errors inside the template (also listed in the JSON's "errors").
  std::vector<absl::Status> expansion_errors;
};

ExpandOutput ExpandFile(const std::string& path, const Options& options) {
  ExpandOutput out;
  ConfigResolver configs(options.config_file, options.use_config);
  std::shared_ptr<const Config> config;
  if (absl::StatusOr<std::shared_ptr<const Config>> c = configs.For(path); c.ok()) {
    config = *c;
  } else {
    out.input_errors.emplace_back(c.status(), path);
  }
  absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(path);
  if (!doc.ok()) {
    out.json = doc.status();
    return out;
  }
  const Value& root = (*doc)->root();
  const Classification c = Classify(root);
  if (c.kind != ManifestKind::kTemplate) {
    std::string_view why = c.reason.empty() ? "not recognised" : c.reason;
    if (c.kind == ManifestKind::kParameters) why = "a parameter file: expand its template with -p";
    if (c.kind == ManifestKind::kResourceExport) why = "a resource export";
    out.json = (*doc)->ErrorAt(root.pos(), Cat("not a deployment template (", why, ")"));
    return out;
  }
  std::unique_ptr<Document> params;
  if (std::string params_path = ParameterFileFor(options.parameters_file, config.get(), path);
      !params_path.empty()) {
    absl::StatusOr<std::unique_ptr<Document>> p = Document::Load(params_path, 1);
    if (p.ok()) {
      params = std::move(*p);
    } else {
      out.input_errors.emplace_back(p.status(), params_path);
    }
  }
  ExpandOptions expand;
  expand.parameters = params.get();
  absl::StatusOr<Expansion> expansion = ExpandTemplate(**doc, expand);
  if (!expansion.ok()) {
    out.json = expansion.status();
    return out;
  }
  out.expansion_errors = expansion->errors;
  out.json = PrettyJson(ExpansionToJson(*expansion));
  return out;
}

}  // namespace
}  // namespace internal

ExpandResult Expand(const std::string& path, const Options& options) {
  internal::ExpandOutput out = internal::ExpandFile(path, options);
  ExpandResult result;
  for (const auto& [status, file] : out.input_errors) {
    result.errors.push_back(internal::ToInputError(status, file));
  }
  if (out.json.ok()) {
    result.json = std::move(*out.json);
  } else {
    result.errors.push_back(internal::ToInputError(out.json.status(), path));
  }
  for (const absl::Status& s : out.expansion_errors) {
    result.errors.push_back(internal::ToInputError(s, path));
  }
  internal::SortErrors(result.errors);
  return result;
}

absl::StatusOr<std::string> ExpandToJson(const std::string& template_path,
                                         const std::string& parameters_path) {
  Options options;
  options.parameters_file = parameters_path;
  options.use_config = false;
  internal::ExpandOutput out = internal::ExpandFile(template_path, options);
  if (!out.input_errors.empty()) return out.input_errors.front().first;
  return out.json;
}

}  // namespace armlint
