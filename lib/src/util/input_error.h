// Errors about a place in an input file: an absl::Status carrying file, line, column and JSON
// pointer as a payload, so the report can list it as an `errors[]` entry.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace armlint::internal {

struct SourceLocation {
  std::string file;
  int line = 0;    // 1-based; 0 when unknown
  int column = 0;  // 1-based, in characters
  std::string pointer;
};

// InvalidArgument (or `code`) with `message` and the location attached.
absl::Status InputError(const SourceLocation& at, std::string_view message,
                        absl::StatusCode code = absl::StatusCode::kInvalidArgument);

// The location attached by InputError, if any.
std::optional<SourceLocation> GetSourceLocation(const absl::Status& status);

// `status` with its message starting "file:line:col: " when it carries a location and the
// message does not name the file already (payloads kept): how the public API reports a bad rule
// file (Engine::Create, CheckRulePack).
absl::Status WithLocationInMessage(const absl::Status& status);

}  // namespace armlint::internal
