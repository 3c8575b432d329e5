// Recursive-descent parser for ARM template expressions.
//
// Grammar
// (https://learn.microsoft.com/azure/azure-resource-manager/templates/template-expressions):
//   expr    := primary postfix*
//   primary := 'string' | number | true | false | null | name '(' args ')' | ns '.' name '(' args
//   ')' postfix := '.' name | '[' expr ']'
// String literals use '' to escape a quote. Names are case-insensitive (resolved against the
// FunctionTable at parse time so that arity errors come out at load).
#include "arm/expression_parser.h"

#include <array>
#include <charconv>
#include <span>
#include <string>

#include "absl/container/inlined_vector.h"

#include "arm/function_table.h"
#include "util/limits.h"
#include "util/status_macros.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {

std::uint32_t ExprCharacter(std::uint32_t offset) { return offset + 2; }

namespace {

constexpr bool IsIdentStart(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
// A table, for the loops that scan names a byte at a time.
constexpr std::array<bool, 256> kIdentChar = [] {
  std::array<bool, 256> t{};
  for (int c = 0; c < 256; ++c) {
    t[c] = IsIdentStart(static_cast<char>(c)) || (c >= '0' && c <= '9') || c == '-';
  }
  return t;
}();
bool IsIdentChar(char c) { return kIdentChar[static_cast<unsigned char>(c)]; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Parser {
 public:
  Parser(std::string_view text, Arena& arena) : text_(text), arena_(arena) {}

  absl::StatusOr<const Expr*> Parse() {
    SkipSpace();
    if (pos_ == text_.size()) return Error("expression is empty", 0);
    ARMLINT_ASSIGN_OR_RETURN(const Expr* e, ParseExpr(0));
    SkipSpace();
    if (pos_ != text_.size()) {
      return Error(
          Cat("unexpected '", std::string(1, text_[pos_]), "' after the end of the expression"),
          pos_);
    }
    return e;
  }

 private:
  absl::Status Error(std::string_view msg, std::size_t at) const {
    return absl::InvalidArgumentError(
        Cat(msg, " at character ", ExprCharacter(static_cast<std::uint32_t>(at))));
  }

  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' ||
                                   text_[pos_] == '\n' || text_[pos_] == '\r')) {
      ++pos_;
    }
  }

  Expr* NewNode(ExprKind k, std::size_t at) {
    Expr* e = arena_.New<Expr>();
    e->kind = k;
    e->offset = static_cast<std::uint32_t>(at);
    return e;
  }

  std::span<const Expr* const> CopyArgs(std::span<const Expr* const> v) {
    const Expr** p = arena_.NewArray<const Expr*>(v.size());
    for (std::size_t i = 0; i < v.size(); ++i) p[i] = v[i];
    return {p, v.size()};
  }

  absl::StatusOr<const Expr*> ParseExpr(int depth) {
    if (depth > limits::kMaxExpressionDepth) {
      return Error(Cat("expression nesting exceeds the limit of ", limits::kMaxExpressionDepth,
                       " (kMaxExpressionDepth)"),
                   pos_);
    }
    SkipSpace();
    ARMLINT_ASSIGN_OR_RETURN(const Expr* e, ParsePrimary(depth));
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size()) break;
      char c = text_[pos_];
      if (c == '.') {
        std::size_t at = pos_++;
        SkipSpace();
        std::size_t start = pos_;
        while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
        if (start == pos_) return Error("expected a property name after '.'", pos_);
        Expr* m = NewNode(ExprKind::kMember, at);
        m->target = e;
        m->name = text_.substr(start, pos_ - start);
        e = m;
      } else if (c == '[') {
        std::size_t at = pos_++;
        ARMLINT_ASSIGN_OR_RETURN(const Expr* index, ParseExpr(depth + 1));
        SkipSpace();
        if (pos_ >= text_.size() || text_[pos_] != ']') {
          return Error("expected ']' to close the index that opens", at);
        }
        ++pos_;
        Expr* ix = NewNode(ExprKind::kIndex, at);
        ix->target = e;
        ix->args = CopyArgs({&index, 1});
        e = ix;
      } else {
        break;
      }
      if (++depth > limits::kMaxExpressionDepth) {
        return Error(Cat("expression nesting exceeds the limit of ", limits::kMaxExpressionDepth,
                         " (kMaxExpressionDepth)"),
                     pos_);
      }
    }
    return e;
  }

  absl::StatusOr<const Expr*> ParsePrimary(int depth) {
    if (pos_ >= text_.size()) return Error("expected a value at the end of the expression", pos_);
    char c = text_[pos_];
    if (c == '\'') return ParseString();
    if (IsDigit(c) || c == '-' || c == '+') return ParseNumber();
    if (IsIdentStart(c)) return ParseName(depth);
    if (c == ')' || c == ',' || c == ']') {
      return Error(Cat("expected a value before '", std::string(1, c), "'"), pos_);
    }
    return Error(Cat("unexpected character '", std::string(1, c), "'"), pos_);
  }

  absl::StatusOr<const Expr*> ParseString() {
    std::size_t start = pos_++;
    std::string unescaped;
    bool escaped = false;
    std::size_t seg = pos_;
    for (;;) {
      pos_ = text_.find('\'', pos_);
      if (pos_ == std::string_view::npos) {
        pos_ = text_.size();
        return Error("unterminated string literal starting", start);
      }
      if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '\'') {
        unescaped.append(text_.substr(seg, pos_ + 1 - seg));
        pos_ += 2;
        seg = pos_;
        escaped = true;
        continue;
      }
      break;
    }
    Expr* e = NewNode(ExprKind::kLiteral, start);
    if (escaped) {
      unescaped.append(text_.substr(seg, pos_ - seg));
      e->literal = Value::String(arena_, unescaped, Anchor{});
    } else {
      // Zero-copy: the expression text outlives its parse tree.
      e->literal = Value::StringView(arena_, text_.substr(start + 1, pos_ - start - 1), Anchor{});
    }
    ++pos_;  // closing quote
    return e;
  }

  absl::StatusOr<const Expr*> ParseNumber() {
    std::size_t start = pos_;
    if (text_[pos_] == '-' || text_[pos_] == '+') ++pos_;
    std::size_t digits = pos_;
    while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    if (digits == pos_) return Error("expected digits after the sign", start);
    bool is_double = false;
    if (pos_ + 1 < text_.size() && text_[pos_] == '.' && IsDigit(text_[pos_ + 1])) {
      is_double = true;
      ++pos_;
      while (pos_ < text_.size() && IsDigit(text_[pos_])) ++pos_;
    }
    std::string_view num = text_.substr(start, pos_ - start);
    if (!num.empty() && num[0] == '+') num.remove_prefix(1);
    Expr* e = NewNode(ExprKind::kLiteral, start);
    if (is_double) {
      double d = std::strtod(std::string(num).c_str(), nullptr);
      e->literal = Value::Double(arena_, d, Anchor{});
    } else {
      std::int64_t i = 0;
      auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), i);
      if (ec != std::errc() || p != num.data() + num.size()) {
        return Error(Cat("integer ", num, " does not fit in 64 bits"), start);
      }
      e->literal = Value::Int(arena_, i, Anchor{});
    }
    return e;
  }

  absl::StatusOr<const Expr*> ParseName(int depth) {
    std::size_t start = pos_;
    while (pos_ < text_.size() && IsIdentChar(text_[pos_])) ++pos_;
    std::string_view name = text_.substr(start, pos_ - start);
    std::string_view ns;
    std::size_t save = pos_;
    SkipSpace();
    // ns.fn( : a user-defined function.
    if (pos_ < text_.size() && text_[pos_] == '.') {
      std::size_t p = pos_ + 1;
      std::size_t s2 = p;
      while (p < text_.size() && IsIdentChar(text_[p])) ++p;
      std::size_t q = p;
      while (q < text_.size() && text_[q] == ' ') ++q;
      if (p > s2 && q < text_.size() && text_[q] == '(') {
        ns = name;
        name = text_.substr(s2, p - s2);
        pos_ = q;
      }
    }
    if (pos_ >= text_.size() || text_[pos_] != '(') {
      pos_ = save;
      Expr* lit = NewNode(ExprKind::kLiteral, start);
      if (EqualsIgnoreCase(name, "true") || EqualsIgnoreCase(name, "false")) {
        lit->literal = Value::Bool(arena_, AsciiLower(name[0]) == 't', Anchor{});
        return lit;
      }
      if (EqualsIgnoreCase(name, "null")) {
        lit->literal = Value::Null(arena_, Anchor{});
        return lit;
      }
      return Error(Cat("expected '(' after function name '", name, "'"), pos_);
    }
    ++pos_;  // '('
    // Calls rarely take more than a few arguments: no heap allocation per call parsed.
    absl::InlinedVector<const Expr*, 8> args;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ')') {
      ++pos_;
    } else {
      for (;;) {
        ARMLINT_ASSIGN_OR_RETURN(const Expr* a, ParseExpr(depth + 1));
        args.push_back(a);
        SkipSpace();
        if (pos_ >= text_.size()) {
          return Error(Cat("expected ')' to close the call of '", name, "'"), pos_);
        }
        if (text_[pos_] == ',') {
          ++pos_;
          continue;
        }
        if (text_[pos_] == ')') {
          ++pos_;
          break;
        }
        return Error(Cat("expected ',' or ')' in the call of '", name, "', found '",
                         std::string(1, text_[pos_]), "'"),
                     pos_);
      }
    }
    Expr* call = NewNode(ExprKind::kCall, ns.empty() ? start : start);
    call->name = name;
    call->ns = ns;
    call->args = CopyArgs(args);
    if (ns.empty()) {
      call->fn = FunctionTable::Get().Find(name);
      if (call->fn != nullptr) {
        absl::Status st = FunctionTable::CheckArity(*call->fn, args.size());
        if (!st.ok()) return Error(MessageOf(st), start);
      }
    }
    return call;
  }

  std::string_view text_;
  Arena& arena_;
  std::size_t pos_ = 0;
};

}  // namespace

absl::StatusOr<const Expr*> ParseExpression(std::string_view text, Arena& arena) {
  if (text.size() > limits::kMaxExpressionChars) {
    return absl::ResourceExhaustedError(Cat("expression is ", text.size(),
                                            " characters long, over the limit of ",
                                            limits::kMaxExpressionChars, " (kMaxExpressionChars)"));
  }
  return Parser(text, arena).Parse();
}

}  // namespace armlint::internal
