// Policy cache files: writing, reading with one read, staleness (see policy_cache.h).
#include "policy/policy_cache.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sys/stat.h>

#include "json/compact_json.h"
#include "json/document.h"
#include "knowledge/aliases.h"
#include "policy/cache_format.h"
#include "policy/policy_files.h"
#include "policy/policy_static.h"
#include "rules/condition.h"
#include "rules/rule_loader.h"
#include "util/input_error.h"
#include "util/json_escape.h"
#include "util/limits.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "armlint-policy-cache 1\n";

using cache_format::Field;
using cache_format::Hash64;
using cache_format::Hex;
using cache_format::Quoted;
using cache_format::ReadWhole;
using cache_format::RelativeTo;
using cache_format::Resolve;
using cache_format::Stat;
using cache_format::StatOf;
using cache_format::Unfield;

// --- reading -----------------------------------------------------------------------------

struct CacheData;

// One cached rule: its payload, parsed and compiled on first use.
struct CachedEntry {
  const CacheData* data = nullptr;
  std::string_view payload;
  std::once_flag parse_once;
  std::shared_ptr<const Document> doc;
  std::once_flag compile_once;
  std::unique_ptr<const Condition> condition;
  const Document* Doc();
  const Condition* Compile();
  void Fill(Rule& rule);
};

struct CacheData {
  std::string path;
  std::unique_ptr<char[]> buffer;
  std::size_t size = 0;
  std::unique_ptr<CachedEntry[]> entries;
  const AliasTable* aliases = nullptr;  // null: the built-in table
  std::vector<std::unique_ptr<AliasTable>> alias_tables;
  bool missing_related_unknown = false;
  std::optional<Category> category;
};

const Document* CachedEntry::Doc() {
  std::call_once(parse_once, [this] {
    absl::StatusOr<std::unique_ptr<Document>> d =
        Document::Parse(data->path, std::string(payload), Anchor::kPolicySource);
    if (d.ok()) doc = std::shared_ptr<const Document>(std::move(*d));
  });
  return doc.get();
}

void CachedEntry::Fill(Rule& r) {
  const Document* d = Doc();
  if (d == nullptr) return;
  const Value& root = d->root();
  r.problem = Str(Key(&root, "problem"));
  r.solution = Str(Key(&root, "solution"));
  r.learn_more_link = Str(Key(&root, "link"));
  r.category = data->category.value_or(
      ParseCategory(Str(Key(&root, "category"))).value_or(Category::kSecurity));
  r.impact = ParseImpact(Str(Key(&root, "impact"))).value_or(Impact::kMedium);
  r.effect = Str(Key(&root, "effect"));
  r.source = Str(Key(&root, "source"));
  if (const Value* p = Key(&root, "policy");
      p != nullptr && p->is_array() && p->items().size() == 3) {
    r.policy = PolicyRef{Str(p->items()[0]), Str(p->items()[1]), Str(p->items()[2])};
  }
  if (const Value* c = Key(&root, "if")) r.condition_json = CompactJson(*c);
}

const Condition* CachedEntry::Compile() {
  std::call_once(compile_once, [this] {
    if (Doc() == nullptr) return;
    const Value& root = doc->root();
    const Value* cond = Key(&root, "if");
    if (cond == nullptr) return;
    PolicyParameters params;
    if (const Value* p = Key(&root, "parameters"); p != nullptr && p->is_object()) {
      for (const Member& m : p->members()) params[std::string(m.key)] = m.value;
    }
    ConditionOptions copts;
    copts.policy = true;
    copts.aliases = data->aliases;
    copts.parameters = &params;
    // As the loader does: Azure decides these effects' compliance on the stored resource.
    std::string effect = Str(Key(&root, "effect"));
    copts.platform_defaults = EqualsIgnoreCase(effect, "audit") ||
                              EqualsIgnoreCase(effect, "auditIfNotExists") ||
                              EqualsIgnoreCase(effect, "deployIfNotExists");
    absl::StatusOr<std::unique_ptr<Condition>> c = Condition::Compile(doc, *cond, copts);
    if (!c.ok()) return;
    auto scope = std::make_unique<Condition::PolicyScope>();
    const Value* indexed = Key(&root, "indexed");
    scope->indexed = indexed != nullptr && indexed->is_bool() && indexed->bool_value();
    scope->aliases = data->aliases;
    const Value* forced = Key(&root, "relatedUnknown");
    scope->missing_is_unknown = data->missing_related_unknown ||
                                (forced != nullptr && forced->is_bool() && forced->bool_value());
    scope->related_type = Str(Key(&root, "relatedType"));
    scope->related_type_lower = ToLower(scope->related_type);
    scope->related_name = Str(Key(&root, "relatedName"));
    if (const Value* ec = Key(&root, "existence")) {
      ConditionOptions eopts = copts;
      eopts.existence = true;
      absl::StatusOr<std::unique_ptr<Condition>> e = Condition::Compile(doc, *ec, eopts);
      if (!e.ok()) return;
      scope->existence = std::move(*e);
    }
    (*c)->SetPolicyScope(std::move(scope));
    condition = std::move(*c);
  });
  return condition.get();
}

// A reader of the body's lines.
class Lines {
 public:
  explicit Lines(std::string_view s) : s_(s) {}
  bool Next(std::string_view& line) {
    if (pos_ >= s_.size()) return false;
    std::size_t nl = s_.find('\n', pos_);
    if (nl == std::string_view::npos) return false;
    line = s_.substr(pos_, nl - pos_);
    pos_ = nl + 1;
    return true;
  }
  std::string_view Take(std::size_t n) {
    if (n > s_.size() - pos_) {
      pos_ = s_.size();
      return {};
    }
    std::string_view out = s_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  std::size_t offset() const { return pos_; }
  std::size_t left() const { return s_.size() - pos_; }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

std::vector<std::string_view> Split(std::string_view line) {
  std::vector<std::string_view> out;
  while (true) {
    std::size_t tab = line.find('\t');
    out.push_back(line.substr(0, tab));
    if (tab == std::string_view::npos) return out;
    line.remove_prefix(tab + 1);
  }
}

template <typename T>
bool Number(std::string_view s, T& out) {
  auto r = std::from_chars(s.data(), s.data() + s.size(), out);
  return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

absl::Status Bad(const std::string& path, std::string_view why) {
  return InputError(
      SourceLocation{path, 0, 0, ""},
      Cat("policy cache: ", why, "; write it again with 'armlint rules --policy ... --write-cache ",
          path, "'"));
}

struct SourceFile {
  std::string path;  // resolved
  int root = -1;     // index into roots; -1: parameters or alias file
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
  std::uint64_t hash = 0;
};

// The first source that differs from what the cache recorded, as a message; "" when none does
// (or when the roots cannot be reached: the cache then stands for its sources).
std::string StaleSource(const std::vector<std::string>& roots, const std::vector<SourceFile>& files,
                        const std::vector<std::pair<std::string, std::int64_t>>& dirs) {
  std::vector<bool> reachable(roots.size());
  for (std::size_t i = 0; i < roots.size(); ++i) reachable[i] = StatOf(roots[i]).ok;
  for (const SourceFile& f : files) {
    if (f.root >= 0 && !reachable[static_cast<std::size_t>(f.root)]) continue;
    Stat st = StatOf(f.path);
    if (!st.ok) return Cat(f.path, " is gone");
    if (st.size != f.size) return Cat(f.path, " changed");
    if (st.mtime_ns == f.mtime_ns) continue;
    std::string text;
    if (!ReadWhole(f.path, text) || Hash64(text) != f.hash) return Cat(f.path, " changed");
  }
  bool moved = false;
  for (const auto& [dir, mtime] : dirs) {
    Stat st = StatOf(dir);
    if (st.ok && st.mtime_ns != mtime) moved = true;
  }
  if (!moved) return "";
  // A folder changed: compare the files it holds now with those read then.
  std::vector<std::string> walk;
  for (std::size_t i = 0; i < roots.size(); ++i) {
    if (reachable[i]) walk.push_back(roots[i]);
  }
  absl::StatusOr<std::vector<std::string>> now = PolicyFiles(walk);
  if (!now.ok()) return std::string(now.status().message());
  std::vector<std::string> then;
  for (const SourceFile& f : files) {
    if (f.root >= 0 && reachable[static_cast<std::size_t>(f.root)]) then.push_back(f.path);
  }
  for (std::string& p : *now) p = fs::path(p).lexically_normal().generic_string();
  for (std::string& p : then) p = fs::path(p).lexically_normal().generic_string();
  std::sort(now->begin(), now->end());
  std::sort(then.begin(), then.end());
  for (const std::string& p : *now) {
    if (!std::binary_search(then.begin(), then.end(), p)) return Cat(p, " was added");
  }
  return "";
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
  if (r.policy) {
    out += ",\"policy\":[";
    Quoted(out, r.policy->name);
    out += ',';
    Quoted(out, r.policy->display_name);
    out += ',';
    Quoted(out, r.policy->initiative);
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
  // Every folder walked, so that a file added later is noticed.
  for (const std::string& root : options.paths) {
    if (!fs::is_directory(root, ec)) continue;
    std::vector<std::string> dirs{root};
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_directory(ec)) dirs.push_back(it->path().string());
    }
    for (const std::string& d : dirs) {
      AppendCat(body, "dir\t", Field(RelativeTo(d, cache_dir)), "\t", StatOf(d).mtime_ns, "\n");
    }
  }
  std::vector<fs::path> roots;
  for (const std::string& root : options.paths) roots.push_back(fs::absolute(root, ec));
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
    AppendCat(body, "file\t", Field(RelativeTo(f, cache_dir)), "\t", root, "\t", text.size(), "\t",
              st.mtime_ns, "\t", Hex(Hash64(text)), "\n");
  }
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
  AppendCat(body, "skipped\t", skipped.size(), "\n", skipped, "\n");
  AppendCat(body, "rules\t", load.records.size(), "\n");
  for (const PolicyRecord& r : load.records) {
    std::string types;
    for (const std::string& t : r.resource_types) {
      if (t.find_first_of(" \t\n") != std::string::npos) {
        return Bad(path, Cat("resource type '", t, "' of ", r.id, " cannot be written"));
      }
      AppendCat(types, types.empty() ? "" : " ", t);
    }
    AppendCat(body, Field(r.id), "\t", types, "\t", r.payload.size(), "\n");
  }
  for (const PolicyRecord& r : load.records) body += r.payload;
  std::string head =
      Cat(kMagic, "armlint ", armlint::Version(), "\n", body.size(), " ", Hex(Hash64(body)), "\n");
  std::string tmp = Cat(path, ".tmp");
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << head << body;
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

void ReadPolicyCache(const std::string& path, const PolicyLoadOptions& options,
                     std::optional<Category> category, PolicyLoad& into) {
  auto data = std::make_shared<CacheData>();
  data->path = path;
  data->missing_related_unknown = options.missing_related_unknown;
  data->category = category;
  if (!ReadWhole(path, data->buffer, data->size)) {
    into.errors.push_back(InputError(SourceLocation{path, 0, 0, ""},
                                     "policy cache not found or not readable",
                                     absl::StatusCode::kNotFound));
    return;
  }
  std::string_view all(data->buffer.get(), data->size);
  if (!all.starts_with(kMagic)) {
    into.errors.push_back(Bad(path, "not an armlint policy cache"));
    return;
  }
  Lines head(all.substr(kMagic.size()));
  std::string_view version, sizes;
  if (!head.Next(version) || !head.Next(sizes)) {
    into.errors.push_back(Bad(path, "truncated"));
    return;
  }
  std::string want = Cat("armlint ", armlint::Version());
  if (version != want) {
    into.errors.push_back(
        Bad(path, Cat("written by ", version, ", this is ", want, ": the formats may differ")));
    return;
  }
  std::size_t space = sizes.find(' ');
  std::size_t body_size = 0;
  if (space == std::string_view::npos || !Number(sizes.substr(0, space), body_size)) {
    into.errors.push_back(Bad(path, "corrupt header"));
    return;
  }
  std::string_view body = all.substr(kMagic.size() + head.offset());
  if (body.size() != body_size) {
    into.errors.push_back(Bad(path, Cat(body.size() < body_size ? "truncated" : "corrupt", " (",
                                        body.size(), " bytes of ", body_size, ")")));
    return;
  }
  if (Hex(Hash64(body)) != sizes.substr(space + 1)) {
    into.errors.push_back(Bad(path, "corrupt (its checksum does not match)"));
    return;
  }
  std::error_code ec;
  std::string cache_dir = fs::path(path).parent_path().generic_string();
  std::vector<std::string> roots, alias_files;
  std::string params_file;
  std::vector<SourceFile> files;
  std::vector<std::pair<std::string, std::int64_t>> dirs;
  std::vector<absl::Status> errors;
  Lines lines(body);
  std::string_view line;
  std::string_view skipped_json;
  std::size_t count = 0;
  auto corrupt = [&](std::string_view what) {
    into.errors.push_back(Bad(path, Cat("corrupt at byte ", lines.offset(), " (", what, ")")));
  };
  while (lines.Next(line)) {
    std::vector<std::string_view> f = Split(line);
    if (f[0] == "root" && f.size() == 2) {
      roots.push_back(Resolve(cache_dir, Unfield(f[1])));
    } else if (f[0] == "params" && f.size() == 2) {
      params_file = Resolve(cache_dir, Unfield(f[1]));
    } else if (f[0] == "aliases" && f.size() == 2) {
      alias_files.push_back(Resolve(cache_dir, Unfield(f[1])));
    } else if (f[0] == "dir" && f.size() == 3) {
      std::int64_t mtime = 0;
      if (!Number(f[2], mtime)) return corrupt("dir");
      dirs.emplace_back(Resolve(cache_dir, Unfield(f[1])), mtime);
    } else if (f[0] == "file" && f.size() == 6) {
      SourceFile s;
      s.path = Resolve(cache_dir, Unfield(f[1]));
      auto h = std::from_chars(f[5].data(), f[5].data() + f[5].size(), s.hash, 16);
      if (h.ec != std::errc() || !Number(f[2], s.root) || !Number(f[3], s.size) ||
          !Number(f[4], s.mtime_ns) || s.root >= static_cast<int>(roots.size())) {
        return corrupt("file");
      }
      files.push_back(std::move(s));
    } else if (f[0] == "error" && f.size() == 7) {
      SourceLocation at{Unfield(f[1]), 0, 0, Unfield(f[4])};
      int code = 0;
      if (!Number(f[2], at.line) || !Number(f[3], at.column) || !Number(f[5], code)) {
        return corrupt("error");
      }
      errors.push_back(at.file.empty()
                           ? absl::Status(static_cast<absl::StatusCode>(code), Unfield(f[6]))
                           : InputError(at, Unfield(f[6]), static_cast<absl::StatusCode>(code)));
    } else if (f[0] == "skipped" && f.size() == 2) {
      std::size_t n = 0;
      if (!Number(f[1], n) || n + 1 > lines.left()) return corrupt("skipped");
      skipped_json = lines.Take(n);
      lines.Take(1);
    } else if (f[0] == "rules" && f.size() == 2) {
      if (!Number(f[1], count) || count > body.size()) return corrupt("rules");
      break;
    } else {
      return corrupt("unknown line");
    }
  }
  std::string stale = StaleSource(roots, files, dirs);
  if (!stale.empty()) {
    // Never used silently when it no longer says what its sources say: they are loaded.
    into.notes.push_back(Cat("policy cache ", path, " is out of date (", stale,
                             "): loading its sources instead; refresh it with 'armlint rules "
                             "--policy ... --write-cache ",
                             path, "'"));
    PolicyLoadOptions fresh;
    fresh.paths = roots;
    fresh.parameters_file = params_file;
    fresh.alias_files = alias_files;
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
  for (const std::string& f : alias_files) {
    absl::StatusOr<std::unique_ptr<Document>> doc = Document::Load(f);
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
  data->entries = std::make_unique<CachedEntry[]>(count);
  std::vector<std::unique_ptr<Rule>> rules;
  rules.reserve(count);
  std::vector<std::size_t> sizes_of(count);
  for (std::size_t i = 0; i < count; ++i) {
    if (!lines.Next(line)) return corrupt("rule index");
    std::vector<std::string_view> f = Split(line);
    if (f.size() != 3 || !Number(f[2], sizes_of[i])) return corrupt("rule index");
    auto r = std::make_unique<Rule>();
    r->id = Unfield(f[0]);
    for (std::string_view t = f[1]; !t.empty();) {
      std::size_t sp = t.find(' ');
      r->resource_types.emplace_back(t.substr(0, sp));
      t.remove_prefix(sp == std::string_view::npos ? t.size() : sp + 1);
    }
    rules.push_back(std::move(r));
  }
  for (std::size_t i = 0; i < count; ++i) {
    CachedEntry* e = &data->entries[i];
    e->data = data.get();
    e->payload = lines.Take(sizes_of[i]);
    if (e->payload.size() != sizes_of[i]) return corrupt("payloads");
    Rule& r = *rules[i];
    r.lazy = std::make_shared<Rule::Lazy>();
    r.lazy->load = [e](Rule& self) { e->Fill(self); };
    r.lazy->compile = [e] { return e->Compile(); };
    r.keep_alive = data;
  }
  for (auto& r : rules) into.rules.push_back(std::move(r));
  for (absl::Status& s : errors) into.errors.push_back(std::move(s));
  if (!skipped_json.empty()) {
    auto previous = std::move(into.more_skipped);
    into.more_skipped = [data, skipped_json, previous](std::vector<SkippedPolicy>& out) {
      if (previous) previous(out);
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
