// Template walking and expression scanning shared by the native checks.
#include "rules/checks/template_util.h"

#include <bit>
#include <cctype>
#include <memory>
#include <span>

#include "absl/strings/ascii.h"

#include "arm/expression.h"
#include "arm/expression_parser.h"
#include "manifest/classify.h"
#include "rules/operators.h"
#include "util/arena.h"
#include "util/str_cat.h"
#include "util/strings.h"
#include "util/swar.h"

namespace armlint::internal::checks {

const Value* TemplateRoot(const CheckContext& context) {
  if (context.doc == nullptr || context.classification.kind != ManifestKind::kTemplate) {
    return nullptr;
  }
  const Value& root = context.doc->root();
  return root.is_object() ? &root : nullptr;
}

namespace {

void VisitResources(const Value* resources, const std::function<void(const Value&)>& fn, int depth);

void VisitResource(const Value& res, const std::function<void(const Value&)>& fn, int depth) {
  if (!res.is_object() || depth > 64) return;
  fn(res);
  VisitResources(res.Find("resources"), fn, depth + 1);
  // Inline nested deployments: properties.template.resources.
  if (const Value* props = res.Find("properties")) {
    if (const Value* tmpl = props->Find("template"); tmpl && tmpl->is_object()) {
      VisitResources(tmpl->Find("resources"), fn, depth + 1);
    }
  }
}

void VisitResources(const Value* resources, const std::function<void(const Value&)>& fn,
                    int depth) {
  if (resources == nullptr) return;
  if (resources->is_array()) {
    for (const Value* r : resources->items()) VisitResource(*r, fn, depth);
  } else if (resources->is_object()) {
    for (const Member& m : resources->members()) VisitResource(*m.value, fn, depth);
  }
}

}  // namespace

void ForEachResource(const Value& tmpl, const std::function<void(const Value&)>& fn) {
  VisitResources(tmpl.Find("resources"), fn, 0);
}

namespace {

// One function whose literal arguments are collected.
struct CallTarget {
  std::string_view function;  // lower-case name
  NameSet* names;
  bool* dynamic;
};

// The target whose name ends just before the '(' at e[open] (spaces allowed between), with the
// name starting at a word boundary; null if none.
const CallTarget* CalledAt(std::string_view e, std::size_t open,
                           std::span<const CallTarget> targets) {
  std::size_t name_end = open;
  while (name_end > 0 && e[name_end - 1] == ' ') --name_end;
  for (const CallTarget& t : targets) {
    // The last letter first: most calls are of other functions.
    if (name_end < t.function.size() || AsciiLower(e[name_end - 1]) != t.function.back()) continue;
    std::size_t name = name_end - t.function.size();
    if (!EqualsIgnoreCase(e.substr(name, t.function.size()), t.function)) continue;
    if (name > 0 && (absl::ascii_isalnum(static_cast<unsigned char>(e[name - 1])) ||
                     e[name - 1] == '_' || e[name - 1] == '.')) {
      continue;
    }
    return &t;
  }
  return nullptr;
}

// Whether e[from, to) holds an odd number of quotes: eight bytes at a time, XOR-ing exact
// flags of the quotes, whose parity is that of the accumulated flags.
bool OddQuotes(std::string_view e, std::size_t from, std::size_t to) {
  constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;
  std::uint64_t flags = 0;
  std::size_t i = from;
  for (; i + 8 <= to; i += 8) {
    // High bit of each byte equal to '\'', exactly (no borrow crosses a byte).
    const std::uint64_t x = swar::Load8(e.data() + i) ^ swar::Broadcast('\'');
    flags ^= ~(((x & kLow7) + kLow7) | x) & ~kLow7;
  }
  bool odd = (std::popcount(flags) & 1) != 0;
  for (; i < to; ++i) odd ^= e[i] == '\'';
  return odd;
}

// A call is a '(' outside string literals, whose name is read backwards; a '(' is inside one
// when an odd number of quotes precede it (an escaped quote '' counts twice). Most calls are of
// other functions, so the quotes are counted only up to a call of a target: every '(' is found
// by memchr, and most expressions' bytes are looked at once.
void CollectCalls(std::string_view e, std::span<const CallTarget> targets) {
  bool in_string = false;  // at `counted`
  std::size_t counted = 0;
  for (std::size_t i = e.find('('); i != std::string_view::npos; i = e.find('(', i + 1)) {
    const CallTarget* t = CalledAt(e, i, targets);
    if (t == nullptr) continue;
    in_string ^= OddQuotes(e, counted, i);
    counted = i;
    if (in_string) continue;
    std::size_t j = i + 1;
    while (j < e.size() && e[j] == ' ') ++j;
    std::size_t close = j < e.size() && e[j] == '\'' ? e.find('\'', j + 1) : std::string_view::npos;
    std::size_t after = close == std::string_view::npos ? close : close + 1;
    while (after != std::string_view::npos && after < e.size() && e[after] == ' ') ++after;
    if (close == std::string_view::npos || after >= e.size() || e[after] != ')') {
      *t->dynamic = true;  // parameters(concat(...)) or parameters('a''b'): cannot tell which
    } else {
      t->names->insert(e.substr(j + 1, close - j - 1));
    }
  }
}

void IndexContainer(const Value& v, bool in_resources, TemplateIndex& out);

// A string is indexed here, a container walked by recursion: most values are strings, and
// scalars cost no call.
void IndexValue(const Value& v, bool in_resources, TemplateIndex& out) {
  if (v.is_string()) {
    if (IsExpression(v.string_value())) out.expressions.push_back(v.string_value());
  } else if (v.is_array() || v.is_object()) {
    IndexContainer(v, in_resources, out);
  }
}

void IndexContainer(const Value& v, bool in_resources, TemplateIndex& out) {
  if (v.is_array()) {
    for (const Value* item : v.items()) IndexValue(*item, in_resources, out);
    return;
  }
  for (const Member& m : v.members()) {
    // "[format('hidden-link:{0}', parameters('id'))]" as a property name.
    if (IsExpression(m.key)) out.expressions.push_back(m.key);
    if (in_resources) {
      if (EqualsIgnoreCase(m.key, "adminUsername")) {
        out.admin_usernames.push_back(&m);
      } else if (EqualsIgnoreCase(m.key, "settings")) {
        out.settings.push_back(&m);
      }
    }
    IndexValue(*m.value, in_resources, out);
  }
}

}  // namespace

void CollectReferences(std::string_view e, std::string_view function,
                       absl::flat_hash_set<std::string>& names, bool& dynamic) {
  NameSet found;
  const CallTarget target{function, &found, &dynamic};
  CollectCalls(e, std::span<const CallTarget>(&target, 1));
  for (std::string_view n : found) names.insert(ToLower(n));
}

const TemplateIndex& Index(const CheckContext& context, const Value& tmpl) {
  if (context.index == nullptr) {
    auto index = std::make_shared<TemplateIndex>();
    if (tmpl.is_object()) {
      // As IndexValue, knowing which member is the `resources` that Find would return.
      const Member* resources = tmpl.FindMember("resources");
      for (const Member& m : tmpl.members()) {
        if (IsExpression(m.key)) index->expressions.push_back(m.key);
        IndexValue(*m.value, &m == resources, *index);
      }
    } else {
      IndexValue(tmpl, false, *index);
    }
    context.index = std::move(index);
  }
  return *context.index;
}

const TemplateReferences& References(const CheckContext& context, const Value& tmpl) {
  if (context.references == nullptr) {
    auto refs = std::make_shared<TemplateReferences>();
    const CallTarget targets[] = {{"parameters", &refs->parameters, &refs->dynamic_parameters},
                                  {"variables", &refs->variables, &refs->dynamic_variables}};
    for (std::string_view e : Index(context, tmpl).expressions) CollectCalls(e, targets);
    context.references = std::move(refs);
  }
  return *context.references;
}

absl::flat_hash_set<std::string> SecureParameters(const Value& tmpl) {
  absl::flat_hash_set<std::string> out;
  const Value* params = tmpl.Find("parameters");
  if (params == nullptr || !params->is_object()) return out;
  for (const Member& m : params->members()) {
    const Value* type = m.value->Find("type");
    if (type && type->is_string() &&
        (EqualsIgnoreCase(type->string_value(), "securestring") ||
         EqualsIgnoreCase(type->string_value(), "secureobject"))) {
      out.insert(ToLower(m.key));
    }
  }
  return out;
}

namespace {

void VisitCalls(const Expr* e, const std::function<void(const Expr&)>& fn, int depth) {
  if (e == nullptr || depth > 512) return;
  if (e->kind == ExprKind::kCall) fn(*e);
  VisitCalls(e->target, fn, depth + 1);
  for (const Expr* a : e->args) VisitCalls(a, fn, depth + 1);
}

// The text scans for an expression the parser rejects (the expander reports it as an error).
bool TextCallsFunction(std::string_view e, std::string_view name) {
  WildcardPattern p;
  p.pieces = {ToLower(name)};
  return ExpressionCalls(e, p);
}

bool TextCallsList(std::string_view e) {
  static const WildcardPattern* list = [] {
    auto* p = new WildcardPattern();
    p->pieces = {"list", ""};
    return p;
  }();
  return ExpressionCalls(e, *list);
}

}  // namespace

bool ForEachCall(std::string_view e, const std::function<void(const Expr&)>& fn) {
  if (!IsExpression(e)) return false;
  Arena arena;
  absl::StatusOr<const Expr*> parsed = ParseExpression(e.substr(1, e.size() - 2), arena);
  if (!parsed.ok()) return false;
  VisitCalls(*parsed, fn, 0);
  return true;
}

bool CallsFunction(std::string_view e, std::string_view name) {
  bool found = false;
  if (!ForEachCall(e, [&](const Expr& call) {
        if (call.ns.empty() && EqualsIgnoreCase(call.name, name)) found = true;
      })) {
    return TextCallsFunction(e, name);
  }
  return found;
}

bool CallsListFunction(std::string_view e) {
  bool found = false;
  if (!ForEachCall(e, [&](const Expr& call) {
        if (call.ns.empty() && StartsWithIgnoreCase(call.name, "list")) found = true;
      })) {
    return TextCallsList(e);
  }
  return found;
}

bool ReferencesSecure(std::string_view e, const absl::flat_hash_set<std::string>& secure) {
  bool found = false;
  bool parsed = ForEachCall(e, [&](const Expr& call) {
    if (!call.ns.empty() || !EqualsIgnoreCase(call.name, "parameters") || call.args.empty()) {
      return;
    }
    const Expr* arg = call.args[0];
    if (arg->kind == ExprKind::kLiteral && arg->literal->is_string() &&
        secure.contains(ToLower(arg->literal->string_value()))) {
      found = true;
    }
  });
  if (parsed) return found;
  absl::flat_hash_set<std::string> names;
  bool dynamic = false;
  CollectReferences(e, "parameters", names, dynamic);
  for (const std::string& n : names) {
    if (secure.contains(n)) return true;
  }
  return false;
}

Hit MakeHit(const Rule& rule, std::uint32_t pos, std::string message) {
  Hit h;
  h.rule = &rule;
  h.outcome = Tri::kTrue;
  h.anchor = Anchor{pos, 0};
  h.message = std::move(message);
  return h;
}

void ReportUnreferenced(const CheckContext& context, const Rule& rule, std::vector<Hit>& out,
                        std::string_view section, std::string_view what) {
  const Value* tmpl = TemplateRoot(context);
  if (tmpl == nullptr) return;
  const Value* decls = tmpl->Find(section);
  if (decls == nullptr || !decls->is_object() || decls->members().empty()) return;
  const TemplateReferences& refs = References(context, *tmpl);
  const bool params = section == "parameters";
  const NameSet& used = params ? refs.parameters : refs.variables;
  const bool dynamic = params ? refs.dynamic_parameters : refs.dynamic_variables;
  if (dynamic) return;  // a computed name could reference any of them
  for (const Member& m : decls->members()) {
    // Variables declared by a `copy` array in the variables section are named inside it: the
    // finding is at the name.
    if (section == "variables" && EqualsIgnoreCase(m.key, "copy")) {
      if (!m.value->is_array()) continue;
      for (const Value* item : m.value->items()) {
        const Value* name = item->is_object() ? item->Find("name") : nullptr;
        if (name == nullptr || !name->is_string() || used.contains(name->string_value())) continue;
        out.push_back(MakeHit(rule, name->pos(),
                              Cat(what, " '", name->string_value(), "' is never referenced")));
      }
      continue;
    }
    // Bicep validation variables (`var check = cond ? fail('...') : null`) exist to fail the
    // deployment, not to be read.
    if (m.value->is_string() && IsExpression(m.value->string_value()) &&
        CallsFunction(m.value->string_value(), "fail")) {
      continue;
    }
    if (!used.contains(m.key)) {
      out.push_back(MakeHit(rule, m.key_pos, Cat(what, " '", m.key, "' is never referenced")));
    }
  }
}

}  // namespace armlint::internal::checks
