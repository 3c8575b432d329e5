// Operator semantics: see operators.h; each cites the Azure Policy documentation it follows.
#include "rules/operators.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"

#include "util/limits.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Decodes one UTF-8 sequence at s[i]; 0 bytes when invalid.
std::size_t DecodeUtf8(std::string_view s, std::size_t i, std::uint32_t& cp) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  cp = n == 1 ? c : n == 2 ? (c & 0x1f) : n == 3 ? (c & 0x0f) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    unsigned char cc = static_cast<unsigned char>(s[i + k]);
    if ((cc >> 6) != 2) return 0;
    cp = (cp << 6) | (cc & 0x3f);
  }
  return n;
}

struct OpEntry {
  std::string_view name;
  Op op;
};

constexpr std::array<OpEntry, 23> kOps = {{
    {"equals", Op::kEquals},
    {"notEquals", Op::kNotEquals},
    {"like", Op::kLike},
    {"notLike", Op::kNotLike},
    {"match", Op::kMatch},
    {"notMatch", Op::kNotMatch},
    {"matchInsensitively", Op::kMatchInsensitively},
    {"notMatchInsensitively", Op::kNotMatchInsensitively},
    {"contains", Op::kContains},
    {"notContains", Op::kNotContains},
    {"in", Op::kIn},
    {"notIn", Op::kNotIn},
    {"containsKey", Op::kContainsKey},
    {"notContainsKey", Op::kNotContainsKey},
    {"less", Op::kLess},
    {"lessOrEquals", Op::kLessOrEquals},
    {"greater", Op::kGreater},
    {"greaterOrEquals", Op::kGreaterOrEquals},
    {"exists", Op::kExists},
    {"regex", Op::kRegex},
    {"notRegex", Op::kNotRegex},
    {"writtenAs", Op::kWrittenAs},
    {"expressionCalls", Op::kExpressionCalls},
}};

// The positive operator of a negated one.
Op Positive(Op op, bool& negated) {
  negated = true;
  switch (op) {
    case Op::kNotEquals:
      return Op::kEquals;
    case Op::kNotLike:
      return Op::kLike;
    case Op::kNotMatch:
      return Op::kMatch;
    case Op::kNotMatchInsensitively:
      return Op::kMatchInsensitively;
    case Op::kNotContains:
      return Op::kContains;
    case Op::kNotIn:
      return Op::kIn;
    case Op::kNotContainsKey:
      return Op::kContainsKey;
    case Op::kNotRegex:
      return Op::kRegex;
    default:
      negated = false;
      return op;
  }
}

// Text of a scalar for string operators and coercion; nullopt for arrays, objects, null.
std::optional<std::string> ScalarText(const Value& v) {
  switch (v.kind()) {
    case Kind::kString:
      return std::string(v.string_value());
    case Kind::kBool:
      return std::string(v.bool_value() ? "true" : "false");
    case Kind::kInt:
      return Cat(v.int_value());
    case Kind::kDouble:
      return Cat(v.double_value());
    default:
      return std::nullopt;
  }
}

std::optional<double> AsNumber(const Value& v) {
  if (v.is_number()) return v.number_value();
  if (v.is_string()) {
    double d;
    if (ParseDouble(v.string_value(), d) && std::isfinite(d)) return d;
  }
  return std::nullopt;
}

int CompareIgnoreCase(std::string_view a, std::string_view b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    char x = AsciiLower(a[i]), y = AsciiLower(b[i]);
    if (x != y) return static_cast<unsigned char>(x) < static_cast<unsigned char>(y) ? -1 : 1;
  }
  return a.size() < b.size() ? -1 : a.size() > b.size() ? 1 : 0;
}

// Ordering for less/greater: nullopt when the types do not compare.
std::optional<int> Order(const Value& a, const Value& b) {
  if (a.is_number() || b.is_number()) {
    std::optional<double> x = AsNumber(a), y = AsNumber(b);
    if (!x || !y) return std::nullopt;
    return *x < *y ? -1 : *x > *y ? 1 : 0;
  }
  if (a.is_string() && b.is_string()) return CompareIgnoreCase(a.string_value(), b.string_value());
  return std::nullopt;
}

bool ContainsIgnoreCase(std::string_view hay, std::string_view needle) {
  if (needle.empty()) return true;
  if (!IsAscii(hay) || !IsAscii(needle)) {
    return FoldCase(hay).find(FoldCase(needle)) != std::string::npos;
  }
  if (needle.size() > hay.size()) return false;
  for (std::size_t i = 0; i + needle.size() <= hay.size(); ++i) {
    if (EqualsIgnoreCase(hay.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

bool IsMissing(const Value* v) { return v == nullptr || v->is_null(); }

}  // namespace

std::optional<Op> ParseOp(std::string_view name) {
  for (const OpEntry& e : kOps) {
    if (e.name == name) return e.op;
  }
  return std::nullopt;
}

std::optional<Op> ParseOpIgnoreCase(std::string_view name) {
  for (const OpEntry& e : kOps) {
    if (EqualsIgnoreCase(e.name, name)) return e.op;
  }
  return std::nullopt;
}

std::string_view OpName(Op op) {
  for (const OpEntry& e : kOps) {
    if (e.op == op) return e.name;
  }
  return "?";
}

const std::vector<std::string_view>& OpNames() {
  static const std::vector<std::string_view>* names = [] {
    auto* v = new std::vector<std::string_view>();
    for (const OpEntry& e : kOps) v->push_back(e.name);
    return v;
  }();
  return *names;
}

WildcardPattern WildcardPattern::Like(std::string_view text) {
  WildcardPattern p;
  p.kind = Kind::kLike;
  for (std::size_t start = 0;;) {
    std::size_t star = text.find('*', start);
    p.pieces.push_back(ToLower(text.substr(start, star - start)));
    if (star == std::string_view::npos) break;
    start = star + 1;
  }
  return p;
}

bool WildcardPattern::Matches(std::string_view s) const {
  if (kind == Kind::kMatch) {
    // `#` digit, `?` letter, `.` any character, else the character itself; whole string.
    if (s.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
      char p = pattern[i];
      char c = case_insensitive ? AsciiLower(s[i]) : s[i];
      if (p == '#') {
        if (c < '0' || c > '9') return false;
      } else if (p == '?') {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
      } else if (p != '.' && p != c) {
        return false;
      }
    }
    return true;
  }
  // like: pieces[0] is a prefix, pieces.back() a suffix, the rest found in order between.
  if (pieces.size() == 1) return EqualsIgnoreCase(s, pieces[0]);
  const std::string& first = pieces.front();
  const std::string& last = pieces.back();
  if (s.size() < first.size() + last.size()) return false;
  if (!StartsWithIgnoreCase(s, first) || !EndsWithIgnoreCase(s, last)) return false;
  std::size_t pos = first.size();
  std::size_t end = s.size() - last.size();
  for (std::size_t i = 1; i + 1 < pieces.size(); ++i) {
    const std::string& piece = pieces[i];
    bool found = false;
    for (; pos + piece.size() <= end; ++pos) {
      if (EqualsIgnoreCase(s.substr(pos, piece.size()), piece)) {
        found = true;
        pos += piece.size();
        break;
      }
    }
    if (!found) return false;
  }
  return true;
}

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    std::uint32_t cp = 0;
    std::size_t n = DecodeUtf8(s, i, cp);
    if (n == 0) {
      out += s[i++];
      continue;
    }
    if (n == 1) {
      out += AsciiLower(s[i++]);
      continue;
    }
    const CaseFold* end = kCaseFolds + kCaseFoldCount;
    const CaseFold* it = std::lower_bound(
        kCaseFolds, end, cp, [](const CaseFold& f, std::uint32_t v) { return f.code_point < v; });
    if (it != end && it->code_point == cp) {
      out += it->folded;
    } else {
      out.append(s.substr(i, n));
    }
    i += n;
  }
  return out;
}

bool EqualsFolded(std::string_view a, std::string_view b) {
  if (IsAscii(a) && IsAscii(b)) return EqualsIgnoreCase(a, b);
  return FoldCase(a) == FoldCase(b);
}

Tri LooseEquals(const Value& a, const Value& b) {
  if (a.is_unknown() || b.is_unknown()) return Tri::kUnknown;
  if (a.is_string() && b.is_string()) {
    return TriOf(EqualsFolded(a.string_value(), b.string_value()));
  }
  if (a.is_number() && b.is_number()) return TriOf(a.number_value() == b.number_value());
  if (a.is_array() && b.is_array()) {
    auto x = a.items(), y = b.items();
    if (x.size() != y.size()) return Tri::kFalse;
    Tri all = Tri::kTrue;
    for (std::size_t i = 0; i < x.size(); ++i) all = TriAnd(all, LooseEquals(*x[i], *y[i]));
    return all;
  }
  if (a.is_object() && b.is_object()) {
    auto x = a.members();
    if (x.size() != b.members().size()) return Tri::kFalse;
    Tri all = Tri::kTrue;
    for (const Member& m : x) {
      const Value* other = b.Find(m.key);
      if (other == nullptr) return Tri::kFalse;
      all = TriAnd(all, LooseEquals(*m.value, *other));
    }
    return all;
  }
  if (a.is_null() || b.is_null()) return TriOf(a.is_null() && b.is_null());
  // A string against a bool or number: compare as text ("true" == true, "2" == 2).
  if (a.is_string() || b.is_string()) {
    const Value& s = a.is_string() ? a : b;
    const Value& o = a.is_string() ? b : a;
    if (o.is_number()) {
      std::optional<double> d = AsNumber(s);
      return TriOf(d && *d == o.number_value());
    }
    std::optional<std::string> t = ScalarText(o);
    return TriOf(t && EqualsIgnoreCase(s.string_value(), *t));
  }
  return TriOf(a.is_bool() && b.is_bool() && a.bool_value() == b.bool_value());
}

bool ExpressionCalls(std::string_view e, const WildcardPattern& fn) {
  // Identifiers followed by '(' outside single-quoted string literals ('' escapes a quote).
  bool in_string = false;
  std::size_t ident_start = std::string_view::npos;
  for (std::size_t i = 0; i < e.size(); ++i) {
    char c = e[i];
    if (in_string) {
      if (c == '\'') {
        if (i + 1 < e.size() && e[i + 1] == '\'') {
          ++i;
        } else {
          in_string = false;
        }
      }
      continue;
    }
    bool ident =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (ident) {
      if (ident_start == std::string_view::npos) ident_start = i;
      continue;
    }
    if (c == '(' && ident_start != std::string_view::npos &&
        fn.Matches(e.substr(ident_start, i - ident_start))) {
      return true;
    }
    ident_start = std::string_view::npos;
    if (c == '\'') in_string = true;
  }
  return false;
}

absl::StatusOr<Predicate> Predicate::Compile(Op op, const Value& rhs) {
  Predicate p;
  p.op_ = op;
  p.rhs_ = &rhs;
  Op pos = Positive(op, p.negated_);
  std::string_view name = OpName(op);
  auto need_string = [&]() -> absl::Status {
    if (!rhs.is_string()) {
      return absl::InvalidArgumentError(
          Cat("'", name, "' takes a string, not ", KindName(rhs.kind())));
    }
    return absl::OkStatus();
  };
  switch (pos) {
    case Op::kLike: {
      if (auto s = need_string(); !s.ok()) return s;
      p.wildcard_ = WildcardPattern::Like(rhs.string_value());
      break;
    }
    case Op::kMatch:
    case Op::kMatchInsensitively:
      if (auto s = need_string(); !s.ok()) return s;
      p.wildcard_.kind = WildcardPattern::Kind::kMatch;
      p.wildcard_.case_insensitive = pos == Op::kMatchInsensitively;
      p.wildcard_.pattern = p.wildcard_.case_insensitive ? ToLower(rhs.string_value())
                                                         : std::string(rhs.string_value());
      break;
    case Op::kIn:
      if (!rhs.is_array()) {
        return absl::InvalidArgumentError(
            Cat("'", name, "' takes an array, not ", KindName(rhs.kind())));
      }
      break;
    case Op::kContainsKey:
      if (auto s = need_string(); !s.ok()) return s;
      break;
    case Op::kLess:
    case Op::kLessOrEquals:
    case Op::kGreater:
    case Op::kGreaterOrEquals:
      if (!rhs.is_number() && !rhs.is_string()) {
        return absl::InvalidArgumentError(
            Cat("'", name, "' takes a number or a string, not ", KindName(rhs.kind())));
      }
      break;
    case Op::kExists:
      if (rhs.is_bool()) {
        p.exists_ = rhs.bool_value();
      } else if (rhs.is_string() && EqualsIgnoreCase(rhs.string_value(), "true")) {
        p.exists_ = true;
      } else if (rhs.is_string() && EqualsIgnoreCase(rhs.string_value(), "false")) {
        p.exists_ = false;
      } else {
        return absl::InvalidArgumentError("'exists' takes true or false");
      }
      break;
    case Op::kRegex: {
      if (auto s = need_string(); !s.ok()) return s;
      RE2::Options options;
      options.set_log_errors(false);
      options.set_max_mem(limits::kMaxRegexMemory);
      p.re_ = std::make_unique<RE2>(rhs.string_value(), options);
      if (p.re_->error_code() == RE2::ErrorPatternTooLarge) {
        return absl::InvalidArgumentError(Cat("RE2 pattern needs more than the limit of ",
                                              limits::kMaxRegexMemory, " bytes (kMaxRegexMemory)"));
      }
      if (!p.re_->ok()) {
        return absl::InvalidArgumentError(
            Cat("invalid RE2 pattern: ", p.re_->error(),
                " (syntax: https://github.com/google/re2/wiki/Syntax)"));
      }
      break;
    }
    case Op::kWrittenAs: {
      if (auto s = need_string(); !s.ok()) return s;
      std::string_view w = rhs.string_value();
      if (EqualsIgnoreCase(w, "literal")) {
        p.written_ = WrittenAs::kLiteral;
      } else if (EqualsIgnoreCase(w, "expression")) {
        p.written_ = WrittenAs::kExpression;
      } else if (EqualsIgnoreCase(w, "parameterReference")) {
        p.written_ = WrittenAs::kParameterReference;
      } else {
        return absl::InvalidArgumentError(
            "'writtenAs' takes \"literal\", \"expression\" or \"parameterReference\"");
      }
      break;
    }
    case Op::kExpressionCalls:
      if (auto s = need_string(); !s.ok()) return s;
      p.wildcard_ = WildcardPattern::Like(rhs.string_value());
      break;
    default:
      break;
  }
  return p;
}

Tri Predicate::ApplyPositive(const Value& lhs, const Value& rhs) const {
  Op pos = op_;
  bool ignored;
  pos = Positive(op_, ignored);
  switch (pos) {
    case Op::kEquals:
      return LooseEquals(lhs, rhs);
    case Op::kLike:
    case Op::kMatch:
    case Op::kMatchInsensitively: {
      std::optional<std::string> t = ScalarText(lhs);
      if (!t) return ContainsUnknown(lhs) ? Tri::kUnknown : Tri::kFalse;
      return TriOf(wildcard_.Matches(*t));
    }
    case Op::kRegex: {
      std::optional<std::string> t = ScalarText(lhs);
      if (!t) return ContainsUnknown(lhs) ? Tri::kUnknown : Tri::kFalse;
      return TriOf(RE2::PartialMatch(*t, *re_));
    }
    case Op::kContains: {
      if (lhs.is_array()) {
        Tri any = Tri::kFalse;
        for (const Value* item : lhs.items()) any = TriOr(any, LooseEquals(*item, rhs));
        return any;
      }
      if (lhs.is_object()) return Tri::kFalse;
      std::optional<std::string> hay = ScalarText(lhs);
      std::optional<std::string> needle = ScalarText(rhs);
      if (!hay || !needle) return Tri::kFalse;
      return TriOf(ContainsIgnoreCase(*hay, *needle));
    }
    case Op::kIn: {
      if (!rhs.is_array()) return Tri::kFalse;
      Tri any = Tri::kFalse;
      for (const Value* item : rhs.items()) any = TriOr(any, LooseEquals(lhs, *item));
      return any;
    }
    case Op::kContainsKey: {
      if (!lhs.is_object() || !rhs.is_string()) return Tri::kFalse;
      return TriOf(lhs.FindMember(rhs.string_value()) != nullptr);
    }
    case Op::kLess:
    case Op::kLessOrEquals:
    case Op::kGreater:
    case Op::kGreaterOrEquals: {
      std::optional<int> c = Order(lhs, rhs);
      if (!c) return Tri::kFalse;
      if (pos == Op::kLess) return TriOf(*c < 0);
      if (pos == Op::kLessOrEquals) return TriOf(*c <= 0);
      if (pos == Op::kGreater) return TriOf(*c > 0);
      return TriOf(*c >= 0);
    }
    default:
      return Tri::kFalse;
  }
}

Tri Predicate::Apply(const Value* lhs) const {
  if (op_ == Op::kExists) {
    // An Unknown that may also be missing (a property Azure only interprets when absent).
    if (lhs != nullptr && lhs->is_unknown() && lhs->assumed_null()) return Tri::kUnknown;
    return TriOf(!IsMissing(lhs) == exists_);
  }
  if (op_ == Op::kWrittenAs || op_ == Op::kExpressionCalls) return Tri::kFalse;  // ApplySource
  if (IsMissing(lhs)) {
    // `equals: null` (or `[]`/`""`... no: only null) matches a missing field.
    bool ignored;
    if (rhs_ != nullptr && rhs_->is_null() && Positive(op_, ignored) == Op::kEquals) {
      return TriOf(!negated_);
    }
    return TriOf(negated_);
  }
  if (lhs->is_unknown()) return Tri::kUnknown;
  Tri t = ApplyPositive(*lhs, *rhs_);
  return negated_ ? TriNot(t) : t;
}

Tri Predicate::ApplyDynamic(const Value* lhs, const Value* rhs) const {
  if (rhs != nullptr && rhs->is_unknown()) return Tri::kUnknown;
  bool pattern = op_ == Op::kLike || op_ == Op::kNotLike || op_ == Op::kMatch ||
                 op_ == Op::kNotMatch || op_ == Op::kMatchInsensitively ||
                 op_ == Op::kNotMatchInsensitively;
  if ((op_ == Op::kExists || pattern) && IsMissing(rhs)) return Tri::kFalse;
  if (op_ == Op::kExists || (pattern && rhs->is_string())) {
    // A pattern (or exists flag) computed per resource: compiled for this comparison.
    absl::StatusOr<Predicate> p = Compile(op_, *rhs);
    if (!p.ok()) return Tri::kFalse;
    return p->Apply(lhs);
  }
  if (IsMissing(rhs) && !IsMissing(lhs) && lhs->is_unknown()) return Tri::kUnknown;
  if (IsMissing(lhs) && IsMissing(rhs) && rhs != nullptr) {
    bool ignored;
    if (Positive(op_, ignored) == Op::kEquals) return TriOf(!negated_);  // null equals null
  }
  if (IsMissing(lhs) || IsMissing(rhs)) return TriOf(negated_);
  if (lhs->is_unknown()) return Tri::kUnknown;
  Tri t = ApplyPositive(*lhs, *rhs);
  return negated_ ? TriNot(t) : t;
}

absl::StatusOr<Predicate> Predicate::CompileDynamic(Op op) {
  Predicate p;
  p.op_ = op;
  Op pos = Positive(op, p.negated_);
  switch (pos) {
    case Op::kEquals:
    case Op::kIn:
    case Op::kContains:
    case Op::kContainsKey:
    case Op::kLess:
    case Op::kLessOrEquals:
    case Op::kGreater:
    case Op::kGreaterOrEquals:
    case Op::kLike:
    case Op::kMatch:
    case Op::kMatchInsensitively:
    case Op::kExists:
      return p;
    default:
      return absl::InvalidArgumentError(
          Cat("'", OpName(op), "' needs a literal value, not an expression"));
  }
}

Tri Predicate::ApplyCount(std::int64_t n) const {
  bool ignored;
  Op pos = Positive(op_, ignored);
  auto cmp = [&](const Value& rhs) -> std::optional<int> {
    std::optional<double> d = AsNumber(rhs);
    if (!d) return std::nullopt;
    double x = static_cast<double>(n);
    return x < *d ? -1 : x > *d ? 1 : 0;
  };
  Tri t = Tri::kFalse;
  switch (pos) {
    case Op::kEquals: {
      std::optional<int> c = cmp(*rhs_);
      t = TriOf(c && *c == 0);
      break;
    }
    case Op::kIn:
      for (const Value* item : rhs_->items()) {
        std::optional<int> c = cmp(*item);
        if (c && *c == 0) t = Tri::kTrue;
      }
      break;
    case Op::kLess:
    case Op::kLessOrEquals:
    case Op::kGreater:
    case Op::kGreaterOrEquals: {
      std::optional<int> c = cmp(*rhs_);
      if (!c) return Tri::kFalse;
      if (pos == Op::kLess) return TriOf(*c < 0);
      if (pos == Op::kLessOrEquals) return TriOf(*c <= 0);
      if (pos == Op::kGreater) return TriOf(*c > 0);
      return TriOf(*c >= 0);
    }
    default:
      break;
  }
  return negated_ ? TriNot(t) : t;
}

Tri Predicate::ApplySource(std::optional<WrittenAs> written, std::string_view source_text) const {
  if (!written) return Tri::kFalse;
  if (op_ == Op::kWrittenAs) {
    if (written_ == WrittenAs::kExpression) {
      return TriOf(*written == WrittenAs::kExpression ||
                   *written == WrittenAs::kParameterReference);
    }
    return TriOf(*written == written_);
  }
  if (*written == WrittenAs::kLiteral) return Tri::kFalse;
  return TriOf(ExpressionCalls(source_text, wildcard_));
}

}  // namespace armlint::internal
