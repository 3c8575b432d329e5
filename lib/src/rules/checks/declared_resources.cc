// Resource declarations with their full types and evaluated API versions.
#include "rules/checks/declared_resources.h"

#include <cstring>

#include "absl/container/flat_hash_map.h"

#include "arm/expand.h"
#include "rules/checks/template_util.h"

namespace armlint::internal::checks {
namespace {

using ByPos = absl::flat_hash_map<std::uint32_t, const ExpandedResource*>;

// A string `key` of `decl`, taken from the expansion when written as an expression: a view
// into the template or the expansion's values (both in the document's arena).
std::string_view Evaluated(const Value* written, const ExpandedResource* expanded,
                           std::string_view key) {
  if (written == nullptr || !written->is_string()) return {};
  if (!IsExpression(written->string_value())) return written->string_value();
  if (expanded == nullptr || expanded->body == nullptr) return {};
  const Value* v = expanded->body->Find(key);
  return v != nullptr && v->is_string() ? v->string_value() : std::string_view();
}

void Visit(const Value* resources, std::string_view parent, const ByPos& by_pos, Arena& arena,
           int depth, std::vector<DeclaredResource>& out);

void VisitOne(const Value& res, std::string_view parent, const ByPos& by_pos, Arena& arena,
              int depth, std::vector<DeclaredResource>& out) {
  if (!res.is_object() || depth > 64) return;
  auto it = by_pos.find(res.pos());
  const ExpandedResource* expanded = it == by_pos.end() ? nullptr : it->second;
  DeclaredResource d;
  d.decl = &res;
  d.type_value = res.Find("type");
  d.api_version = res.Find("apiVersion");
  if (std::string_view t = Evaluated(d.type_value, expanded, "type"); !t.empty()) {
    // A child's type ("blobServices", "blobServices/containers") is relative to its parent's
    // unless written in full, with the provider namespace ("Microsoft.Storage/..."); the
    // expansion's body holds the type as written.
    const std::size_t slash = t.find('/');
    const bool full =
        slash != std::string_view::npos && t.substr(0, slash).find('.') != std::string_view::npos;
    if (full || parent.empty()) {
      d.type = t;
    } else {
      char* p = arena.NewArray<char>(parent.size() + 1 + t.size());
      std::memcpy(p, parent.data(), parent.size());
      p[parent.size()] = '/';
      std::memcpy(p + parent.size() + 1, t.data(), t.size());
      d.type = std::string_view(p, parent.size() + 1 + t.size());
    }
  }
  d.version = Evaluated(d.api_version, expanded, "apiVersion");
  out.push_back(d);
  Visit(res.Find("resources"), d.type, by_pos, arena, depth + 1, out);
  if (const Value* props = res.Find("properties")) {
    if (const Value* inner = props->Find("template"); inner && inner->is_object()) {
      Visit(inner->Find("resources"), "", by_pos, arena, depth + 1, out);
    }
  }
}

void Visit(const Value* resources, std::string_view parent, const ByPos& by_pos, Arena& arena,
           int depth, std::vector<DeclaredResource>& out) {
  if (resources == nullptr) return;
  if (resources->is_array()) {
    for (const Value* r : resources->items()) VisitOne(*r, parent, by_pos, arena, depth, out);
  } else if (resources->is_object()) {
    for (const Member& m : resources->members()) {
      VisitOne(*m.value, parent, by_pos, arena, depth, out);
    }
  }
}

}  // namespace

const std::vector<DeclaredResource>& DeclaredResources(const CheckContext& context,
                                                       const Value& tmpl) {
  if (context.declared == nullptr) {
    ByPos by_pos;
    auto out = std::make_shared<std::vector<DeclaredResource>>();
    if (context.expansion != nullptr) {
      by_pos.reserve(context.expansion->resources.size());
      out->reserve(context.expansion->resources.size());
      for (const ExpandedResource& r : context.expansion->resources) {
        // Copies of one declaration share its position; the first stands for them.
        if (r.body != nullptr && r.body->source() == 0) by_pos.emplace(r.body->pos(), &r);
      }
    }
    Visit(tmpl.Find("resources"), "", by_pos, context.doc->arena(), 0, *out);
    context.declared = std::move(out);
  }
  return *context.declared;
}

}  // namespace armlint::internal::checks
