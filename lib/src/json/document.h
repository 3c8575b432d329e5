// A loaded JSON file: its text, the parsed values, comments, and line:column lookup.
//
// A Document owns its source text and the arena of every value parsed from it (and, later,
// evaluated for it); views into it must not outlive it. It is neither copyable nor movable:
// hold it by std::unique_ptr. The line table is built once, on the first position lookup, so
// a file with no findings never pays for it.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "absl/base/call_once.h"
#include "absl/status/statusor.h"

#include "json/parser.h"
#include "json/value.h"
#include "util/arena.h"
#include "util/input_error.h"

namespace armlint::internal {

struct LineCol {
  int line = 0;    // 1-based
  int column = 0;  // 1-based, counted in characters (UTF-8 code points)
};

class Document {
 public:
  // Parses `text`; a JSON error is an InputError with the file's line:col.
  static absl::StatusOr<std::unique_ptr<Document>> Parse(std::string path, std::string text,
                                                         std::uint8_t source = 0);
  // Parses `text` without copying it: it must outlive the document (a policy cache's payloads,
  // in the cache's mapping for as long as the cache's rules live).
  static absl::StatusOr<std::unique_ptr<Document>> ParseBorrowed(std::string path,
                                                                 std::string_view text,
                                                                 std::uint8_t source = 0);
  // Reads and parses `path` (NotFound / InvalidArgument / ResourceExhausted on failure).
  static absl::StatusOr<std::unique_ptr<Document>> Load(const std::string& path,
                                                        std::uint8_t source = 0);

  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  const std::string& path() const { return path_; }
  std::string_view text() const { return text_; }
  const Value& root() const { return *root_; }
  const std::vector<Comment>& comments() const { return comments_; }
  const std::vector<std::uint32_t>& duplicate_keys() const { return duplicate_keys_; }
  Arena& arena() const { return arena_; }

  // Line and column of a byte offset (offsets past the end clamp to the end).
  LineCol Position(std::uint32_t offset) const;

  // The JSON pointer ("/resources/0/properties/x") of the value or key starting at `offset`,
  // found by descending the tree; "" for the root or an offset inside no value.
  std::string PointerAt(std::uint32_t offset) const;

  // A location for `offset` in this document.
  SourceLocation Locate(std::uint32_t offset) const;

  // An InputError at `offset`.
  absl::Status ErrorAt(std::uint32_t offset, std::string_view message) const;

 private:
  explicit Document(std::string path) : path_(std::move(path)) {}
  Document(std::string path, std::size_t first_block)
      : path_(std::move(path)), arena_(first_block) {}
  // Parses text_ (already set) into this document.
  static absl::StatusOr<std::unique_ptr<Document>> ParseText(std::unique_ptr<Document> doc,
                                                             std::uint8_t source);
  void BuildLineStarts() const;
  void BuildCheckpoints() const;
  // Where the line holding byte `offset` starts (text without '\r' only).
  std::uint32_t LineStartBefore(std::uint32_t offset) const;

  std::string path_;
  std::string owned_text_;  // the text handed to Parse (Load reads into arena_ instead)
  std::string_view text_;   // owned_text_, or the file's bytes in arena_
  mutable Arena arena_;
  const Value* root_ = nullptr;
  std::vector<Comment> comments_;
  std::vector<std::uint32_t> duplicate_keys_;
  // Line lookup, built on first use. Text with a '\r': every line start. Otherwise only the
  // count of '\n' before each block of kLineBlockBytes (a lookup counts the rest in its block):
  // a file is scanned at the speed of a vectorised count, not a memchr call per line.
  // absl's once: no futex call when no other thread waits (std::call_once makes one per flag).
  mutable absl::once_flag lines_once_;
  mutable std::vector<std::uint32_t> line_starts_;
  static constexpr std::size_t kLineBlockBytes = 4096;
  mutable std::vector<std::uint32_t> block_newlines_;  // '\n' before byte k * 4096
  static constexpr std::size_t kCheckpointBytes = 512;
  mutable absl::once_flag checkpoints_once_;        // built only for a column in a long line
  mutable std::vector<std::uint32_t> checkpoints_;  // code points before byte k * 512
};

// Escapes one JSON pointer reference token ("~" -> "~0", "/" -> "~1").
std::string EscapePointerToken(std::string_view token);
// The reverse: "~1" -> "/", "~0" -> "~", in one pass (so "~01" is "~1").
std::string UnescapePointerToken(std::string_view token);

}  // namespace armlint::internal
