// Policy files: walking folders, recognising the shapes definitions are written in.
#include "policy/policy_files.h"

#include <algorithm>
#include <filesystem>

#include "arm/expand.h"
#include "manifest/classify.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsDefinitionProps(const Value& v) {
  return v.is_object() && (v.Find("policyRule") != nullptr || v.Find("displayName") != nullptr ||
                           v.Find("policyDefinitions") != nullptr);
}

std::string StringOf(const Value* v) {
  return v != nullptr && v->is_string() ? std::string(v->string_value()) : std::string();
}

void AddItem(const std::shared_ptr<const Document>& doc, const Value& item, const Value& props,
             std::vector<PolicyItem>& out) {
  PolicyItem p;
  p.doc = doc;
  p.props = &props;
  p.anchor = &item;
  p.name = StringOf(item.Find("name"));
  if (&item == &props || p.name.empty()) {
    std::string_view stem = doc->path();
    std::size_t slash = stem.find_last_of("/\\");
    if (slash != std::string_view::npos) stem.remove_prefix(slash + 1);
    if (stem.size() > 5 && EndsWithIgnoreCase(stem, ".json")) stem.remove_suffix(5);
    if (p.name.empty()) p.name = std::string(stem);
  }
  p.id = StringOf(item.Find("id"));
  p.is_set = props.Find("policyDefinitions") != nullptr;
  p.builtin = EqualsIgnoreCase(StringOf(props.Find("policyType")), "BuiltIn");
  out.push_back(std::move(p));
}

// One value that should be a definition or initiative (or its properties).
bool ReadOne(const std::shared_ptr<const Document>& doc, const Value& v,
             std::vector<PolicyItem>& out) {
  if (!v.is_object()) return false;
  const Value* props = v.Find("properties");
  if (props != nullptr && IsDefinitionProps(*props)) {
    AddItem(doc, v, *props, out);
    return true;
  }
  if (IsDefinitionProps(v)) {
    AddItem(doc, v, v, out);
    return true;
  }
  return false;
}

// Definitions embedded in a deployment template: expanded as ARM deploys it, so that strings
// written "[[...]" (escaped for the template) read as the policy's "[...]".
absl::Status ReadTemplate(const std::shared_ptr<const Document>& doc,
                          std::vector<PolicyItem>& out) {
  absl::StatusOr<Expansion> expansion = ExpandTemplate(*doc, ExpandOptions{});
  if (!expansion.ok()) return expansion.status();
  std::size_t before = out.size();
  for (const ExpandedResource& r : expansion->resources) {
    if (!EqualsIgnoreCase(r.type, "Microsoft.Authorization/policyDefinitions") &&
        !EqualsIgnoreCase(r.type, "Microsoft.Authorization/policySetDefinitions")) {
      continue;
    }
    if (r.body == nullptr) continue;
    const Value* props = r.body->Find("properties");
    if (props == nullptr || !props->is_object()) {
      return doc->ErrorAt(r.body->pos(), "policy definition resource without 'properties'");
    }
    AddItem(doc, *r.body, *props, out);
    if (out.back().name.empty() || !r.name_known) out.back().name = r.name;
    if (!r.name_known || ContainsUnknown(*props)) {
      // Keep it: the loader reports the unknown parts where they matter.
    }
  }
  if (out.size() == before) {
    return doc->ErrorAt(doc->root().pos(),
                        "the template deploys no Microsoft.Authorization/policyDefinitions or "
                        "policySetDefinitions resource");
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> PolicyFiles(const std::vector<std::string>& paths) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) {
      files.push_back(p);
      continue;
    }
    if (!fs::is_directory(p, ec)) {
      return InputError(SourceLocation{p, 0, 0, ""}, "policy file or folder not found",
                        absl::StatusCode::kNotFound);
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec) && EqualsIgnoreCase(it->path().extension().string(), ".json")) {
        found.push_back(it->path().generic_string());
      }
    }
    if (ec) {
      return InputError(SourceLocation{p, 0, 0, ""},
                        Cat("cannot read policy folder: ", ec.message()));
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

absl::Status ReadPolicyItems(std::shared_ptr<const Document> doc, std::vector<PolicyItem>& out) {
  const Value& root = doc->root();
  if (root.is_object() && Classify(root).kind == ManifestKind::kTemplate) {
    return ReadTemplate(doc, out);
  }
  const Value* list = &root;
  if (root.is_object() && root.Find("value") != nullptr && root.Find("value")->is_array()) {
    list = root.Find("value");
  }
  if (list->is_array()) {
    for (const Value* item : list->items()) {
      if (!ReadOne(doc, *item, out)) {
        return doc->ErrorAt(item->pos(),
                            "not a policy definition or initiative (expected an object with "
                            "'properties' holding 'policyRule' or 'policyDefinitions')");
      }
    }
    return absl::OkStatus();
  }
  if (!ReadOne(doc, root, out)) {
    return doc->ErrorAt(root.pos(),
                        "not a policy definition or initiative (expected 'properties' with "
                        "'policyRule' or 'policyDefinitions', an array of them, or a template "
                        "deploying them)");
  }
  return absl::OkStatus();
}

absl::StatusOr<PolicyParameters> ReadAssignmentValues(const Document& doc) {
  const Value* params = &doc.root();
  if (!params->is_object()) {
    return doc.ErrorAt(params->pos(), "policy parameters: expected a JSON object");
  }
  if (const Value* props = params->Find("properties");
      props != nullptr && props->is_object() && props->Find("parameters") != nullptr) {
    params = props->Find("parameters");  // an assignment
  } else if (const Value* p = params->Find("parameters"); p != nullptr && p->is_object()) {
    params = p;
  }
  if (!params->is_object()) {
    return doc.ErrorAt(params->pos(), "policy parameters: 'parameters' must be an object");
  }
  PolicyParameters out;
  for (const Member& m : params->members()) {
    if (m.key == "$schema" || m.key == "contentVersion") continue;
    const Value* v = m.value;
    if (!v->is_object() || v->Find("value") == nullptr) {
      return doc.ErrorAt(v->pos(),
                         Cat("policy parameter '", m.key, "' must be written {\"value\": ...}"));
    }
    out[ToLower(m.key)] = v->Find("value");
  }
  return out;
}

}  // namespace armlint::internal
