// Names resources and templates for the resource column of findings.
#include "findings/names.h"

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

#include "util/strings.h"

namespace armlint::internal {
namespace {

// A name expression longer than this is cut: the column is read, not parsed.
constexpr std::size_t kMaxNameText = 40;

// A resource declaration met along a pointer.
struct Declaration {
  std::size_t end = 0;          // where its pointer ends in the full pointer
  std::string token;            // its key: a symbolic name, or an array index
  const Value* decl = nullptr;  // the declaration as written
};

// The resource declarations along `pointer` of `doc`, outermost first.
std::vector<Declaration> DeclarationsAlong(const Document& doc, std::string_view pointer) {
  std::vector<Declaration> out;
  const Value* at = &doc.root();
  bool after_resources = false;  // the previous token was "resources"
  std::string unescaped;         // a token with escapes (~0, ~1); most have none
  std::size_t start = 1;
  while (at != nullptr && pointer.starts_with("/") && start <= pointer.size()) {
    std::size_t slash = pointer.find('/', start);
    if (slash == std::string_view::npos) slash = pointer.size();
    std::string_view seg = pointer.substr(start, slash - start);
    if (seg.find('~') != std::string_view::npos) {
      unescaped = UnescapePointerToken(seg);
      seg = unescaped;
    }
    const Value* next = nullptr;
    if (at->is_array()) {
      char digits[32];  // a NUL-terminated copy for strtoull, on the stack when it fits
      std::string long_token;
      const char* text = digits;
      if (seg.size() < sizeof(digits)) {
        std::memcpy(digits, seg.data(), seg.size());
        digits[seg.size()] = '\0';
      } else {
        long_token = std::string(seg);
        text = long_token.c_str();
      }
      std::size_t i = static_cast<std::size_t>(std::strtoull(text, nullptr, 10));
      if (i < at->items().size()) next = at->items()[i];
    } else if (at->is_object()) {
      next = at->Find(seg);
    }
    if (after_resources && next != nullptr && next->is_object() &&
        (at->is_array() || at->is_object())) {
      out.push_back(Declaration{slash, std::string(seg), next});
    }
    after_resources = seg == "resources";
    at = next;
    start = slash + 1;
  }
  return out;
}

bool IsIndex(std::string_view token) {
  if (token.empty()) return false;
  for (char c : token) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string Shortened(std::string_view text) {
  if (text.size() <= kMaxNameText) return std::string(text);
  std::size_t cut = kMaxNameText - 3;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

std::string LastSegment(std::string_view type) {
  std::size_t slash = type.rfind('/');
  return std::string(slash == std::string_view::npos ? type : type.substr(slash + 1));
}

// A declaration's name where its evaluated name is not known: its symbolic name, else the last
// segment of `type` and the name as written.
std::string DeclarationLabel(const Declaration& d, std::string_view type) {
  if (!IsIndex(d.token)) return d.token;
  const Value* name = d.decl->Find("name");
  std::string written = name != nullptr && name->is_string() ? std::string(name->string_value())
                                                             : std::string("(no name)");
  if (type.empty()) {
    const Value* t = d.decl->Find("type");
    if (t != nullptr && t->is_string()) type = t->string_value();
  }
  std::string last = LastSegment(type);
  return last.empty() ? Shortened(written) : last + " " + Shortened(written);
}

// The resources expanded from declaration `d` (copy loops make several).
std::vector<const Resource*> ResourcesOf(const Declaration& d,
                                         std::span<const Resource> resources) {
  std::vector<const Resource*> out;
  for (const Resource& r : resources) {
    if (r.anchor.known() && r.anchor.source == 0 && r.anchor.pos == d.decl->pos()) {
      out.push_back(&r);
    }
  }
  return out;
}

// Declaration `d` named as a subject: its evaluated name when every resource it produced has the
// same known one, else its label.
Subject NameDeclaration(const Declaration& d, std::span<const Resource> resources) {
  std::vector<const Resource*> made = ResourcesOf(d, resources);
  Subject s;
  if (!made.empty()) s.field = made[0]->type;
  bool one_name = !made.empty();
  for (const Resource* r : made) {
    one_name = one_name && r->name_known && r->name == made[0]->name && r->type == s.field &&
               s.field.find("{unknown}") == std::string::npos;
  }
  if (one_name) {
    s.value = made[0]->name;
    return s;
  }
  if (s.field.empty() || s.field.find("{unknown}") != std::string::npos) {
    const Value* t = d.decl->Find("type");
    s.field = t != nullptr && t->is_string() ? std::string(t->string_value()) : std::string();
  }
  s.value = DeclarationLabel(d, s.field);
  return s;
}

}  // namespace

std::string ResourceLabel(const Document& doc, const Resource& r, std::string_view pointer) {
  if (r.name_known) return r.name;
  std::vector<Declaration> decls = DeclarationsAlong(doc, pointer);
  if (decls.empty() || decls.back().end != pointer.size()) {
    // Not a declaration of this document (an export): the type's last segment.
    return LastSegment(r.type) + " (name not known)";
  }
  return DeclarationLabel(decls.back(), r.type);
}

Subject SubjectAt(const Document& doc, std::span<const Resource> resources,
                  std::string_view pointer) {
  std::vector<Declaration> decls = DeclarationsAlong(doc, pointer);
  if (!decls.empty()) {
    const Declaration& d = decls.back();
    std::string_view rest = pointer.substr(d.end);
    // Inside a nested deployment's template, outside its resources: that template.
    bool in_template = rest == "/properties/template" || rest.starts_with("/properties/template/");
    Subject s = NameDeclaration(d, resources);
    if (in_template) s.field = "template";
    return s;
  }
  return Subject{"template", std::filesystem::path(doc.path()).filename().string()};
}

}  // namespace armlint::internal
