// Expands the paths given to the linter into the files to lint, in a deterministic order.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "armlint/armlint.hpp"
#include "util/folder_facts.h"

namespace armlint::internal {

struct WalkResult {
  std::vector<std::string> files;     // explicit files as given, then each directory's *.json /
                                      // *.jsonc sorted by path
  std::vector<std::size_t> found_as;  // for each of `files`, its index in the order
                                      // the walk found it (on_file's order)
  std::vector<::armlint::InputError> errors;  // missing paths, unreadable directories
  // For each of `files`, whether it was named as a path (not found in a directory walk).
  std::vector<bool> named;
  // Per folder given, the .bicep / .bicepparam files it holds (not linted; for the "nothing to
  // lint" message).
  int bicep_files_skipped = 0;
};

// Directories are walked recursively without following symbolic links to directories (so
// link loops cannot hang the walk); hidden folders (".git") and node_modules are skipped.
// `on_file`, when given, is called with each file as soon as it is found, in directory order
// (before the sort), so that linting can start while a large tree is still being walked.
// A file reached twice (named twice, or named and inside a named folder) is kept once, where it
// was first reached. Folders yield *.json and *.jsonc only; a file named as a path is kept
// whatever its extension (a named `.bicep` file is compiled by the linter, api/bicep.h).
// `facts`, when given, gets what the walk saw in each folder it listed (util/folder_facts.h).
WalkResult CollectFiles(const std::vector<std::string>& paths,
                        const std::function<void(const std::string&)>& on_file = {},
                        FolderFacts* facts = nullptr);

}  // namespace armlint::internal
