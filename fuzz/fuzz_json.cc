// JSON loader + source map: Document::Parse on arbitrary bytes, then Position, PointerAt and
// Locate on every value and key offset of the parsed tree (and past the end).
#include <cstddef>
#include <cstdint>
#include <string>

#include "json/document.h"
#include "json/value.h"
#include "util/input_error.h"

namespace {

using armlint::internal::Document;
using armlint::internal::Value;

void Walk(const Document& doc, const Value& v, int depth, std::size_t& visited) {
  if (++visited > 2000) return;  // PointerAt descends from the root: keep each run fast
  std::uint32_t off = v.pos();
  armlint::internal::LineCol lc = doc.Position(off);
  if (lc.line < 1 || lc.column < 1) __builtin_trap();
  (void)doc.PointerAt(off);
  if (v.is_object()) {
    for (const auto& m : v.members()) {
      (void)doc.PointerAt(m.key_pos);
      Walk(doc, *m.value, depth + 1, visited);
    }
  } else if (v.is_array()) {
    for (const Value* item : v.items()) Walk(doc, *item, depth + 1, visited);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  auto doc = Document::Parse("fuzz.json", std::move(text));
  if (!doc.ok()) {
    // Errors must carry a location.
    auto at = armlint::internal::GetSourceLocation(doc.status());
    if (!at || at->file != "fuzz.json" || at->line < 1 || at->column < 1) __builtin_trap();
    return 0;
  }
  std::size_t visited = 0;
  Walk(**doc, (*doc)->root(), 0, visited);
  (void)(*doc)->Position(static_cast<std::uint32_t>(size) + 10);
  (void)(*doc)->PointerAt(static_cast<std::uint32_t>(size) + 10);
  (void)(*doc)->ErrorAt(static_cast<std::uint32_t>(size / 2), "probe");
  return 0;
}
