// Bicep sources: compiled with the Bicep CLI (`bicep`, else `az bicep`) found on PATH, and the
// locations of the compiled JSON mapped back to the .bicep / .bicepparam text.
//
//   absl::StatusOr<BicepOutput> out = CompileBicep("infra/main.bicep");
//   // out->template_json: what `bicep build --stdout infra/main.bicep` printed
//
// Without a compiler on PATH the answer is FailedPrecondition naming the file and the command to
// run by hand; a compile error is InvalidArgument with the compiler's own message. Bicep writes
// no source map into its JSON, so MapToBicep locates a compiled value by the declaration that
// produced it (a resource by symbolic name or `'type@apiVersion'`, a parameter, variable or
// output by name) and, within a resource, by the property's name.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

#include "armlint/armlint.hpp"

namespace armlint::internal {

inline bool IsBicepPath(std::string_view path) {
  auto ends = [&](std::string_view s) {
    return path.size() >= s.size() && path.substr(path.size() - s.size()) == s;
  };
  return ends(".bicep") || ends(".bicepparam");
}

struct BicepOutput {
  std::string template_json;    // the ARM template
  std::string parameters_json;  // .bicepparam only: the ARM parameter file
  std::string template_path;    // .bicepparam only: the template its `using` names ("" none)
  std::string command;          // the command that compiled it, for messages
};

// Compiles `path` (.bicep with `build`, .bicepparam with `build-params`).
absl::StatusOr<BicepOutput> CompileBicep(const std::string& path);

// Moves `loc` (a location in the JSON compiled from `bicep_text`, with its pointer) to the
// Bicep declaration that produced it; `compiled` is the compiled document's root text. Lines
// that cannot be mapped become 0 (the file itself).
void MapToBicep(std::string_view compiled_json, std::string_view bicep_text, Location& loc);

}  // namespace armlint::internal
