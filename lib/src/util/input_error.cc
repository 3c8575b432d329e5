// InputError payload encoding: "file\0line\0column\0pointer".
#include "util/input_error.h"

#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

#include "util/strings.h"

namespace armlint::internal {
namespace {
constexpr absl::string_view kPayloadUrl = "type.armlint.dev/source-location";
constexpr char kSep = '\x1f';  // unit separator: never in a path, number or JSON pointer
}  // namespace

absl::Status InputError(const SourceLocation& at, std::string_view message, absl::StatusCode code) {
  absl::Status s(code, AbslView(message));
  std::string payload;
  payload.reserve(at.file.size() + at.pointer.size() + 24);
  absl::StrAppend(&payload, at.file, std::string(1, kSep), at.line, std::string(1, kSep), at.column,
                  std::string(1, kSep), at.pointer);
  s.SetPayload(kPayloadUrl, absl::Cord(payload));
  return s;
}

std::optional<SourceLocation> GetSourceLocation(const absl::Status& status) {
  absl::optional<absl::Cord> payload = status.GetPayload(kPayloadUrl);
  if (!payload) return std::nullopt;
  std::string flat(*payload);
  std::vector<std::string> parts = absl::StrSplit(flat, kSep);
  if (parts.size() != 4) return std::nullopt;
  SourceLocation loc;
  loc.file = parts[0];
  if (!absl::SimpleAtoi(parts[1], &loc.line)) loc.line = 0;
  if (!absl::SimpleAtoi(parts[2], &loc.column)) loc.column = 0;
  loc.pointer = parts[3];
  return loc;
}

absl::Status WithLocationInMessage(const absl::Status& status) {
  std::optional<SourceLocation> at = GetSourceLocation(status);
  if (!at || at->file.empty() || absl::StartsWith(status.message(), at->file)) return status;
  absl::Status out(status.code(),
                   absl::StrCat(at->file, ":", at->line, ":", at->column, ": ", status.message()));
  status.ForEachPayload(
      [&out](absl::string_view url, const absl::Cord& p) { out.SetPayload(url, p); });
  return out;
}

}  // namespace armlint::internal
