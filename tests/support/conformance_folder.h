// A folder of the Azure Policy conformance suite (tests/policy/testdata/<case>/), read into
// engine options: policy*.json and initiative*.json as policies, assignment.json as the
// assignment values, aliases.json as an alias table, template*.json as the templates to lint.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "armlint/armlint.hpp"

namespace armlint::testing {

// Adds the folder's policies, assignment and alias table to `options`; returns its templates.
// Both lists sorted.
inline std::vector<std::string> ReadConformanceFolder(const std::filesystem::path& dir,
                                                      Options& options) {
  std::vector<std::string> templates;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::string name = e.path().filename().string();
    if (name.rfind("policy", 0) == 0 || name.rfind("initiative", 0) == 0) {
      options.policy_paths.push_back(e.path().string());
    } else if (name == "assignment.json") {
      options.policy_parameters_file = e.path().string();
    } else if (name == "aliases.json") {
      options.alias_files.push_back(e.path().string());
    } else if (name.rfind("template", 0) == 0) {
      templates.push_back(e.path().string());
    }
  }
  std::sort(options.policy_paths.begin(), options.policy_paths.end());
  std::sort(templates.begin(), templates.end());
  return templates;
}

}  // namespace armlint::testing
