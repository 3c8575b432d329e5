// Expands the paths given to the linter into the files to lint, in a deterministic order.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "armlint/armlint.hpp"

namespace armlint::internal {

struct WalkResult {
  std::vector<std::string> files;     // explicit files as given, then each directory's *.json /
                                      // *.jsonc sorted by path
  std::vector<std::size_t> found_as;  // for each of `files`, its index in the order
                                      // the walk found it (on_file's order)
  std::vector<::armlint::InputError> errors;  // missing paths, unreadable directories
};

// Directories are walked recursively without following symbolic links to directories (so
// link loops cannot hang the walk); hidden folders (".git") and node_modules are skipped.
// `on_file`, when given, is called with each file as soon as it is found, in directory order
// (before the sort), so that linting can start while a large tree is still being walked.
WalkResult CollectFiles(const std::vector<std::string>& paths,
                        const std::function<void(const std::string&)>& on_file = {});

}  // namespace armlint::internal
