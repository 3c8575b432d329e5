// Document loading, line tables and JSON pointers.
#include "json/document.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "absl/strings/str_cat.h"

#include "util/limits.h"

namespace armlint::internal {

absl::StatusOr<std::unique_ptr<Document>> Document::Parse(std::string path, std::string text,
                                                          std::uint8_t source) {
  std::unique_ptr<Document> doc(new Document(std::move(path), std::move(text)));
  if (doc->text_.size() > limits::kMaxFileBytes) {
    return InputError(SourceLocation{doc->path_, 1, 1, ""},
                      absl::StrCat("file is larger than the limit of ", limits::kMaxFileBytes,
                                   " bytes (kMaxFileBytes)"),
                      absl::StatusCode::kResourceExhausted);
  }
  ParseOutput out = ParseJson(doc->text_, doc->arena_, source);
  doc->comments_ = std::move(out.comments);
  if (out.root == nullptr) {
    return doc->ErrorAt(out.error.pos, absl::StrCat("invalid JSON: ", out.error.message));
  }
  doc->root_ = out.root;
  doc->duplicate_keys_ = std::move(out.duplicate_keys);
  return doc;
}

absl::StatusOr<std::unique_ptr<Document>> Document::Load(const std::string& path,
                                                         std::uint8_t source) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    SourceLocation at{path, 0, 0, ""};
    return InputError(
        at, absl::StrCat("cannot read file: ", std::strerror(err)),
        err == ENOENT ? absl::StatusCode::kNotFound : absl::StatusCode::kInvalidArgument);
  }
  std::string text;
  char buf[1 << 16];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    text.append(buf, n);
    if (text.size() > limits::kMaxFileBytes) {
      std::fclose(f);
      return InputError(SourceLocation{path, 1, 1, ""},
                        absl::StrCat("file is larger than the limit of ", limits::kMaxFileBytes,
                                     " bytes (kMaxFileBytes)"),
                        absl::StatusCode::kResourceExhausted);
    }
  }
  bool read_error = std::ferror(f) != 0;
  std::fclose(f);
  if (read_error) {
    return InputError(SourceLocation{path, 0, 0, ""}, "cannot read file: I/O error");
  }
  return Parse(path, std::move(text), source);
}

void Document::BuildLineStarts() const {
  line_starts_.push_back(0);
  const char* s = text_.data();
  std::size_t n = text_.size();
  for (std::size_t i = 0; i < n; ++i) {
    // "\r\n", "\n" and a lone "\r" each end a line.
    if (s[i] == '\n') {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (s[i] == '\r') {
      if (i + 1 < n && s[i + 1] == '\n') ++i;
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
  // Code points before every kCheckpointBytes-th byte, so that a column in a long (minified)
  // line costs at most kCheckpointBytes steps rather than the line's length.
  std::uint32_t cps = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kCheckpointBytes == 0) checkpoints_.push_back(cps);
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++cps;
  }
  checkpoints_.push_back(cps);
}

LineCol Document::Position(std::uint32_t offset) const {
  std::call_once(lines_once_, [this] { BuildLineStarts(); });
  if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line = static_cast<std::size_t>(it - line_starts_.begin());  // 1-based
  std::uint32_t start = line_starts_[line - 1];
  // Count code points (skip UTF-8 continuation bytes) from the line start to `offset`.
  auto code_points_before = [this](std::uint32_t at) {
    std::size_t k = at / kCheckpointBytes;
    std::uint32_t cps = checkpoints_[k];
    for (std::size_t i = k * kCheckpointBytes; i < at; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++cps;
    }
    return cps;
  };
  int col = 1 + static_cast<int>(code_points_before(offset) - code_points_before(start));
  // A BOM at the very start is not a character of the first line.
  if (line == 1 && offset >= 3 && text_.compare(0, 3, "\xEF\xBB\xBF") == 0) --col;
  return {static_cast<int>(line), col};
}

std::string EscapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string Document::PointerAt(std::uint32_t offset) const {
  std::string pointer;
  const Value* v = root_;
  int guard = 0;
  while (v != nullptr && v->pos() != offset && guard++ < limits::kMaxJsonDepth + 1) {
    const Value* next = nullptr;
    if (v->is_object()) {
      // Members are in source order: the last one starting at or before `offset` (a binary
      // search: a linear scan made many lookups in a large object quadratic).
      auto members = v->members();
      auto it =
          std::upper_bound(members.begin(), members.end(), offset,
                           [](std::uint32_t off, const Member& m) { return off < m.key_pos; });
      if (it == members.begin()) break;
      const Member* best = &*(it - 1);
      pointer += '/';
      pointer += EscapePointerToken(best->key);
      if (best->key_pos == offset) break;
      next = best->value;
    } else if (v->is_array()) {
      auto items = v->items();
      auto it = std::upper_bound(items.begin(), items.end(), offset,
                                 [](std::uint32_t off, const Value* i) { return off < i->pos(); });
      if (it == items.begin()) break;
      std::size_t idx = static_cast<std::size_t>(it - items.begin() - 1);
      absl::StrAppend(&pointer, "/", idx);
      next = items[idx];
    }
    if (next == nullptr || next->pos() > offset) break;
    v = next;
  }
  return pointer;
}

SourceLocation Document::Locate(std::uint32_t offset) const {
  LineCol lc = Position(offset);
  return SourceLocation{path_, lc.line, lc.column, root_ ? PointerAt(offset) : std::string()};
}

absl::Status Document::ErrorAt(std::uint32_t offset, std::string_view message) const {
  return InputError(Locate(offset), message);
}

}  // namespace armlint::internal
