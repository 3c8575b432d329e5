// Compiles a rule's `if` into ConditionNodes, validating it with line:col errors.
#include <algorithm>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"

#include "arm/expression_parser.h"
#include "rules/condition.h"
#include "rules/condition_expr.h"
#include "rules/condition_node.h"
#include "util/did_you_mean.h"
#include "util/limits.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

using Node = ConditionNode;

bool IsCountOp(Op op) {
  switch (op) {
    case Op::kEquals:
    case Op::kNotEquals:
    case Op::kIn:
    case Op::kNotIn:
    case Op::kLess:
    case Op::kLessOrEquals:
    case Op::kGreater:
    case Op::kGreaterOrEquals:
      return true;
    default:
      return false;
  }
}

struct Scope {
  bool field_count = false;
  std::vector<PathStep> absolute;  // field count: the counted path from the resource root
  std::string name;                // value count: its `name`
};

class Compiler {
 public:
  Compiler(const Document& doc, const ConditionOptions& options)
      : doc_(doc),
        options_(options),
        aliases_(options.aliases != nullptr ? *options.aliases : AliasTable::Builtin()),
        env_(options.parameters) {
    env_.arena = &doc.arena();
  }
  int max_scopes() const { return max_scopes_; }
  bool dynamic() const { return dynamic_; }

  absl::StatusOr<std::unique_ptr<Node>> Compile(const Value& v, int depth);

 private:
  absl::Status Err(std::uint32_t pos, std::string_view msg) const { return doc_.ErrorAt(pos, msg); }
  absl::StatusOr<FieldPath> Path(const Value& v);
  absl::StatusOr<FieldPath> AbsolutePath(const Value& v);
  absl::StatusOr<FieldPath> Relative(FieldPath path, std::uint32_t pos);
  // A `value` operand: literal, or [field('...')] / [current(...)].
  absl::Status ValueOperand(const Value& v, Node& node);
  absl::Status ValueOrPath(const Value& v, const Value*& literal, bool& is_path, FieldPath& path,
                           const Expr*& expr);
  absl::StatusOr<std::unique_ptr<Node>> CompileCount(const Value& count, std::uint32_t key_pos,
                                                     int depth);
  // A keyword as written: exact in rule files, any case in policies.
  bool Is(std::string_view key, std::string_view keyword) const {
    return options_.policy ? EqualsIgnoreCase(key, keyword) : key == keyword;
  }
  const Member* FindKey(const Value& obj, std::string_view keyword) const {
    for (const Member& m : obj.members()) {
      if (Is(m.key, keyword)) return &m;
    }
    return nullptr;
  }
  absl::StatusOr<FieldPath> ParsePath(std::string_view text) const {
    absl::StatusOr<FieldPath> p = ParseAliasedFieldPath(text, aliases_);
    if (p.ok() && options_.existence) p->outer = false;
    return p;
  }
  // Policies: a string expression that does not read the resource, evaluated now (`out` is its
  // value); one that does, parsed into `expr`. Other values are left as they are.
  absl::Status PolicyExpression(const Value& v, const Value*& out, const Expr*& expr);
  void SnapshotScopes(Node& node) const {
    for (const Scope& s : scopes_) node.scope_refs.push_back({s.field_count, s.absolute, s.name});
  }

  const Document& doc_;
  const ConditionOptions& options_;
  const AliasTable& aliases_;
  PolicyEnv env_;
  std::vector<Scope> scopes_;
  int max_scopes_ = 0;
  bool dynamic_ = false;
};

absl::Status Compiler::PolicyExpression(const Value& v, const Value*& out, const Expr*& expr) {
  out = &v;
  expr = nullptr;
  if (!options_.policy || !v.is_string()) return absl::OkStatus();
  std::string_view s = v.string_value();
  if (!IsExpression(s)) return absl::OkStatus();
  absl::StatusOr<const Expr*> parsed = ParseExpression(s.substr(1, s.size() - 2), doc_.arena());
  if (!parsed.ok()) return Err(v.pos(), MessageOf(parsed.status()));
  if (ReadsResource(s)) {
    expr = *parsed;
    dynamic_ = true;
    return absl::OkStatus();
  }
  absl::StatusOr<const Value*> r =
      EvaluatePolicyExpression(**parsed, env_, doc_.arena(), v.anchor());
  if (!r.ok()) return Err(v.pos(), MessageOf(r.status()));
  out = *r;
  return absl::OkStatus();
}

absl::StatusOr<FieldPath> Compiler::Relative(FieldPath path, std::uint32_t pos) {
  (void)pos;
  if (path.root != FieldRoot::kBody) return path;
  for (std::size_t i = scopes_.size(); i-- > 0;) {
    const Scope& s = scopes_[i];
    if (s.field_count && PathHasPrefix(path.steps, s.absolute)) {
      path.root = FieldRoot::kScope;
      path.scope = static_cast<int>(i);
      path.steps.erase(path.steps.begin(),
                       path.steps.begin() + static_cast<std::ptrdiff_t>(s.absolute.size()));
      path.has_wildcard = std::any_of(path.steps.begin(), path.steps.end(), [](const PathStep& st) {
        return st.kind == PathStep::Kind::kWildcard;
      });
      return path;
    }
  }
  return path;
}

absl::StatusOr<FieldPath> Compiler::Path(const Value& v) {
  absl::StatusOr<FieldPath> p = AbsolutePath(v);
  if (!p.ok()) return p.status();
  return Relative(std::move(*p), v.pos());
}

absl::StatusOr<FieldPath> Compiler::AbsolutePath(const Value& written) {
  const Value* value = &written;
  const Expr* expr = nullptr;
  if (absl::Status s = PolicyExpression(written, value, expr); !s.ok()) return s;
  if (expr != nullptr) {
    return Err(written.pos(), "a field name cannot depend on the resource (field()/current())");
  }
  const Value& v = *value;
  if (!v.is_string()) {
    return Err(written.pos(), Cat("'field' takes a string path, not ", KindName(v.kind())));
  }
  absl::StatusOr<FieldPath> p = ParsePath(v.string_value());
  if (!p.ok()) return Err(written.pos(), MessageOf(p.status()));
  return p;
}

// Parses "name('arg')" or "name()" with optional spaces; returns false if `e` is not that form.
bool ParseCall(std::string_view e, std::string_view name, std::string& arg, bool& has_arg) {
  e = Strip(e);
  if (!StartsWithIgnoreCase(e, name)) return false;
  e = Strip(e.substr(name.size()));
  if (e.empty() || e.front() != '(' || e.back() != ')') return false;
  e = Strip(e.substr(1, e.size() - 2));
  has_arg = !e.empty();
  if (!has_arg) return true;
  if (e.size() < 2 || e.front() != '\'' || e.back() != '\'') return false;
  arg.clear();
  for (std::size_t i = 1; i + 1 < e.size(); ++i) {
    if (e[i] == '\'') {
      if (i + 2 < e.size() && e[i + 1] == '\'') {
        arg += '\'';
        ++i;
        continue;
      }
      return false;
    }
    arg += e[i];
  }
  return true;
}

absl::Status Compiler::ValueOperand(const Value& v, Node& node) {
  absl::Status s = ValueOrPath(v, node.literal, node.value_is_path, node.path, node.value_expr);
  if (s.ok() && node.value_expr != nullptr) SnapshotScopes(node);
  return s;
}

absl::Status Compiler::ValueOrPath(const Value& v, const Value*& literal, bool& is_path,
                                   FieldPath& path, const Expr*& expr) {
  literal = &v;
  expr = nullptr;
  if (!v.is_string()) return absl::OkStatus();
  std::string_view s = v.string_value();
  if (StartsWithIgnoreCase(s, "[[")) {
    literal = Value::String(doc_.arena(), s.substr(1), v.anchor());
    return absl::OkStatus();
  }
  if (s.empty() || s.front() != '[' || s.back() != ']') return absl::OkStatus();
  std::string_view e = s.substr(1, s.size() - 2);
  std::string arg;
  bool has_arg = false;
  if (ParseCall(e, "field", arg, has_arg)) {
    if (!has_arg) return Err(v.pos(), "field() takes a field path: [field('properties.x')]");
    absl::StatusOr<FieldPath> p = ParsePath(arg);
    if (!p.ok()) return Err(v.pos(), MessageOf(p.status()));
    absl::StatusOr<FieldPath> rel = Relative(std::move(*p), v.pos());
    if (!rel.ok()) return rel.status();
    path = std::move(*rel);
    if (options_.existence && path.root != FieldRoot::kScope) path.outer = true;
    if (options_.policy && path.has_wildcard) {
      // field() of a [*] path is the array of the values it selects: an expression.
      path = FieldPath{};
      return PolicyExpression(v, literal, expr);
    }
    is_path = true;
    return absl::OkStatus();
  }
  if (ParseCall(e, "current", arg, has_arg)) {
    if (scopes_.empty()) return Err(v.pos(), "current() is only valid inside a count's 'where'");
    FieldPath p;
    p.text = std::string(s);
    p.root = FieldRoot::kScope;
    if (!has_arg) {
      p.scope = static_cast<int>(scopes_.size()) - 1;
    } else {
      for (std::size_t i = scopes_.size(); i-- > 0;) {
        if (!scopes_[i].field_count && EqualsIgnoreCase(scopes_[i].name, arg)) {
          p.scope = static_cast<int>(i);
          break;
        }
      }
      if (p.scope < 0) {
        absl::StatusOr<FieldPath> fp = ParsePath(arg);
        if (fp.ok()) {
          absl::StatusOr<FieldPath> rel = Relative(std::move(*fp), v.pos());
          if (rel.ok() && rel->root == FieldRoot::kScope) p = std::move(*rel);
        }
      }
      if (p.scope < 0) {
        return Err(v.pos(), Cat("current('", arg,
                                "') names no enclosing count (a value count's 'name' or "
                                "a field count's [*] path)"));
      }
    }
    path = std::move(p);
    is_path = true;
    return absl::OkStatus();
  }
  if (options_.policy) return PolicyExpression(v, literal, expr);
  return Err(v.pos(),
             "armlint evaluates only [field('...')] and [current(...)] expressions in a rule's "
             "'value' (write a literal, or escape a leading '[' as '[[')");
}

absl::StatusOr<std::unique_ptr<Node>> Compiler::CompileCount(const Value& count,
                                                             std::uint32_t key_pos, int depth) {
  if (!count.is_object()) return Err(count.pos(), "'count' takes an object");
  auto node = std::make_unique<Node>();
  node->kind = Node::Kind::kCount;
  const Member* field = count.FindMember("field");
  const Member* value = count.FindMember("value");
  const Member* where = count.FindMember("where");
  const Member* name = count.FindMember("name");
  for (const Member& m : count.members()) {
    static const std::vector<std::string_view> kKeys = {"field", "value", "where", "name"};
    if (std::none_of(kKeys.begin(), kKeys.end(),
                     [&](std::string_view k) { return Is(m.key, k); })) {
      return Err(m.key_pos, Cat("unknown key '", m.key, "' in count", DidYouMean(m.key, kKeys)));
    }
  }
  if ((field == nullptr) == (value == nullptr)) {
    return Err(key_pos, "'count' needs exactly one of 'field' or 'value'");
  }
  Scope scope;
  if (field != nullptr) {
    if (name != nullptr) return Err(name->key_pos, "'name' is only for value counts");
    absl::StatusOr<FieldPath> absolute = AbsolutePath(*field->value);
    if (!absolute.ok()) return absolute.status();
    absl::StatusOr<FieldPath> p = Relative(*absolute, field->value->pos());
    if (!p.ok()) return p.status();
    if (absolute->steps.empty() || absolute->steps.back().kind != PathStep::Kind::kWildcard) {
      return Err(field->value->pos(), "a field count takes an array path ending in [*]");
    }
    node->path = std::move(*p);
    node->count_of_field = true;
    scope.field_count = true;
    scope.absolute = std::move(absolute->steps);
    node->specificity = PathSpecificity(node->path);
  } else {
    absl::Status s = ValueOperand(*value->value, *node);
    if (!s.ok()) return s;
    if (!node->value_is_path && node->value_expr == nullptr && !node->literal->is_array() &&
        !node->literal->is_unknown()) {
      return Err(value->value->pos(), "a value count takes an array or [field('...')]");
    }
    if (name != nullptr) {
      if (!name->value->is_string() || name->value->string_value().empty()) {
        return Err(name->value->pos(), "'name' takes a non-empty string");
      }
      scope.name = std::string(name->value->string_value());
    }
    node->specificity = node->value_is_path ? PathSpecificity(node->path) : -1;
  }
  if (where != nullptr) {
    scopes_.push_back(std::move(scope));
    max_scopes_ = std::max(max_scopes_, static_cast<int>(scopes_.size()));
    node->scope = static_cast<int>(scopes_.size()) - 1;
    absl::StatusOr<std::unique_ptr<Node>> w = Compile(*where->value, depth + 1);
    scopes_.pop_back();
    if (!w.ok()) return w.status();
    node->where = std::move(*w);
  }
  return node;
}

absl::StatusOr<std::unique_ptr<Node>> Compiler::Compile(const Value& v, int depth) {
  if (depth > limits::kMaxConditionDepth) {
    return Err(v.pos(), Cat("condition nested deeper than ", limits::kMaxConditionDepth,
                            " levels (kMaxConditionDepth)"));
  }
  if (!v.is_object()) {
    return Err(v.pos(), Cat("a condition is an object, not ", KindName(v.kind())));
  }
  if (v.members().empty()) return Err(v.pos(), "empty condition");
  // Logical operators.
  for (const Member& m : v.members()) {
    bool all = Is(m.key, "allOf"), any = Is(m.key, "anyOf"), neg = Is(m.key, "not");
    if (!all && !any && !neg) continue;
    if (v.members().size() != 1) {
      for (const Member& o : v.members()) {
        if (&o != &m) {
          return Err(o.key_pos, Cat("'", m.key, "' must be the only key of its object"));
        }
      }
    }
    auto node = std::make_unique<Node>();
    if (neg) {
      node->kind = Node::Kind::kNot;
      absl::StatusOr<std::unique_ptr<Node>> c = Compile(*m.value, depth + 1);
      if (!c.ok()) return c.status();
      node->children.push_back(std::move(*c));
      return node;
    }
    node->kind = all ? Node::Kind::kAllOf : Node::Kind::kAnyOf;
    if (!m.value->is_array() || (m.value->items().empty() && !options_.policy)) {
      return Err(m.value->pos(), Cat("'", m.key, "' takes a non-empty array of conditions"));
    }
    for (const Value* item : m.value->items()) {
      absl::StatusOr<std::unique_ptr<Node>> c = Compile(*item, depth + 1);
      if (!c.ok()) return c.status();
      node->children.push_back(std::move(*c));
    }
    return node;
  }
  // A leaf: one operand (field, value, count) and one operator.
  const Member* operand = nullptr;
  const Member* op_member = nullptr;
  Op op = Op::kEquals;
  for (const Member& m : v.members()) {
    if (Is(m.key, "field") || Is(m.key, "value") || Is(m.key, "count")) {
      if (operand != nullptr) {
        return Err(m.key_pos, Cat("a condition has one of 'field', 'value' or 'count'; '",
                                  operand->key, "' is already given"));
      }
      operand = &m;
      continue;
    }
    std::optional<Op> parsed = options_.policy ? ParseOpIgnoreCase(m.key) : ParseOp(m.key);
    if (!parsed) {
      std::vector<std::string_view> known = OpNames();
      for (std::string_view k : {"field", "value", "count", "allOf", "anyOf", "not"}) {
        known.push_back(k);
      }
      return Err(m.key_pos, Cat("unknown operator '", m.key, "'", DidYouMean(m.key, known)));
    }
    if (op_member != nullptr) {
      return Err(m.key_pos,
                 Cat("a condition has one operator; '", op_member->key, "' is already given"));
    }
    op_member = &m;
    op = *parsed;
  }
  if (operand == nullptr) return Err(v.pos(), "condition needs 'field', 'value' or 'count'");
  if (op_member == nullptr) {
    return Err(v.pos(), Cat("condition on '", operand->key, "' needs an operator"));
  }
  std::unique_ptr<Node> node;
  if (Is(operand->key, "count")) {
    absl::StatusOr<std::unique_ptr<Node>> c =
        CompileCount(*operand->value, operand->key_pos, depth);
    if (!c.ok()) return c.status();
    node = std::move(*c);
    if (!IsCountOp(op)) {
      return Err(op_member->key_pos,
                 Cat("'", op_member->key,
                     "' does not apply to a count (use equals, "
                     "notEquals, in, notIn, less, lessOrEquals, greater, greaterOrEquals)"));
    }
  } else if (Is(operand->key, "field")) {
    node = std::make_unique<Node>();
    node->kind = Node::Kind::kField;
    absl::StatusOr<FieldPath> p = Path(*operand->value);
    if (!p.ok()) return p.status();
    node->path = std::move(*p);
    node->specificity = PathSpecificity(node->path);
  } else {
    node = std::make_unique<Node>();
    node->kind = Node::Kind::kValue;
    absl::Status s = ValueOperand(*operand->value, *node);
    if (!s.ok()) return s;
    node->specificity = node->value_is_path ? PathSpecificity(node->path) : -1;
    if (node->value_expr == nullptr && !node->value_is_path && node->literal->is_unknown()) {
      node->rhs_unknown = true;  // a value nothing offline can know: the outcome is unknown
    }
    if ((op == Op::kWrittenAs || op == Op::kExpressionCalls) && !node->value_is_path) {
      return Err(op_member->key_pos,
                 Cat("'", op_member->key, "' asks how a field is written: use 'field'"));
    }
  }
  const Value* rhs = nullptr;
  if (absl::Status s =
          ValueOrPath(*op_member->value, rhs, node->rhs_is_path, node->rhs_path, node->rhs_expr);
      !s.ok()) {
    return s;
  }
  if (node->rhs_expr != nullptr && node->scope_refs.empty()) SnapshotScopes(*node);
  bool dynamic_rhs = node->rhs_is_path || node->rhs_expr != nullptr;
  if (!dynamic_rhs && rhs->is_unknown()) {
    node->rhs_unknown = true;
    dynamic_rhs = true;
  }
  node->property_path = node->path.root == FieldRoot::kScope ||
                        (node->path.root == FieldRoot::kBody && !node->path.steps.empty() &&
                         node->path.steps[0].kind == PathStep::Kind::kKey &&
                         EqualsIgnoreCase(node->path.steps[0].key, "properties"));
  absl::StatusOr<Predicate> pred =
      dynamic_rhs ? Predicate::CompileDynamic(op) : Predicate::Compile(op, *rhs);
  if (!pred.ok()) return Err(op_member->value->pos(), MessageOf(pred.status()));
  if (node->rhs_is_path && node->kind == Node::Kind::kCount && !options_.policy) {
    return Err(op_member->value->pos(), "a count is compared with a literal");
  }
  node->predicate.emplace(std::move(*pred));
  return node;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Condition>> Condition::Compile(std::shared_ptr<const Document> doc,
                                                              const Value& cond,
                                                              const ConditionOptions& options) {
  Compiler compiler(*doc, options);
  absl::StatusOr<std::unique_ptr<Node>> root = compiler.Compile(cond, 0);
  if (!root.ok()) return root.status();
  std::unique_ptr<Condition> c(new Condition());
  c->doc_ = std::move(doc);
  c->root_ = std::move(*root);
  c->max_scopes_ = compiler.max_scopes();
  c->dynamic_ = compiler.dynamic();
  c->aliases_ = options.aliases;
  c->platform_defaults_ = options.platform_defaults;
  if (options.parameters != nullptr) {
    c->parameters_ = std::make_shared<const PolicyParameters>(*options.parameters);
  }
  return c;
}

Condition::~Condition() = default;

}  // namespace armlint::internal
