// Document loading, line tables and JSON pointers.
#include "json/document.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sys/stat.h>

#include "absl/strings/str_cat.h"

#include "util/limits.h"
#include "util/utf8.h"

namespace armlint::internal {
namespace {

constexpr std::size_t kSmallText = 8 * 1024;

// The first arena block for a document of `text_bytes`: room for its values, which take about
// as many bytes as the text (0.96 on average for the built-in rules, at most 1.4).
std::size_t FirstBlockFor(std::size_t text_bytes) {
  return (text_bytes + text_bytes / 4 + 256 + 63) / 64 * 64;
}

}  // namespace

absl::StatusOr<std::unique_ptr<Document>> Document::Parse(std::string path, std::string text,
                                                          std::uint8_t source) {
  // A small text handed over whole is most often a document that lives as long as the run (a
  // rule, a policy definition): its arena starts with a block fitted to the text instead of
  // the 16 KB a file's arena starts with (hundreds of rules would leave megabytes empty).
  std::unique_ptr<Document> doc(text.size() < kSmallText
                                    ? new Document(std::move(path), FirstBlockFor(text.size()))
                                    : new Document(std::move(path)));
  doc->owned_text_ = std::move(text);
  doc->text_ = doc->owned_text_;
  return ParseText(std::move(doc), source);
}

absl::StatusOr<std::unique_ptr<Document>> Document::ParseBorrowed(std::string path,
                                                                  std::string_view text,
                                                                  std::uint8_t source) {
  std::unique_ptr<Document> doc(text.size() < kSmallText
                                    ? new Document(std::move(path), FirstBlockFor(text.size()))
                                    : new Document(std::move(path)));
  doc->text_ = text;
  return ParseText(std::move(doc), source);
}

absl::StatusOr<std::unique_ptr<Document>> Document::ParseText(std::unique_ptr<Document> doc,
                                                              std::uint8_t source) {
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
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    SourceLocation at{path, 0, 0, ""};
    return InputError(
        at, absl::StrCat("cannot read file: ", std::strerror(err)),
        err == ENOENT ? absl::StatusCode::kNotFound : absl::StatusCode::kInvalidArgument);
  }
  auto too_large = [&path] {
    return InputError(SourceLocation{path, 1, 1, ""},
                      absl::StrCat("file is larger than the limit of ", limits::kMaxFileBytes,
                                   " bytes (kMaxFileBytes)"),
                      absl::StatusCode::kResourceExhausted);
  };
  // Sized from fstat and read straight into place: no stdio buffer, no regrowth. A file that
  // grows meanwhile (or a pipe, whose size is 0) is read on in chunks.
  struct stat st {};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  std::size_t expected = regular ? static_cast<std::size_t>(st.st_size) : std::size_t{0};
  if (expected > limits::kMaxFileBytes) {
    ::close(fd);
    return too_large();
  }
  // The text lives in the document's arena, whose blocks are recycled from file to file
  // (util/arena.h): no fresh pages to fault in, no malloc per file.
  std::unique_ptr<Document> doc(new Document(path));
  std::size_t cap = expected + 1;  // one spare byte tells end of file from a file that grew
  char* text = static_cast<char*>(doc->arena_.Allocate(cap, 1));
  std::size_t got = 0;
  bool read_error = false;
  for (;;) {
    if (got == cap) {
      if (cap > limits::kMaxFileBytes) {
        ::close(fd);
        return too_large();
      }
      std::size_t bigger = std::max<std::size_t>(cap * 2, 1 << 16);
      char* grown = static_cast<char*>(doc->arena_.Allocate(bigger, 1));
      std::memcpy(grown, text, got);
      text = grown;
      cap = bigger;
    }
    const std::size_t wanted = cap - got;
    ssize_t n = ::read(fd, text + got, wanted);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) read_error = true;
    if (n <= 0) break;
    got += static_cast<std::size_t>(n);
    // A regular file reads short only at its end: no second read to be told so.
    if (regular && static_cast<std::size_t>(n) < wanted) break;
  }
  ::close(fd);
  if (read_error) {
    return InputError(SourceLocation{path, 0, 0, ""}, "cannot read file: I/O error");
  }
  doc->text_ = std::string_view(text, got);
  return ParseText(std::move(doc), source);
}

namespace {

// The '\n' bytes in [p, p + n). Chunks of a fixed 240 bytes, counted in a byte (at most 255):
// a loop that compilers unroll into vector compares, some 0.25 instructions a byte.
std::uint32_t CountNewlines(const char* p, std::size_t n) {
  constexpr std::size_t kChunk = 240;
  std::uint32_t count = 0;
  std::size_t i = 0;
  for (; n - i >= kChunk; i += kChunk) {
    unsigned char in_chunk = 0;
    for (std::size_t j = 0; j < kChunk; ++j) in_chunk += p[i + j] == '\n';
    count += in_chunk;
  }
  for (; i < n; ++i) count += p[i] == '\n';
  return count;
}

}  // namespace

void Document::BuildLineStarts() const {
  const char* s = text_.data();
  std::size_t n = text_.size();
  if (std::memchr(s, '\r', n) == nullptr) {
    // The common case, "\n" only: a count per block; one more entry for offset == n.
    block_newlines_.reserve(n / kLineBlockBytes + 1);
    std::uint32_t newlines = 0;
    for (std::size_t at = 0;; at += kLineBlockBytes) {
      block_newlines_.push_back(newlines);
      if (at >= n) break;
      newlines += CountNewlines(s + at, std::min(kLineBlockBytes, n - at));
    }
    return;
  }
  line_starts_.reserve(n / 40 + 2);
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < n; ++i) {
    // "\r\n", "\n" and a lone "\r" each end a line.
    if (s[i] == '\n') {
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    } else if (s[i] == '\r') {
      if (i + 1 < n && s[i + 1] == '\n') ++i;
      line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
    }
  }
}

std::uint32_t Document::LineStartBefore(std::uint32_t offset) const {
  // Back from `offset` in its block, then in the nearest earlier block that has a '\n'.
  std::size_t k = offset / kLineBlockBytes;
  std::size_t from = k * kLineBlockBytes;
  std::size_t to = offset;
  for (;;) {
    std::size_t nl = text_.substr(from, to - from).rfind('\n');
    if (nl != std::string_view::npos) return static_cast<std::uint32_t>(from + nl + 1);
    while (k > 0 && block_newlines_[k - 1] == block_newlines_[k]) --k;
    if (k == 0) return 0;
    --k;
    from = k * kLineBlockBytes;
    to = from + kLineBlockBytes;
  }
}

void Document::BuildCheckpoints() const {
  const char* s = text_.data();
  std::size_t n = text_.size();
  checkpoints_.reserve(n / kCheckpointBytes + 2);
  std::uint32_t cps = 0;
  for (std::size_t i = 0; i < n; ++i) {
    if (i % kCheckpointBytes == 0) checkpoints_.push_back(cps);
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) ++cps;
  }
  checkpoints_.push_back(cps);
}

namespace {

// Code points in [from, to).
std::uint32_t CodePoints(const char* from, const char* to) {
  return static_cast<std::uint32_t>(CountCodePoints(std::string_view(from, to - from)));
}

}  // namespace

LineCol Document::Position(std::uint32_t offset) const {
  absl::call_once(lines_once_, [this] { BuildLineStarts(); });
  if (offset > text_.size()) offset = static_cast<std::uint32_t>(text_.size());
  std::size_t line;  // 1-based
  std::uint32_t start;
  if (line_starts_.empty()) {
    std::size_t from = offset / kLineBlockBytes * kLineBlockBytes;
    line = 1 + block_newlines_[offset / kLineBlockBytes] +
           CountNewlines(text_.data() + from, offset - from);
    start = LineStartBefore(offset);
  } else {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    line = static_cast<std::size_t>(it - line_starts_.begin());
    start = line_starts_[line - 1];
  }
  std::uint32_t cps;
  if (offset - start <= 4 * kCheckpointBytes) {
    cps = CodePoints(text_.data() + start, text_.data() + offset);
  } else {
    // A long (minified) line: code points counted from the nearest checkpoints, so a column
    // costs at most kCheckpointBytes steps at each end rather than the line's length.
    absl::call_once(checkpoints_once_, [this] { BuildCheckpoints(); });
    auto before = [this](std::uint32_t at) {
      std::size_t k = at / kCheckpointBytes;
      return checkpoints_[k] + CodePoints(text_.data() + k * kCheckpointBytes, text_.data() + at);
    };
    cps = before(offset) - before(start);
  }
  int col = 1 + static_cast<int>(cps);
  // A BOM at the very start is not a character of the first line.
  if (line == 1 && offset >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") --col;
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

std::string UnescapePointerToken(std::string_view token) {
  std::string out;
  out.reserve(token.size());
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size()) {
      out += token[i + 1] == '1' ? '/' : '~';
      ++i;
    } else {
      out += token[i];
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
