// Builds the rule-facing Resource model from exports and from expanded templates.
#include "resources/resource.h"

#include "absl/strings/str_split.h"

#include "util/join.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

std::string_view LastSegment(std::string_view name) {
  std::size_t slash = name.rfind('/');
  return slash == std::string_view::npos ? name : name.substr(slash + 1);
}

// The full name ("server/db") of a resource id, from the segments after the last
// "/providers/<namespace>/": type/name pairs.
std::string FullNameFromId(std::string_view id) {
  std::string lower = ToLower(id);
  std::size_t p = lower.rfind("/providers/");
  if (p == std::string::npos) return "";
  std::vector<absl::string_view> segs =
      absl::StrSplit(AbslView(id.substr(p + 11)), '/', absl::SkipEmpty());
  if (segs.size() < 3) return "";
  std::vector<std::string_view> names;
  for (std::size_t i = 2; i < segs.size(); i += 2) names.push_back(StdView(segs[i]));
  return Join(names, "/");
}

void FillComputed(Resource& r, Arena& arena) {
  Anchor at = r.anchor;
  const Value* type = r.body->Find("type");
  r.type_value = Value::String(arena, r.type, type ? type->anchor() : at);
  const Value* name = r.body->Find("name");
  Anchor name_at = name ? name->anchor() : at;
  if (r.name_known) {
    r.full_name_value = Value::String(arena, r.name, name_at);
    r.name_value = Value::String(arena, LastSegment(r.name), name_at);
  } else {
    const Value* unknown =
        name && name->is_unknown() ? name : Value::Unknown(arena, "name not known", name_at);
    r.full_name_value = unknown;
    r.name_value = unknown;
  }
  const Value* id = r.body->Find("id");
  if (!r.id.empty()) {
    r.id_value = Value::String(arena, r.id, id ? id->anchor() : at);
  } else {
    r.id_value = Value::Unknown(arena, "resource id not known", at, Kind::kString);
  }
  r.type_lower = ToLower(r.type);
}

bool AddExportResource(const Document& doc, const Value& obj, std::vector<Resource>& out) {
  if (!obj.is_object()) return false;
  const Value* type = obj.Find("type");
  if (type == nullptr || !type->is_string()) return false;
  Resource r;
  r.doc = &doc;
  r.body = &obj;
  // `az resource list` often leaves `properties` out or null: the resource's settings are then
  // not known, which is not the same as every setting being absent.
  const Value* props = obj.Find("properties");
  if (props == nullptr || props->is_null()) {
    Arena& arena = doc.arena();
    std::vector<Member> members;
    for (const Member& m : obj.members()) {
      if (!EqualsIgnoreCase(m.key, "properties")) members.push_back(m);
    }
    Anchor at = props ? props->anchor() : obj.anchor();
    members.push_back(
        Member{"properties",
               Value::Unknown(arena, "the export does not include properties", at, Kind::kObject),
               at.pos});
    r.body = Value::Object(arena, members, obj.anchor());
  }
  r.anchor = obj.anchor();
  r.from_export = true;
  r.type = std::string(type->string_value());
  const Value* id = obj.Find("id");
  if (id != nullptr && id->is_string()) r.id = std::string(id->string_value());
  std::string full = FullNameFromId(r.id);
  const Value* name = obj.Find("name");
  if (!full.empty()) {
    r.name = full;
  } else if (name != nullptr && name->is_string()) {
    r.name = std::string(name->string_value());
  }
  r.name_known = !r.name.empty();
  FillComputed(r, doc.arena());
  out.push_back(std::move(r));
  return true;
}

}  // namespace

std::vector<Resource> ResourcesFromExport(const Document& doc) {
  std::vector<Resource> out;
  const Value& root = doc.root();
  const Value* list = &root;
  if (root.is_object()) {
    if (const Value* v = root.Find("value"); v != nullptr && v->is_array()) {
      list = v;
    } else if (const Value* d = root.Find("data"); d != nullptr && d->is_array()) {
      list = d;
    }
  }
  if (list->is_array()) {
    for (const Value* item : list->items()) AddExportResource(doc, *item, out);
  } else {
    AddExportResource(doc, root, out);
  }
  return out;
}

std::vector<Resource> ResourcesFromExpansion(const Document& doc, const Expansion& expansion) {
  std::vector<Resource> out;
  out.reserve(expansion.resources.size());
  for (const ExpandedResource& e : expansion.resources) {
    if (e.existing || e.body == nullptr || !e.body->is_object()) continue;
    Resource r;
    r.doc = &doc;
    r.body = e.body;
    r.anchor = e.body->anchor();
    r.type = e.type;
    r.name = e.name;
    r.name_known = e.name_known;
    r.id = e.id;
    r.deployment_depth = e.deployment_depth;
    r.unexpanded_template = e.unexpanded_template;
    FillComputed(r, doc.arena());
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace armlint::internal
