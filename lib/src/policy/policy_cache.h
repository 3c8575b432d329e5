// A policy cache file: the evaluable definitions of a policy load (parameters bound, load errors
// and the definitions left out with their reasons), indexed by resource type, written by
// `armlint rules --policy PATH... --write-cache FILE` and read back by `--policy FILE.cache`.
// Private to policy/.
//
// Layout (text, format 4):
//   armlint-policy-cache 4\n  armlint <version>\n
//   <blob bytes> <head bytes> <head hash> <files bytes> <rules bytes>\n
//   <blobs><head><files><rules>
// The blobs: the skipped list (JSON), then each distinct payload once (compact JSON: metadata,
// the "if" and the bound parameter values, the *IfNotExists details; the same definition with
// the same values recurs in many initiatives). The head (tab-separated lines, checked whole on
// every read): each source (the --policy roots, --policy-parameters and --aliases files,
// relative to the cache's folder; every folder walked with its mtime), the count of source
// files with the files block's hash, the load errors, where the skipped list is, where each
// payload is with its hash (one fixed-width table), where each rule's line starts (in id
// order), the rules of each resource type, the wildcard types, the rules of any type. The files
// block: every file read, with its folder, size, mtime and content hash; read only when the
// cache is checked against its sources. The rules block: one line a rule (id, payload number,
// initiative, resource types, and a checksum of the line), read when the rule is first needed.
// Rule lines and payloads are laid out by resource type (the rules of any type first), so that
// a lint reads a few pages of a cache, not pages all over it.
//
// Reading maps the file and reads the head; nothing else is parsed before it is needed: a
// RuleSet takes the rules as a LazyRules (cache_rules.h) and makes a rule when a resource of
// its type first reaches it; a rule line or payload is checked (a corrupt one is an InputError
// at the cache, said with the findings), and a payload parsed and compiled once for all the
// rules that share it.
//
// Staleness: when a root is reachable and a source differs from what the cache recorded (size,
// or content hash where the mtime moved; a file added to or removed from a walked folder), the
// cache is not used: its sources are loaded instead, with a note that names the changed file.
// When the roots are not reachable (a cache shipped without its sources), the cache is used as
// written. Another armlint version or cache format, a truncated or corrupt file: an InputError
// at the cache.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

#include "json/value.h"
#include "policy/policy_loader.h"
#include "rules/condition_expr.h"

namespace armlint::internal {

// What a cache keeps of a rule besides its metadata: the "if", the bound parameter values, the
// mode and the *IfNotExists details (related_unknown: the related resource cannot be in a
// template, so its absence is unknown whatever the option says).
struct PolicyPayloadParts {
  const Value* cond = nullptr;
  const PolicyParameters* params = nullptr;
  bool indexed = false;
  bool related_unknown = false;
  std::string related_type;
  std::string related_name;
  const Value* existence = nullptr;
};

// The payload (compact JSON) of `rule`, loaded from policy files, for a cache.
std::string PolicyPayload(const Rule& rule, const PolicyPayloadParts& parts);

// Whether `path` names a policy cache (its extension is ".cache").
bool IsPolicyCachePath(std::string_view path);

// Writes `load` (LoadPolicies of `options` with `record`) as the cache file `path`.
absl::Status WritePolicyCache(const PolicyLoadOptions& options, const PolicyLoad& load,
                              const std::string& path);

// Reads the cache `path` into `into`: its rules as one of `into.lazy` with
// options.lazy_caches, else appended to `into.rules` (in id order); errors, notes, more_skipped.
// `category`: the pillar of its findings, else what the cache holds; options: aliases are the
// cache's own, missing_related_unknown applies.
void ReadPolicyCache(const std::string& path, const PolicyLoadOptions& options,
                     std::optional<Category> category, PolicyLoad& into);

}  // namespace armlint::internal
