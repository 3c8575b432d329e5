// Hit -> Finding conversion and ordering.
#include "findings/findings.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <tuple>

#include "absl/strings/str_cat.h"

#include "findings/baseline.h"
#include "findings/names.h"
#include "json/compact_json.h"
#include "json/document.h"
#include "util/lower_view.h"
#include "util/strings.h"

namespace armlint::internal {

namespace {

// Pointers under which a value may be a secret: such values are never copied into findings.
bool SecretLooking(std::string_view pointer) {
  const LowerView lower(pointer);  // on the stack when it fits: pointers are short
  for (std::string_view word : {"password", "secret", "key", "token", "connectionstring",
                                "credential", "sas", "certificate", "pwd"}) {
    if (lower.Contains(word)) return true;
  }
  return false;
}

// The scalar written at `pos` of `doc` ("false", "\"TLS1_0\"", "42"), cut at 60 characters;
// empty for objects, arrays, values of secure parameters and values under secret-looking names.
// `v` as compact JSON when it is a known, non-secret scalar ("" otherwise): the value a condition
// evaluated, printed as the text report's "found:".
std::string EvaluatedScalar(const Value* v, std::string_view pointer) {
  if (v == nullptr || v->is_unknown() || v->secure() || SecretLooking(pointer)) return "";
  if (!v->is_string() && !v->is_bool() && !v->is_int() && !v->is_double()) return "";
  return ToJson(*v);
}

std::string WrittenScalar(const LintUnit& unit, Anchor at, std::string_view pointer) {
  const Document* doc = at.source == 1 && unit.parameters != nullptr ? unit.parameters : unit.doc;
  const std::string_view text = doc->text();
  if (!at.known() || at.pos >= text.size() || SecretLooking(pointer)) return "";
  // A parameter's value (parameter file) or default: not when the template declares it secure.
  if (pointer.starts_with("/parameters/")) {
    std::string_view name = pointer.substr(12);
    name = name.substr(0, name.find('/'));
    const Value* params =
        unit.doc->root().is_object() ? unit.doc->root().Find("parameters") : nullptr;
    const Value* decl = params != nullptr && params->is_object() ? params->Find(name) : nullptr;
    const Value* type = decl != nullptr && decl->is_object() ? decl->Find("type") : nullptr;
    if (type == nullptr || !type->is_string() ||
        ToLower(type->string_value()).find("secure") != std::string::npos) {
      return "";
    }
  }
  std::size_t end = at.pos;
  const char first = text[at.pos];
  if (first == '{' || first == '[') return "";
  if (first == '"' || first == '\'') {
    for (++end; end < text.size() && text[end] != first && text[end] != '\n'; ++end) {
      if (text[end] == '\\') ++end;
    }
    if (end < text.size() && text[end] == first) ++end;
  } else {
    while (end < text.size() &&
           std::string_view(",}] \t\r\n/").find(text[end]) == std::string_view::npos) {
      ++end;
    }
  }
  std::string_view written = text.substr(at.pos, end - at.pos);
  constexpr std::size_t kMax = 60;
  if (written.size() <= kMax) return std::string(written);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(written[cut]) & 0xC0) == 0x80) --cut;
  return std::string(written.substr(0, cut)) + "...";
}

}  // namespace

const Document* LocatedIn(const LintUnit& unit, Anchor at) {
  return at.source == 1 && unit.parameters != nullptr ? unit.parameters : unit.doc;
}

Location LocateAnchor(const LintUnit& unit, Anchor at) {
  const Document* doc = LocatedIn(unit, at);
  Location loc;
  loc.file = doc->path();
  if (!at.known()) return loc;
  SourceLocation s = doc->Locate(at.pos);
  loc.line = s.line;
  loc.column = s.column;
  loc.pointer = std::move(s.pointer);
  return loc;
}

bool ConfigKeepsRule(const Config* config, const Rule& rule) {
  return ConfigKeepsRule(config, rule.id, rule.category);
}

bool ConfigKeepsRule(const Config* config, std::string_view id, Category category) {
  if (config == nullptr) return true;
  if (!config->enable.empty() &&
      std::find(config->enable.begin(), config->enable.end(), id) == config->enable.end()) {
    return false;
  }
  if (std::find(config->disable.begin(), config->disable.end(), id) != config->disable.end()) {
    return false;
  }
  return std::find(config->disable_categories.begin(), config->disable_categories.end(),
                   category) == config->disable_categories.end();
}

namespace {

// FingerprintPath of the file last asked for: the findings of a unit are nearly all in its
// linted file, whose path is then normalised once.
class FingerprintPaths {
 public:
  const std::string& Of(const std::string& file) {
    if (!valid_ || file != file_) {
      file_ = file;
      path_ = FingerprintPath(file);
      valid_ = true;
    }
    return path_;
  }

 private:
  bool valid_ = false;
  std::string file_;
  std::string path_;
};

// LocateAnchor of the anchor last asked for: a resource's findings often share one (the
// resource itself, where a property is absent), and locating walks the document.
class Locations {
 public:
  explicit Locations(const LintUnit& unit) : unit_(unit) {}
  const Location& Of(Anchor at) {
    if (!valid_ || at.pos != at_.pos || at.source != at_.source) {
      loc_ = LocateAnchor(unit_, at);
      at_ = at;
      valid_ = true;
    }
    return loc_;
  }

 private:
  const LintUnit& unit_;
  bool valid_ = false;
  Anchor at_;
  Location loc_;
};

// What findings say of the resource last asked for (hits come a resource at a time).
class ResourceNames {
 public:
  struct Names {
    std::string pointer;   // of the declaration
    std::string label;     // impacted_value
    std::string id;        // resource_id
    std::string identity;  // what the fingerprint knows the resource by
  };
  const Names& Of(const LintUnit& unit, const Resource& r) {
    if (r_ == &r) return names_;
    r_ = &r;
    names_.pointer = unit.doc->PointerAt(r.anchor.pos);
    names_.label = ResourceLabel(*unit.doc, r, names_.pointer);
    names_.id = !r.id.empty() ? r.id : absl::StrCat(unit.doc->path(), "#", names_.pointer);
    // Exports carry real ids; a template's evaluated id depends on the deployment context
    // (--context) and its pointer on the array index, so templates use the declaration.
    names_.identity = r.from_export && !r.id.empty()
                          ? r.id
                          : ResourceIdentity(*unit.doc, names_.pointer,
                                             r.name_known ? std::string_view(r.name) : "");
    return names_;
  }

 private:
  const Resource* r_ = nullptr;
  Names names_;
};

}  // namespace

std::string ResourceIdentity(const Document& doc, std::string_view pointer,
                             std::string_view instance_name) {
  // Each array index under a "resources" key becomes the declaration's type and name as
  // written: inserting a resource before it does not change the identity.
  std::string out;
  const Value* at = &doc.root();
  std::string previous;
  bool copy = false;
  std::size_t start = pointer.starts_with("/") ? 1 : pointer.size();
  while (start <= pointer.size() && !pointer.empty()) {
    std::size_t slash = pointer.find('/', start);
    if (slash == std::string_view::npos) slash = pointer.size();
    std::string seg = UnescapePointerToken(pointer.substr(start, slash - start));
    const Value* next = nullptr;
    if (at != nullptr && at->is_array()) {
      std::size_t i = static_cast<std::size_t>(std::strtoull(seg.c_str(), nullptr, 10));
      if (i < at->items().size()) next = at->items()[i];
    } else if (at != nullptr && at->is_object()) {
      next = at->Find(seg);
    }
    if (previous == "resources" && at != nullptr && at->is_array() && next != nullptr &&
        next->is_object()) {
      const Value* type = next->Find("type");
      const Value* name = next->Find("name");
      absl::StrAppend(&out, "/{", type && type->is_string() ? AbslView(type->string_value()) : "",
                      " ", name && name->is_string() ? AbslView(name->string_value()) : "", "}");
      copy = next->Find("copy") != nullptr;
    } else {
      absl::StrAppend(&out, "/", seg);
      if (previous == "resources") copy = next != nullptr && next->Find("copy") != nullptr;
    }
    previous = seg;
    at = next;
    start = slash + 1;
  }
  // Copy-loop instances share a declaration: their evaluated names tell them apart.
  if (copy && !instance_name.empty()) absl::StrAppend(&out, "#", AbslView(instance_name));
  return out;
}

std::vector<std::optional<Finding>> MakeFindings(const std::vector<Hit>& hits, const LintUnit& unit,
                                                 const FindingPolicy& policy) {
  std::vector<std::optional<Finding>> made(hits.size());
  FingerprintPaths paths;
  Locations locations(unit), identity_locations(unit);
  ResourceNames resources;
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const Hit& hit = hits[i];
    if (hit.outcome == Tri::kFalse) continue;
    if (hit.outcome == Tri::kUnknown && !policy.report_unknown) continue;
    const Rule& rule = *hit.rule;
    if (!ConfigKeepsRule(policy.config, rule)) continue;
    Finding& f = made[i].emplace();
    f.rule_id = rule.id;
    f.category = rule.category;
    f.impact = rule.impact;
    if (policy.config != nullptr) {
      if (auto it = policy.config->impact.find(rule.id); it != policy.config->impact.end()) {
        f.impact = it->second;
      }
    }
    Anchor at = hit.anchor;
    if (!at.known() && hit.resource != nullptr) at = hit.resource->anchor;
    // The suppression that covers the finding, if any.
    auto suppression = [&]() -> std::optional<SuppressionMatch> {
      if (policy.suppressor == nullptr) return std::nullopt;
      bool in_doc = at.known() && !(at.source == 1 && unit.parameters != nullptr);
      return policy.suppressor->Match(rule.id, at.pos, in_doc, hit.resource);
    };
    if (hit.outcome == Tri::kUnknown && policy.unknown_for_assessment_only) {
      f.outcome = Outcome::kUnknown;
      std::optional<SuppressionMatch> m = suppression();
      f.suppressed = m.has_value() && m->expired_on.empty();
      continue;
    }
    f.problem = hit.message.empty() ? rule.problem : absl::StrCat(rule.problem, " ", hit.message);
    f.solution = rule.solution;
    f.learn_more_link = rule.learn_more_link;
    f.effect = rule.effect;
    f.policy = rule.policy;
    f.outcome = hit.outcome == Tri::kTrue ? Outcome::kFail : Outcome::kUnknown;
    if (f.outcome == Outcome::kUnknown) f.unknown_reason = hit.unknown_reason;
    f.location = locations.Of(at);
    if (hit.missing || (!hit.anchor.known() && rule.check.empty() && hit.resource != nullptr)) {
      f.value_missing = true;  // a condition's deciding field is absent
    } else if (hit.anchor.known()) {
      // The evaluated value ('TLS1_0', not "[parameters('tls')]") where it is a known scalar.
      f.value = EvaluatedScalar(hit.value, f.location.pointer);
      if (f.value.empty()) f.value = WrittenScalar(unit, hit.anchor, f.location.pointer);
    }
    std::string_view resource_pointer;
    std::string_view identity;  // what the fingerprint knows the resource by
    if (hit.resource != nullptr) {
      const Resource& r = *hit.resource;
      const ResourceNames::Names& names = resources.Of(unit, r);
      resource_pointer = names.pointer;
      f.impacted_field = r.type;
      f.impacted_value = names.label;
      f.resource_id = names.id;
      identity = names.identity;
    } else {
      // The resource declared there, or the template (its file or nested deployment's name).
      Subject s = SubjectAt(*LocatedIn(unit, at), unit.resources, f.location.pointer);
      f.impacted_field = std::move(s.field);
      f.impacted_value = std::move(s.value);
      f.resource_id = absl::StrCat(f.location.file, "#", f.location.pointer);
    }
    // The fingerprint reads the location findings had before absent properties pointed at
    // their ancestor: existing baselines keep matching.
    std::string identity_pointer;
    std::string_view relative = f.location.pointer;
    if (hit.identity_anchor.has_value()) {
      Anchor id_at = *hit.identity_anchor;
      if (!id_at.known() && hit.resource != nullptr) id_at = hit.resource->anchor;
      if (id_at.pos != at.pos || id_at.source != at.source) {
        identity_pointer = identity_locations.Of(id_at).pointer;
        relative = identity_pointer;
      }
    }
    if (!resource_pointer.empty() && relative.starts_with(resource_pointer)) {
      relative.remove_prefix(resource_pointer.size());
    }
    f.fingerprint = FingerprintOfPath(f.rule_id, paths.Of(f.location.file),
                                      identity.empty() ? f.resource_id : identity, relative);
    if (std::optional<SuppressionMatch> m = suppression()) {
      if (m->expired_on.empty()) {
        f.suppressed = true;
        f.suppression_justification = m->justification;
      } else {
        absl::StrAppend(&f.problem, " (a suppression of this finding expired on ", m->expired_on,
                        ": ", m->justification, ")");
      }
    }
  }
  return made;
}

void SortFindings(std::vector<Finding>& findings) {
  auto less = [](const Finding& a, const Finding& b) {
    return std::tie(a.location.file, a.location.line, a.location.column, a.rule_id, a.resource_id) <
           std::tie(b.location.file, b.location.line, b.location.column, b.rule_id, b.resource_id);
  };
  // Findings of files linted in path order often are in order already.
  if (std::is_sorted(findings.begin(), findings.end(), less)) return;
  // A Finding is hundreds of bytes: sort their indices, then move each finding into place,
  // one cycle of the permutation at a time, in the same vector (a sorted copy would hold the
  // run's findings twice, the largest allocation at the end of a corpus run).
  std::vector<std::size_t> order(findings.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return less(findings[a], findings[b]); });
  for (std::size_t start = 0; start < order.size(); ++start) {
    if (order[start] == start) continue;
    Finding held = std::move(findings[start]);
    std::size_t at = start;
    while (order[at] != start) {  // the finding that belongs at `at` is at order[at]
      const std::size_t from = order[at];
      findings[at] = std::move(findings[from]);
      order[at] = at;
      at = from;
    }
    findings[at] = std::move(held);
    order[at] = at;
  }
}

void SortErrors(std::vector<::armlint::InputError>& errors) {
  std::stable_sort(
      errors.begin(), errors.end(),
      [](const ::armlint::InputError& a, const ::armlint::InputError& b) {
        return std::tie(a.location.file, a.location.line, a.location.column, a.message) <
               std::tie(b.location.file, b.location.line, b.location.column, b.message);
      });
}

::armlint::InputError ToInputError(const absl::Status& status, const std::string& file) {
  ::armlint::InputError e;
  e.message = std::string(status.message());
  if (std::optional<SourceLocation> at = GetSourceLocation(status)) {
    e.location.file = at->file.empty() ? file : at->file;
    e.location.line = at->line;
    e.location.column = at->column;
    e.location.pointer = at->pointer;
  } else {
    e.location.file = file;
  }
  return e;
}

}  // namespace armlint::internal
