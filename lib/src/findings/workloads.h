// Workloads: which workload a linted file belongs to (README "Portfolio view"); the scores of
// its assessments are findings/scores.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "armlint/armlint.hpp"
#include "findings/config.h"

namespace armlint::internal {

// The workload named by `config`'s "workloads" globs for `path` (relative to the config's folder),
// or "" when none matches (or there is no config).
std::string ConfigWorkload(const Config* config, const std::string& path);

// The default workload of `file`, found under the linted path `root` (as given): the first folder
// below `root` when `file` is deeper than that, else the name of `root` (a directory) or of the
// folder holding `root` (a file).
std::string DefaultWorkload(const std::string& root, const std::string& file);

// The workload of `file` under the workload root `root` (--workload-root, config
// "workloadRoot"): both made absolute, so that neither the linted path nor the working
// directory matters; "" when `file` is not below `root` or is stdin.
std::string WorkloadUnderRoot(const std::string& root, const std::string& file);

}  // namespace armlint::internal
