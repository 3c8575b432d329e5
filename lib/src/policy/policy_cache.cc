// Policy cache files: writing, reading with one read, staleness (see policy_cache.h).
#include "policy/policy_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sys/stat.h>

#include "absl/container/flat_hash_map.h"

#include "json/compact_json.h"
#include "json/document.h"
#include "knowledge/aliases.h"
#include "policy/cache_format.h"
#include "policy/cache_rules.h"
#include "policy/policy_files.h"
#include "policy/policy_static.h"
#include "rules/builtin_rules.h"
#include "rules/condition.h"
#include "rules/rule_loader.h"
#include "util/hash.h"
#include "util/input_error.h"
#include "util/json_escape.h"
#include "util/limits.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

using cache_format::Bad;
using cache_format::Field;
using cache_format::Hash64;
using cache_format::kMagic;
using cache_format::Quoted;
using cache_format::ReadWhole;
using cache_format::RelativeTo;
using cache_format::Stat;
using cache_format::StatOf;

// A record's rule numbers by resource type: exact types in TypeOrder (each rule ascending, a
// type named twice listed twice, as RuleSet indexes rules), patterns by rule, the rules
// without a type.
struct TypeIndex {
  struct ByTypeOrder {
    bool operator()(const std::string& a, const std::string& b) const { return TypeOrder(a, b); }
  };
  std::map<std::string, std::vector<std::uint32_t>, ByTypeOrder> exact;
  std::vector<std::pair<std::uint32_t, std::string>> patterns;
  std::vector<std::uint32_t> any;
  explicit TypeIndex(const std::vector<PolicyRecord>& records) {
    for (std::uint32_t i = 0; i < records.size(); ++i) {
      const std::vector<std::string>& types = records[i].resource_types;
      if (types.empty()) any.push_back(i);
      for (const std::string& t : types) {
        if (t.find('*') != std::string::npos) {
          patterns.emplace_back(i, t);
          continue;
        }
        exact[t].push_back(i);
        // A policy names a resource group's type as its id does; a template does not.
        if (t == "microsoft.resources/subscriptions/resourcegroups") {
          exact["microsoft.resources/resourcegroups"].push_back(i);
        }
      }
    }
  }
};

// `v` as 8 hex digits (v < 2^32).
std::string Hex8(std::uint64_t v) { return Hex64(v).substr(8); }

std::string Numbers(const std::vector<std::uint32_t>& v) {
  std::string out;
  for (std::uint32_t n : v) AppendCat(out, out.empty() ? "" : " ", n);
  return out;
}

}  // namespace

std::string PolicyPayload(const Rule& r, const PolicyPayloadParts& parts) {
  std::string out = "{\"problem\":";
  Quoted(out, r.problem);
  out += ",\"solution\":";
  Quoted(out, r.solution);
  out += ",\"link\":";
  Quoted(out, r.learn_more_link);
  out += ",\"category\":";
  Quoted(out, CategoryName(r.category));
  out += ",\"impact\":";
  Quoted(out, ImpactName(r.impact));
  out += ",\"effect\":";
  Quoted(out, r.effect);
  out += ",\"source\":";
  Quoted(out, r.source);
  if (r.policy) {  // its initiative is the rule's own (PolicyRecord::initiative)
    out += ",\"policy\":[";
    Quoted(out, r.policy->name);
    out += ',';
    Quoted(out, r.policy->display_name);
    out += ']';
  }
  out += ",\"if\":";
  AppendJson(*parts.cond, out);
  out += ",\"parameters\":{";
  if (parts.params != nullptr) {
    // Sorted, so that the same load writes the same bytes.
    std::vector<std::pair<std::string_view, const Value*>> params(parts.params->begin(),
                                                                  parts.params->end());
    std::sort(params.begin(), params.end());
    bool first = true;
    for (const auto& [name, value] : params) {
      if (!first) out += ',';
      first = false;
      Quoted(out, name);
      out += ':';
      AppendJson(*value, out);
    }
  }
  out += "},\"indexed\":";
  out += parts.indexed ? "true" : "false";
  out += ",\"relatedUnknown\":";
  out += parts.related_unknown ? "true" : "false";
  out += ",\"relatedType\":";
  Quoted(out, parts.related_type);
  out += ",\"relatedName\":";
  Quoted(out, parts.related_name);
  if (parts.existence != nullptr) {
    out += ",\"existence\":";
    AppendJson(*parts.existence, out);
  }
  out += '}';
  return out;
}

bool IsPolicyCachePath(std::string_view path) { return EndsWithIgnoreCase(path, ".cache"); }

absl::Status WritePolicyCache(const PolicyLoadOptions& options, const PolicyLoad& load,
                              const std::string& path) {
  std::error_code ec;
  fs::path cache_dir = fs::absolute(fs::path(path).parent_path(), ec).lexically_normal();
  std::string body;
  for (const std::string& root : options.paths) {
    if (IsPolicyCachePath(root)) return Bad(path, "a cache cannot be made from another cache");
    AppendCat(body, "root\t", Field(RelativeTo(root, cache_dir)), "\n");
  }
  if (!options.parameters_file.empty()) {
    AppendCat(body, "params\t", Field(RelativeTo(options.parameters_file, cache_dir)), "\n");
  }
  for (const std::string& a : options.alias_files) {
    AppendCat(body, "aliases\t", Field(RelativeTo(a, cache_dir)), "\n");
  }
  // Every folder walked, so that a file added later is noticed; a file in one of them is
  // recorded by the folder's number and its name (checked with fstatat in the folder).
  std::map<std::string, int> dir_number;
  for (const std::string& root : options.paths) {
    if (!fs::is_directory(root, ec)) continue;
    std::vector<std::string> dirs{root};
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec)) dirs.push_back(it->path().string());
    }
    for (const std::string& d : dirs) {
      std::string key = fs::absolute(d, ec).lexically_normal().generic_string();
      if (!dir_number.emplace(key, static_cast<int>(dir_number.size())).second) continue;
      AppendCat(body, "dir\t", Field(RelativeTo(d, cache_dir)), "\t", StatOf(d).mtime_ns, "\n");
    }
  }
  std::vector<fs::path> roots;
  for (const std::string& root : options.paths) roots.push_back(fs::absolute(root, ec));
  // The files block: one line a file read, after the head (read only when the cache is checked
  // against its sources).
  std::string files;
  std::size_t file_count = 0, rootless = 0;
  for (const std::string& f : load.files_read) {
    std::string text;
    Stat st = StatOf(f);
    if (!ReadWhole(f, text) || !st.ok) continue;  // reported as a load error already
    int root = -1;
    fs::path abs = fs::absolute(f, ec);
    for (std::size_t i = 0; i < roots.size() && root < 0; ++i) {
      fs::path rel = abs.lexically_relative(roots[i]);
      if (abs == roots[i] || (!rel.empty() && *rel.begin() != "..")) root = static_cast<int>(i);
    }
    auto dir = dir_number.find(abs.lexically_normal().parent_path().generic_string());
    std::string where = dir == dir_number.end()
                            ? Cat("-1\t", Field(RelativeTo(f, cache_dir)))
                            : Cat(dir->second, "\t", Field(abs.filename().string()));
    AppendCat(files, where, "\t", root, "\t", text.size(), "\t", st.mtime_ns, "\t",
              Hex64(Hash64(text)), "\n");
    ++file_count;
    rootless += root < 0 ? 1 : 0;
  }
  AppendCat(body, "files\t", file_count, "\t", rootless, "\t", Hex64(Hash64(files)), "\n");
  for (const absl::Status& s : load.errors) {
    SourceLocation at = GetSourceLocation(s).value_or(SourceLocation{});
    AppendCat(body, "error\t", Field(at.file), "\t", at.line, "\t", at.column, "\t",
              Field(at.pointer), "\t", static_cast<int>(s.code()), "\t", Field(MessageOf(s)), "\n");
  }
  std::string skipped = "[";
  for (const SkippedPolicy& s : load.skipped) {
    if (skipped.size() > 1) skipped += ',';
    skipped += '[';
    Quoted(skipped, s.name);
    skipped += ',';
    Quoted(skipped, s.file);
    skipped += ',';
    Quoted(skipped, s.reason);
    skipped += ']';
  }
  skipped += "]";
  // The blobs (checked when first read): the skipped list, then each distinct payload once.
  std::string blobs = skipped;
  AppendCat(body, "skipped\t0\t", skipped.size(), "\t", Hex64(Hash64(skipped)), "\n");
  // The rule lines and the payloads in the order a lint reads them: the rules of any type,
  // then each type's, so that one resource type's rules and payloads lie together in the file
  // (each a few pages read, not pages all over it).
  TypeIndex index(load.records);
  std::vector<std::uint32_t> order;
  std::vector<bool> placed(load.records.size());
  auto place = [&](std::uint32_t i) {
    if (!placed[i]) order.push_back(i);
    placed[i] = true;
  };
  for (std::uint32_t i : index.any) place(i);
  for (const auto& [type, rules] : index.exact) {
    for (std::uint32_t i : rules) place(i);
  }
  for (const auto& [rule, type] : index.patterns) place(rule);
  for (std::uint32_t i = 0; i < load.records.size(); ++i) place(i);
  absl::flat_hash_map<std::string_view, std::uint32_t> seen;
  std::vector<std::uint32_t> payload_of(load.records.size());
  std::string table;
  for (std::uint32_t i : order) {
    const PolicyRecord& r = load.records[i];
    auto [it, fresh] = seen.try_emplace(r.payload, static_cast<std::uint32_t>(seen.size()));
    if (fresh) {
      if (blobs.size() + r.payload.size() > 0xffffffffu) {
        return Bad(path, "too many policies for one cache");
      }
      AppendCat(table, Hex8(blobs.size()), Hex8(r.payload.size()), Hex64(Hash64(r.payload)));
      blobs += r.payload;
    }
    payload_of[i] = it->second;
  }
  AppendCat(body, "payloads\t", seen.size(), "\t", table, "\n");
  // The rule lines, each with its checksum, and where each starts (8 hex digits a rule, in id
  // order: read without a scan).
  std::string rule_lines;
  std::vector<std::size_t> line_at(load.records.size());
  for (std::uint32_t i : order) {
    const PolicyRecord& r = load.records[i];
    std::string types;
    for (const std::string& t : r.resource_types) {
      if (t.empty() || t.find_first_of(" \t\n") != std::string::npos) {
        return Bad(path, Cat("resource type '", t, "' of ", r.id, " cannot be written"));
      }
      AppendCat(types, types.empty() ? "" : " ", t);
    }
    if (rule_lines.size() > 0xffffffffu) return Bad(path, "too many rules for one cache");
    line_at[i] = rule_lines.size();
    std::string fields =
        Cat(Field(r.id), "\t", payload_of[i], "\t", Field(r.initiative), "\t", types);
    AppendCat(rule_lines, fields, "\t", Hex8(RuleLineCheck(fields)), "\n");
  }
  std::string offsets;
  for (std::size_t at : line_at) offsets += Hex8(at);
  AppendCat(body, "rules\t", load.records.size(), "\t", offsets, "\n");
  AppendCat(body, "types\t", index.exact.size(), "\n");
  for (const auto& [type, rules] : index.exact) AppendCat(body, type, "\t", Numbers(rules), "\n");
  AppendCat(body, "patterns\t", index.patterns.size(), "\n");
  for (const auto& [rule, type] : index.patterns) AppendCat(body, rule, "\t", type, "\n");
  AppendCat(body, "any\t", Numbers(index.any), "\n");
  std::string head =
      Cat(kMagic, "armlint ", armlint::Version(), "\n", blobs.size(), " ", body.size(), " ",
          Hex64(Hash64(body)), " ", files.size(), " ", rule_lines.size(), "\n");
  std::string tmp = Cat(path, ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << head << blobs << body << files << rule_lines;
    out.close();
    if (!out) {
      return InputError(SourceLocation{path, 0, 0, ""}, "cannot write the policy cache");
    }
  }
  fs::rename(tmp, path, ec);  // readers never see half a cache
  if (ec) {
    return InputError(SourceLocation{path, 0, 0, ""},
                      Cat("cannot write the policy cache: ", ec.message()));
  }
  return absl::OkStatus();
}

}  // namespace armlint::internal
