// Classifies values by how they were written in the template text.
#include "rules/source_text.h"

#include "absl/strings/ascii.h"

#include "util/expression_syntax.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

bool IsParameterReference(std::string_view e) {
  // [parameters('name')] with optional spaces, nothing else.
  e = Strip(e.substr(1, e.size() - 2));
  if (!StartsWithIgnoreCase(e, "parameters")) return false;
  e = Strip(e.substr(10));
  if (e.size() < 4 || e.front() != '(' || e.back() != ')') return false;
  e = Strip(e.substr(1, e.size() - 2));
  if (e.size() < 2 || e.front() != '\'' || e.back() != '\'') return false;
  return e.substr(1, e.size() - 2).find('\'') == std::string_view::npos;
}

}  // namespace

SourceForm WrittenFormIn(const Value* v, std::string_view text) {
  SourceForm f;
  if (v == nullptr || v->is_null()) return f;
  f.written = v->from_expression() ? WrittenAs::kExpression : WrittenAs::kLiteral;
  if (!v->anchor().known() || v->pos() >= text.size() || text[v->pos()] != '"') return f;
  std::size_t i = v->pos() + 1;
  std::size_t start = i;
  while (i < text.size() && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
  if (i > text.size()) i = text.size();
  f.text = text.substr(start, i - start);
  if (IsExpression(f.text)) {
    f.written =
        IsParameterReference(f.text) ? WrittenAs::kParameterReference : WrittenAs::kExpression;
  }
  return f;
}

SourceForm WrittenForm(const Value* v, const Resource& r) {
  if (v == nullptr || v->is_null()) return {};
  if (v->source() != 0 || r.doc == nullptr) {
    SourceForm f;
    f.written = WrittenAs::kExpression;  // came through a parameter file or was computed
    return f;
  }
  return WrittenFormIn(v, r.doc->text());
}

}  // namespace armlint::internal
