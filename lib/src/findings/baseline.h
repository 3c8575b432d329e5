// Baselines: a recorded set of finding fingerprints, so that only new findings are reported.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

#include "armlint/armlint.hpp"

namespace armlint::internal {

// The fingerprint of a finding: rule id, normalised file path, resource id and the property's
// pointer relative to its resource, hashed (16 hex digits). Line numbers play no part.
std::string Fingerprint(std::string_view rule_id, std::string_view file,
                        std::string_view resource_id, std::string_view relative_pointer);

// A file path as fingerprints see it: lexically normal, '/' separators.
std::string FingerprintPath(std::string_view file);

// Fingerprint() of a file already made FingerprintPath(file): a caller with many findings in a
// file normalises its path once.
std::string FingerprintOfPath(std::string_view rule_id, std::string_view fingerprint_path,
                              std::string_view resource_id, std::string_view relative_pointer);

// Reads the fingerprints of a baseline file written by WriteBaseline.
absl::StatusOr<std::vector<std::string>> ReadBaseline(const std::string& path);

// One entry of a baseline file. Version 1 files (armlint 0.1.0 before resource identities)
// fingerprinted the array index of a resource; their entries match by rule, file, resource id
// and pointer instead, so that an existing baseline keeps working until it is re-recorded.
struct BaselineEntry {
  std::string fingerprint;
  int version = 2;
  std::string rule_id, file, resource_id, pointer;  // version 1 matching
};
absl::StatusOr<std::vector<BaselineEntry>> ReadBaselineEntries(const std::string& path);
void ApplyBaseline(const std::vector<BaselineEntry>& baseline, LintResult& result);

// The scores a baseline file recorded ("score": {"Cost": 80.5 | null, ..., "overall": ...}), or
// nullopt when it has none (written by an older version) or cannot be read.
std::optional<Scores> ReadBaselineScores(const std::string& path);

// Drops the findings whose fingerprint is in `baseline` (each entry matches once) and records
// the counts in `result`.
void ApplyBaseline(const std::vector<std::string>& baseline, LintResult& result);

}  // namespace armlint::internal
