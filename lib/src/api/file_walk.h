// Expands the paths given to the linter into the files to lint, in a deterministic order.
#pragma once

#include <string>
#include <vector>

#include "armlint/armlint.hpp"

namespace armlint::internal {

struct WalkResult {
  std::vector<std::string> files;  // explicit files as given, then each directory's *.json /
                                   // *.jsonc sorted by path
  std::vector<::armlint::InputError> errors;  // missing paths, unreadable directories
};

// Directories are walked recursively without following symbolic links to directories (so
// link loops cannot hang the walk); hidden folders (".git") and node_modules are skipped.
WalkResult CollectFiles(const std::vector<std::string>& paths);

}  // namespace armlint::internal
