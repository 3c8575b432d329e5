// Azure Policy definitions and initiatives as rules: finds them in files (the shapes below),
// applies assignment parameter values, and compiles each definition that a template can be
// checked against into a Rule; every other one is listed with the reason it is left out.
//
// Accepted shapes, in a file or a folder walked for *.json:
//   {"name", "properties": {"displayName", "mode", "parameters", "policyRule", "metadata"}}
//   the `properties` object alone; an array of either, or {"value": [...]} (az CLI output);
//   a deployment template with Microsoft.Authorization/policyDefinitions (and
//   policySetDefinitions) resources, expanded first so that "[[" reads as "[";
//   policy set definitions (initiatives): {"properties": {"policyDefinitions": [...]}}.
// Assignment values (--policy-parameters): {"name": {"value": v}}, {"parameters": {...}} or an
// assignment's JSON ({"properties": {"parameters": {...}}}).
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"

#include "armlint/armlint.hpp"
#include "json/document.h"
#include "rules/rule_set.h"

namespace armlint::internal {

struct PolicyLoadOptions {
  std::vector<std::string> paths;
  std::string parameters_file;
  std::vector<std::string> alias_files;
  bool missing_related_unknown = false;
  // .armlint.json "policies": a file or folder with its own assignment values (compact JSON
  // {"name": {"value": ...}}, or ""), applied to its definitions instead of parameters_file's,
  // and the category of their findings (unset: Security, or what a cache file holds).
  struct Source {
    std::string path;
    std::string parameters_json;
    std::optional<Category> category;
  };
  std::vector<Source> sources;
  // Definitions already parsed (editors, the fuzz target), read like files of `paths`.
  std::vector<std::shared_ptr<const Document>> documents;
  // The category of the definitions under `paths`.
  Category category = Category::kSecurity;
  // Keep what a cache file needs (PolicyLoad::records, files_read): --write-cache.
  bool record = false;
  // A cache file's rules as a LazyRules (PolicyLoad::lazy) for a RuleSet to make on first
  // need, instead of a Rule each in PolicyLoad::rules.
  bool lazy_caches = false;
};

// One evaluated definition as a cache file keeps it (policy_cache.h): its id, the resource
// types it is indexed by, the initiative that assigned it, and the rest as compact JSON
// (metadata, the "if" and the bound parameter values, the *IfNotExists details), compiled when
// a resource first reaches it. The same payload recurs for a definition in many initiatives.
struct PolicyRecord {
  std::string id;
  std::vector<std::string> resource_types;
  std::string payload;
  std::string initiative;
};

struct PolicyLoad {
  std::vector<std::unique_ptr<Rule>> rules;  // sorted by id
  // With PolicyLoadOptions::lazy_caches: each cache file's rules (not in `rules`).
  std::vector<std::shared_ptr<const LazyRules>> lazy;
  std::vector<SkippedPolicy> skipped;  // sorted by file, name
  // Files or definitions that could not be loaded: InputErrors with file:line:col. The other
  // definitions are still loaded.
  std::vector<absl::Status> errors;
  // Not errors, said on stderr: a cache file out of date with its sources, which were loaded
  // instead (policy_cache.h).
  std::vector<std::string> notes;
  // Definitions left out that a cache file lists, read only when asked for (listings): appends
  // them to `skipped` and sorts it as loading the sources does. Null when there are none.
  std::function<void(std::vector<SkippedPolicy>&)> more_skipped;
  // With PolicyLoadOptions::record: each rule as a cache keeps it (sorted by id, as `rules`),
  // and every file read (definitions, assignment values, alias tables), in reading order.
  std::vector<PolicyRecord> records;
  std::vector<std::string> files_read;
};

// Loads every definition and initiative under `options.paths`. Never fails as a whole: what
// cannot be loaded is in `errors`.
PolicyLoad LoadPolicies(const PolicyLoadOptions& options);

// The impact of an effect (lower-cased): deny High; audit, auditIfNotExists Medium;
// deployIfNotExists, modify, append Low.
Impact ImpactOfEffect(std::string_view effect);

}  // namespace armlint::internal
