// armlint::ExpandToJson: the public entry point behind `armlint expand FILE [-p PARAMS]`.
#include "arm/expand.h"
#include "arm/expansion_json.h"
#include "arm/parameter_files.h"
#include "armlint/armlint.hpp"
#include "json/document.h"
#include "util/strings.h"

namespace armlint {

absl::StatusOr<std::string> ExpandToJson(const std::string& template_path,
                                         const std::string& parameters_path) {
  using internal::Document;
  absl::StatusOr<std::unique_ptr<Document>> tmpl = Document::Load(template_path, 0);
  if (!tmpl.ok()) return tmpl.status();
  const internal::Value& root = (*tmpl)->root();
  const internal::Value* schema = root.Find("$schema");
  bool is_template =
      root.Find("resources") != nullptr ||
      (schema != nullptr && schema->is_string() &&
       internal::ToLower(schema->string_value()).find("deploymenttemplate") != std::string::npos);
  if (!root.is_object() || !is_template) {
    return (*tmpl)->ErrorAt(root.pos(),
                            "not a deployment template (no 'resources' and no "
                            "deploymentTemplate $schema)");
  }
  std::string params_path =
      parameters_path.empty() ? internal::FindParameterFile(template_path) : parameters_path;
  std::unique_ptr<Document> params;
  if (!params_path.empty()) {
    absl::StatusOr<std::unique_ptr<Document>> p = Document::Load(params_path, 1);
    if (!p.ok()) return p.status();
    params = std::move(*p);
  }
  internal::ExpandOptions options;
  options.parameters = params.get();
  absl::StatusOr<internal::Expansion> expansion = internal::ExpandTemplate(**tmpl, options);
  if (!expansion.ok()) return expansion.status();
  return internal::PrettyJson(internal::ExpansionToJson(*expansion));
}

}  // namespace armlint
