// Classification by $schema and shape (issue 2): templates, parameter files, resource exports.
#include "manifest/classify.h"

#include "util/strings.h"

namespace armlint::internal {
namespace {

// The schema's file name without query/fragment: ".../2019-04-01/deploymentTemplate.json#".
std::string_view SchemaFile(std::string_view schema) {
  std::size_t end = schema.find_first_of("#?");
  if (end != std::string_view::npos) schema = schema.substr(0, end);
  std::size_t slash = schema.rfind('/');
  return slash == std::string_view::npos ? schema : schema.substr(slash + 1);
}

bool LooksLikeResource(const Value& v) {
  if (!v.is_object()) return false;
  const Value* type = v.Find("type");
  if (type == nullptr || !type->is_string()) return false;
  std::string_view t = type->string_value();
  // A provider namespace and a type: "Microsoft.Web/sites".
  if (t.find('/') == std::string_view::npos || t.find('.') == std::string_view::npos) return false;
  const Value* id = v.Find("id");
  const Value* name = v.Find("name");
  return (id != nullptr && id->is_string()) || (name != nullptr && name->is_string());
}

bool IsResourceArray(const Value& v) {
  if (!v.is_array() || v.items().empty()) return false;
  for (const Value* item : v.items()) {
    if (!LooksLikeResource(*item)) return false;
  }
  return true;
}

}  // namespace

Classification Classify(const Value& root) {
  Classification c;
  if (root.is_array()) {
    if (IsResourceArray(root)) {
      c.kind = ManifestKind::kResourceExport;
    } else {
      c.reason = "array that is not a list of resources";
    }
    return c;
  }
  if (!root.is_object()) {
    c.reason = "not a JSON object or array";
    return c;
  }
  if (const Value* schema = root.Find("$schema"); schema != nullptr && schema->is_string()) {
    std::string_view file = SchemaFile(schema->string_value());
    struct {
      std::string_view file;
      std::string_view scope;
    } static constexpr kTemplates[] = {
        {"deploymentTemplate.json", "resourceGroup"},
        {"subscriptionDeploymentTemplate.json", "subscription"},
        {"managementGroupDeploymentTemplate.json", "managementGroup"},
        {"tenantDeploymentTemplate.json", "tenant"},
    };
    for (const auto& t : kTemplates) {
      if (EqualsIgnoreCase(file, t.file)) {
        c.kind = ManifestKind::kTemplate;
        c.scope = t.scope;
        break;
      }
    }
    if (c.kind == ManifestKind::kOther &&
        (EqualsIgnoreCase(file, "deploymentParameters.json") ||
         EqualsIgnoreCase(file, "subscriptionDeploymentParameters.json"))) {
      c.kind = ManifestKind::kParameters;
      return c;
    }
  }
  if (c.kind == ManifestKind::kOther) {
    // A template without $schema (ARM does not require it) still has resources and a
    // contentVersion or parameters; require both shapes to avoid claiming other JSON.
    const Value* resources = root.Find("resources");
    bool has_resources = resources != nullptr && (resources->is_array() || resources->is_object());
    if (has_resources && (root.Find("contentVersion") != nullptr || root.Find("parameters"))) {
      c.kind = ManifestKind::kTemplate;
      c.scope = "resourceGroup";
    }
  }
  if (c.kind == ManifestKind::kTemplate) {
    if (const Value* lv = root.Find("languageVersion"); lv != nullptr && lv->is_string()) {
      std::string_view v = lv->string_value();
      c.language_v2 = v == "2.0" || v.starts_with("2.");
    }
    return c;
  }
  // Exports: {"value": [...]} (REST list), {"data": [...]} (Resource Graph), one resource.
  for (std::string_view key : {"value", "data"}) {
    if (const Value* list = root.Find(key); list != nullptr && list->is_array()) {
      if (IsResourceArray(*list)) {
        c.kind = ManifestKind::kResourceExport;
        return c;
      }
    }
  }
  if (LooksLikeResource(root) && root.Find("id") != nullptr) {
    c.kind = ManifestKind::kResourceExport;
    return c;
  }
  c.reason = "no deployment template or parameters $schema, and not resource JSON";
  return c;
}

std::string_view ManifestKindName(ManifestKind k) {
  switch (k) {
    case ManifestKind::kTemplate:
      return "template";
    case ManifestKind::kParameters:
      return "parameters";
    case ManifestKind::kResourceExport:
      return "export";
    case ManifestKind::kOther:
      return "other";
  }
  return "other";
}

}  // namespace armlint::internal
