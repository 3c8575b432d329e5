// Expansion -> JSON for `armlint expand`.
#include "arm/expansion_json.h"

#include <boost/json/serialize.hpp>

#include "util/input_error.h"
#include "util/strings.h"

namespace armlint::internal {
namespace json = boost::json;
namespace {

json::string_view Sv(std::string_view s) { return json::string_view(s.data(), s.size()); }

void Indent(std::string& out, int n) { out.append(static_cast<std::size_t>(n) * 2, ' '); }

void Pretty(const json::value& v, int depth, std::string& out) {
  if (const json::object* o = v.if_object()) {
    if (o->empty()) {
      out += "{}";
      return;
    }
    out += "{\n";
    bool first = true;
    for (const auto& kv : *o) {
      if (!first) out += ",\n";
      first = false;
      Indent(out, depth + 1);
      out += json::serialize(json::value(kv.key()));
      out += ": ";
      Pretty(kv.value(), depth + 1, out);
    }
    out += "\n";
    Indent(out, depth);
    out += "}";
    return;
  }
  if (const json::array* a = v.if_array()) {
    if (a->empty()) {
      out += "[]";
      return;
    }
    out += "[\n";
    bool first = true;
    for (const json::value& item : *a) {
      if (!first) out += ",\n";
      first = false;
      Indent(out, depth + 1);
      Pretty(item, depth + 1, out);
    }
    out += "\n";
    Indent(out, depth);
    out += "]";
    return;
  }
  out += json::serialize(v);
}

}  // namespace

json::value ValueToJson(const Value& v) { return ValueToJson(v, false); }

json::value ValueToJson(const Value& v, bool secure) {
  // A secure array or object (a secureObject parameter, a value computed from a secret) keeps
  // its shape; everything inside it is secret.
  secure = secure || v.secure();
  switch (v.kind()) {
    case Kind::kArray: {
      json::array a;
      a.reserve(v.items().size());
      for (const Value* item : v.items()) a.push_back(ValueToJson(*item, secure));
      return a;
    }
    case Kind::kObject: {
      json::object o;
      o.reserve(v.members().size());
      for (const Member& m : v.members()) o[Sv(m.key)] = ValueToJson(*m.value, secure);
      return o;
    }
    default:
      break;
  }
  if (secure) return json::value("***");
  switch (v.kind()) {
    case Kind::kNull:
    case Kind::kArray:
    case Kind::kObject:
      return nullptr;
    case Kind::kBool:
      return v.bool_value();
    case Kind::kInt:
      return v.int_value();
    case Kind::kDouble:
      return v.double_value();
    case Kind::kString:
      return json::value(Sv(v.string_value()));
    case Kind::kUnknown: {
      json::object o;
      o["$unknown"] = Sv(v.unknown_reason());
      return o;
    }
  }
  return nullptr;
}

json::value ExpansionToJson(const Expansion& expansion) {
  json::object root;
  json::array resources;
  for (const ExpandedResource& r : expansion.resources) {
    if (r.existing || r.body == nullptr) continue;
    json::object o;
    bool id_written = false;
    auto write_id = [&] {
      if (r.id.empty()) {
        json::object u;
        u["$unknown"] = "the resource id depends on unknown values";
        o["id"] = std::move(u);
      } else {
        o["id"] = Sv(r.id);
      }
      id_written = true;
    };
    bool deployment = EqualsIgnoreCase(r.type, "Microsoft.Resources/deployments");
    for (const Member& m : r.body->members()) {
      if (EqualsIgnoreCase(m.key, "id")) continue;
      if (deployment && EqualsIgnoreCase(m.key, "properties") && m.value->is_object()) {
        // The inline template is not repeated: its resources follow this deployment (with
        // deployment_depth + 1), evaluated.
        json::object props;
        for (const Member& pm : m.value->members()) {
          if (EqualsIgnoreCase(pm.key, "template") && pm.value->is_object()) {
            json::object t;
            t["$expanded"] = "the inline template's resources follow this deployment";
            props[Sv(pm.key)] = std::move(t);
          } else {
            props[Sv(pm.key)] = ValueToJson(*pm.value, m.value->secure());
          }
        }
        o[Sv(m.key)] = std::move(props);
        continue;
      }
      o[Sv(m.key)] = ValueToJson(*m.value);
      if (EqualsIgnoreCase(m.key, "name")) write_id();
    }
    if (!id_written) write_id();
    if (r.condition != nullptr) o["condition"] = ValueToJson(*r.condition);
    resources.push_back(std::move(o));
  }
  root["resources"] = std::move(resources);
  root["outputs"] =
      expansion.outputs != nullptr ? ValueToJson(*expansion.outputs) : json::value(json::object());
  if (!expansion.errors.empty()) {
    json::array errors;
    for (const absl::Status& e : expansion.errors) {
      json::object eo;
      if (auto loc = GetSourceLocation(e)) {
        eo["file"] = Sv(loc->file);
        eo["line"] = loc->line;
        eo["column"] = loc->column;
      }
      eo["message"] = Sv(std::string_view(e.message().data(), e.message().size()));
      errors.push_back(std::move(eo));
    }
    root["errors"] = std::move(errors);
  }
  return root;
}

std::string PrettyJson(const json::value& v) {
  std::string out;
  Pretty(v, 0, out);
  out += "\n";
  return out;
}

}  // namespace armlint::internal
