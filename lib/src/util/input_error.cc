// InputError payload encoding: "file\0line\0column\0pointer".
#include "util/input_error.h"

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"

namespace armlint::internal {
namespace {
constexpr std::string_view kPayloadUrl = "type.armlint.dev/source-location";
}

absl::Status InputError(const SourceLocation& at, std::string_view message, absl::StatusCode code) {
  absl::Status s(code, message);
  std::string payload = absl::StrCat(at.file, std::string_view("\0", 1), at.line,
                                     std::string_view("\0", 1), at.column,
                                     std::string_view("\0", 1), at.pointer);
  s.SetPayload(kPayloadUrl, absl::Cord(payload));
  return s;
}

std::optional<SourceLocation> GetSourceLocation(const absl::Status& status) {
  std::optional<absl::Cord> payload = status.GetPayload(kPayloadUrl);
  if (!payload) return std::nullopt;
  std::string flat(*payload);
  std::vector<std::string> parts = absl::StrSplit(flat, std::string_view("\0", 1));
  if (parts.size() != 4) return std::nullopt;
  SourceLocation loc;
  loc.file = parts[0];
  if (!absl::SimpleAtoi(parts[1], &loc.line)) loc.line = 0;
  if (!absl::SimpleAtoi(parts[2], &loc.column)) loc.column = 0;
  loc.pointer = parts[3];
  return loc;
}

}  // namespace armlint::internal
