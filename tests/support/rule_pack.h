// Rule packs written to a temporary folder, for tests that load packs beside the built-ins.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"

namespace armlint::testing {

// A fresh folder `name` under the test temporary directory holding `files` (relative path,
// text); returns its path.
inline std::filesystem::path MakePack(
    const std::string& name, const std::vector<std::pair<std::string, std::string>>& files) {
  namespace fs = std::filesystem;
  fs::path root = fs::path(::testing::TempDir()) / name;
  fs::remove_all(root);
  for (const auto& [rel, text] : files) {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
  }
  return root;
}

}  // namespace armlint::testing
