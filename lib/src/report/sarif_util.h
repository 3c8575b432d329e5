// SARIF helpers: artifact URIs, result fingerprints and rule names (separate for testing).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "armlint/armlint.hpp"

namespace armlint::internal {

struct ArtifactUri {
  std::string uri;
  bool relative = false;  // relative to the working directory (uriBaseId %SRCROOT%)
};

// The SARIF artifactLocation for `file` as given to the engine: backslashes become '/'; a
// relative path, or an absolute one inside `cwd`, becomes a relative URI reference
// (percent-encoded, "./" dropped); an absolute path elsewhere becomes a file:/// URI.
ArtifactUri ArtifactUriFor(std::string_view file, const std::filesystem::path& cwd);

// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string PercentEncodePath(std::string_view path);

// `uri` with every character RFC 3986 does not allow in a URI reference percent-encoded
// (space, quotes, <>, \, ^, `, {|}, controls, non-ASCII, and a '%' not starting an escape).
std::string EncodeUriReference(std::string_view uri);

// Whether `uri` is an absolute URI (scheme ":" ...), as SARIF's helpUri must be.
bool IsAbsoluteUri(std::string_view uri);

// A stable identity for a finding that does not move with line numbers: 16 hex digits of a
// 64-bit FNV-1a hash over rule id, file (forward slashes), resource id and JSON pointer. The
// SARIF writer prefers Finding::fingerprint (the baseline's) and uses this when it is empty.
std::string FindingFingerprint(const Finding& f);

// "storage-secure-transfer" -> "StorageSecureTransfer" (SARIF rule names are Pascal case).
std::string SarifRuleName(std::string_view rule_id);

}  // namespace armlint::internal
