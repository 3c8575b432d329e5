// Reading a policy cache file: the head checked and read at once, the sources checked when they
// can be reached, each rule and payload when a rule first needs it (see policy_cache.h).
#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json/document.h"
#include "knowledge/aliases.h"
#include "policy/cache_format.h"
#include "policy/cache_lines.h"
#include "policy/cache_rules.h"
#include "policy/policy_cache.h"
#include "policy/policy_cache_stale.h"
#include "policy/policy_static.h"
#include "util/input_error.h"
#include "util/str_cat.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

using cache_format::Bad;
using cache_format::Hash64;
using cache_format::kMagic;
using cache_format::kMagicPrefix;
using cache_format::MappedFile;
using cache_format::Resolve;
using cache_format::Unfield;
using cache_lines::Fields;
using cache_lines::FileLine;
using cache_lines::Lines;
using cache_lines::Number;

// The sources a cache records (the head's lines before its payloads), kept as written until
// the cache is checked against them.
struct Sources {
  std::vector<std::string> roots, alias_files;
  std::string params_file;
  std::vector<std::string_view> dirs;  // "<path>\t<mtime>"
  std::size_t file_count = 0;
  std::size_t rootless = 0;  // files outside every root (parameters and alias files)
  std::uint64_t files_hash = 0;
};

// Whether the cache still says what its sources say, as StaleSource does: "" when it does or when
// its sources cannot be reached (then the files block is not read at all). A corrupt files
// block is an error (`corrupt` set).
std::string CheckSources(const Sources& src, const std::string& cache_dir, std::string_view block,
                         std::string& corrupt) {
  std::vector<bool> reachable(src.roots.size());
  for (std::size_t i = 0; i < src.roots.size(); ++i) {
    reachable[i] = cache_format::StatOf(src.roots[i]).ok;
  }
  if (std::find(reachable.begin(), reachable.end(), true) == reachable.end() && src.rootless == 0) {
    return "";
  }
  if (Hash64(block) != src.files_hash) {
    corrupt = "the source files: their checksum does not match";
    return "";
  }
  std::vector<SourceFolder> dirs;
  std::array<std::string_view, 2> f;
  for (std::string_view d : src.dirs) {
    std::int64_t mtime = 0;
    if (Fields(d, f) != 2 || !Number(f[1], mtime)) {
      corrupt = "dir";
      return "";
    }
    dirs.push_back(SourceFolder{Resolve(cache_dir, Unfield(f[0])), mtime});
  }
  std::vector<SourceFile> files;
  files.reserve(src.file_count);
  Lines lines(block);
  for (std::string_view line; lines.Next(line);) {
    SourceFile& s = files.emplace_back();
    if (!FileLine(line, s) || s.dir < -1 || s.dir >= static_cast<int>(dirs.size()) ||
        s.root >= static_cast<int>(src.roots.size())) {
      corrupt = "file";
      return "";
    }
    if (s.dir < 0) s.path = Resolve(cache_dir, Unfield(s.name));
  }
  if (files.size() != src.file_count || lines.offset() != block.size()) {
    corrupt = "files";
    return "";
  }
  return StaleSource(src.roots, reachable, files, dirs);
}

}  // namespace

void ReadPolicyCache(const std::string& path, const PolicyLoadOptions& options,
                     std::optional<Category> category, PolicyLoad& into) {
  auto data = std::make_shared<CacheData>();
  data->path = path;
  data->missing_related_unknown = options.missing_related_unknown;
  data->category = category;
  data->file = std::make_unique<MappedFile>(path);
  if (!data->file->ok()) {
    into.errors.push_back(InputError(SourceLocation{path, 0, 0, ""},
                                     "policy cache not found or not readable",
                                     absl::StatusCode::kNotFound));
    return;
  }
  std::string_view all = data->file->view();
  if (!all.starts_with(kMagicPrefix)) {
    into.errors.push_back(Bad(path, "not an armlint policy cache"));
    return;
  }
  if (!all.starts_with(kMagic)) {
    std::string_view format = all.substr(kMagicPrefix.size(), 8);
    format = format.substr(0, format.find('\n'));
    into.errors.push_back(Bad(path, Cat("written in cache format ", format, ", this armlint reads ",
                                        kMagic.substr(kMagicPrefix.size(), 1))));
    return;
  }
  Lines top(all.substr(kMagic.size()));
  std::string_view version, sizes;
  if (!top.Next(version) || !top.Next(sizes)) {
    into.errors.push_back(Bad(path, "truncated"));
    return;
  }
  std::string want = Cat("armlint ", armlint::Version());
  if (version != want) {
    into.errors.push_back(
        Bad(path, Cat("written by ", version, ", this is ", want, ": the formats may differ")));
    return;
  }
  // "<blob bytes> <head bytes> <head hash> <files bytes> <rules bytes>": the parts, in order.
  std::array<std::size_t, 4> part{};  // blobs, head, files, rules
  std::uint64_t head_hash = 0;
  {
    std::string_view rest = sizes;
    std::array<std::string_view, 5> hf;
    std::size_t n = 0;
    for (; n < hf.size() && !rest.empty(); ++n) {
      std::size_t sp = rest.find(' ');
      hf[n] = rest.substr(0, sp);
      rest.remove_prefix(sp == std::string_view::npos ? rest.size() : sp + 1);
    }
    if (n != hf.size() || !rest.empty() || !Number(hf[0], part[0]) || !Number(hf[1], part[1]) ||
        !Number(hf[2], head_hash, 16) || !Number(hf[3], part[2]) || !Number(hf[4], part[3])) {
      into.errors.push_back(Bad(path, "corrupt header"));
      return;
    }
  }
  std::string_view body = all.substr(kMagic.size() + top.offset());
  std::size_t body_size = 0;
  for (std::size_t p : part) {
    if (p > body.size() || body_size > body.size() - p) {
      into.errors.push_back(Bad(path, Cat("truncated (", body.size(), " bytes)")));
      return;
    }
    body_size += p;
  }
  if (body.size() != body_size) {
    into.errors.push_back(Bad(path, Cat(body.size() < body_size ? "truncated" : "corrupt", " (",
                                        body.size(), " bytes of ", body_size, ")")));
    return;
  }
  std::string_view blobs = body.substr(0, part[0]);
  std::string_view head = body.substr(part[0], part[1]);
  std::string_view files_block = body.substr(part[0] + part[1], part[2]);
  std::string_view rules_block = body.substr(part[0] + part[1] + part[2]);
  if (Hash64(head) != head_hash) {
    into.errors.push_back(Bad(path, "corrupt (its checksum does not match)"));
    return;
  }
  data->blobs = blobs;
  std::string cache_dir = fs::path(path).parent_path().generic_string();
  Sources src;
  std::vector<absl::Status> errors;
  Lines lines(head);
  std::string_view line;
  std::string_view skipped_json;
  std::uint64_t skipped_hash = 0;
  auto corrupt = [&](std::string_view what) {
    into.errors.push_back(
        Bad(path, Cat("corrupt at byte ", part[0] + lines.offset(), " (", what, ")")));
  };
  std::array<std::string_view, 7> f;
  while (true) {
    std::size_t at = lines.offset();
    if (!lines.Next(line)) return corrupt("no rules");
    if (line.starts_with("rules\t")) {
      lines = Lines(head);
      lines.Take(at);
      break;
    }
    std::size_t nf = Fields(line, f);
    if (f[0] == "root" && nf == 2) {
      src.roots.push_back(Resolve(cache_dir, Unfield(f[1])));
    } else if (f[0] == "params" && nf == 2) {
      src.params_file = Resolve(cache_dir, Unfield(f[1]));
    } else if (f[0] == "aliases" && nf == 2) {
      src.alias_files.push_back(Resolve(cache_dir, Unfield(f[1])));
    } else if (f[0] == "dir" && nf == 3) {
      src.dirs.push_back(line.substr(4));
    } else if (f[0] == "files" && nf == 4) {
      if (!Number(f[1], src.file_count) || !Number(f[2], src.rootless) ||
          !Number(f[3], src.files_hash, 16) || src.file_count > files_block.size() / 16) {
        return corrupt("files");
      }
    } else if (f[0] == "error" && nf == 7) {
      SourceLocation at{Unfield(f[1]), 0, 0, Unfield(f[4])};
      int code = 0;
      if (!Number(f[2], at.line) || !Number(f[3], at.column) || !Number(f[5], code)) {
        return corrupt("error");
      }
      errors.push_back(at.file.empty()
                           ? absl::Status(static_cast<absl::StatusCode>(code), Unfield(f[6]))
                           : InputError(at, Unfield(f[6]), static_cast<absl::StatusCode>(code)));
    } else if (f[0] == "skipped" && nf == 4) {
      std::size_t o = 0, n = 0;
      if (!Number(f[1], o) || !Number(f[2], n) || !Number(f[3], skipped_hash, 16) ||
          o > blobs.size() || n > blobs.size() - o) {
        return corrupt("skipped");
      }
      skipped_json = blobs.substr(o, n);
    } else if (f[0] == "payloads" && nf == 3) {
      if (!Number(f[1], data->payload_count) ||
          f[2].size() != std::size_t{data->payload_count} * CacheData::kPayloadEntry) {
        return corrupt("payloads");
      }
      data->payload_table = f[2];
      data->payloads = std::make_unique<Payload[]>(data->payload_count);
    } else {
      return corrupt("unknown line");
    }
  }
  auto rules = std::make_shared<CacheRules>(data);
  if (!rules->Read(lines, rules_block) || lines.offset() != head.size()) {
    return corrupt("rule index");
  }
  std::string bad_sources;
  std::string stale = CheckSources(src, cache_dir, files_block, bad_sources);
  if (!bad_sources.empty()) {
    into.errors.push_back(Bad(path, Cat("corrupt (", bad_sources, ")")));
    return;
  }
  if (!stale.empty()) {
    // Never used silently when it no longer says what its sources say: they are loaded.
    into.notes.push_back(Cat("policy cache ", path, " is out of date (", stale,
                             "): loading its sources instead; refresh it with 'armlint rules "
                             "--policy ... --write-cache ",
                             path, "'"));
    PolicyLoadOptions fresh;
    fresh.paths = src.roots;
    fresh.parameters_file = src.params_file;
    fresh.alias_files = src.alias_files;
    fresh.missing_related_unknown = options.missing_related_unknown;
    fresh.category = category.value_or(Category::kSecurity);
    PolicyLoad load = LoadPolicies(fresh);
    for (auto& r : load.rules) into.rules.push_back(std::move(r));
    for (auto& s : load.skipped) into.skipped.push_back(std::move(s));
    for (auto& s : load.errors) into.errors.push_back(std::move(s));
    for (auto& n : load.notes) into.notes.push_back(std::move(n));
    return;
  }
  // The alias tables the definitions were checked against.
  for (const std::string& a : src.alias_files) {
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(a);
    if (!doc.ok()) {
      into.errors.push_back(doc.status());
      return;
    }
    const AliasTable* base = data->aliases != nullptr ? data->aliases : &AliasTable::Builtin();
    absl::StatusOr<std::unique_ptr<AliasTable>> t = AliasTable::FromJson((*doc)->root(), base);
    if (!t.ok()) {
      into.errors.push_back(t.status());
      return;
    }
    data->aliases = t->get();
    data->alias_tables.push_back(std::move(*t));
  }
  if (options.lazy_caches) {
    into.lazy.push_back(rules);
  } else {
    for (std::uint32_t i = 0; i < rules->size(); ++i) into.rules.push_back(rules->Make(i));
  }
  for (absl::Status& s : errors) into.errors.push_back(std::move(s));
  if (!skipped_json.empty()) {
    auto previous = std::move(into.more_skipped);
    into.more_skipped = [data, skipped_json, skipped_hash,
                         previous](std::vector<SkippedPolicy>& out) {
      if (previous) previous(out);
      if (Hash64(skipped_json) != skipped_hash) {
        data->Late(Bad(data->path,
                       "corrupt (the list of definitions left out: its checksum "
                       "does not match)"));
        return;
      }
      absl::StatusOr<std::unique_ptr<Document>> doc =
          Document::Parse(data->path, std::string(skipped_json));
      if (!doc.ok() || !(*doc)->root().is_array()) return;
      for (const Value* item : (*doc)->root().items()) {
        if (!item->is_array() || item->items().size() != 3) continue;
        out.push_back(
            SkippedPolicy{Str(item->items()[0]), Str(item->items()[1]), Str(item->items()[2])});
      }
    };
  }
}

}  // namespace armlint::internal
