// Reading a policy cache file: the index checked and read at once, each payload checked,
// parsed and compiled when a rule first needs it (see policy_cache.h).
#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <limits>
#include <mutex>
#include <optional>
#include <type_traits>

#include "absl/base/call_once.h"

#include "json/compact_json.h"
#include "json/document.h"
#include "knowledge/aliases.h"
#include "policy/cache_format.h"
#include "policy/cache_lines.h"
#include "policy/policy_cache.h"
#include "policy/policy_cache_stale.h"
#include "policy/policy_static.h"
#include "rules/builtin_rules.h"
#include "rules/condition.h"
#include "rules/rule_loader.h"
#include "rules/rule_set_lazy.h"
#include "util/input_error.h"
#include "util/str_cat.h"
#include "util/strings.h"

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
using cache_lines::Numbers;

struct CacheData;

// One distinct payload (a definition with its bound parameters): checked and parsed on first
// use, compiled once for every rule that shares it.
struct Payload {
  std::string_view bytes;
  std::uint64_t hash = 0;
  absl::once_flag parse_once;
  std::shared_ptr<const Document> doc;
  absl::once_flag compile_once;
  std::unique_ptr<const Condition> condition;
  bool policy = false;  // its rules are a policy's (Fill sets Rule::policy): set by Compile
  // The metadata its rules share, read once (hundreds of rules may share a payload).
  struct Meta {
    std::string problem, solution, link, effect, source;
    Category category = Category::kSecurity;
    Impact impact = Impact::kMedium;
    std::optional<PolicyRef> policy;  // initiative empty: each rule has its own
  };
  absl::once_flag meta_once;
  std::unique_ptr<const Meta> meta;  // on the heap: a cache has thousands of payloads
  const Document* Doc(CacheData& data);
  const Condition* Compile(CacheData& data);
  const Meta* Metadata(CacheData& data);
};

struct CacheData {
  std::string path;
  std::unique_ptr<MappedFile> file;
  std::unique_ptr<Payload[]> payloads;
  std::uint32_t payload_count = 0;
  const AliasTable* aliases = nullptr;  // null: the built-in table
  std::vector<std::unique_ptr<AliasTable>> alias_tables;
  bool missing_related_unknown = false;
  std::optional<Category> category;
  std::mutex mu;
  std::vector<absl::Status> late;  // under mu
  void Late(absl::Status s) {
    std::lock_guard<std::mutex> lock(mu);
    late.push_back(std::move(s));
  }
};

const Document* Payload::Doc(CacheData& data) {
  absl::call_once(parse_once, [&] {
    if (Hash64(bytes) != hash) {
      data.Late(Bad(data.path,
                    Cat("corrupt (the payload at byte ", bytes.data() - data.file->view().data(),
                        ": its checksum does not match)")));
      return;
    }
    absl::StatusOr<std::unique_ptr<Document>> d =
        Document::Parse(data.path, std::string(bytes), Anchor::kPolicySource);
    if (!d.ok()) {
      data.Late(Bad(data.path, Cat("corrupt (", MessageOf(d.status()), ")")));
      return;
    }
    doc = std::shared_ptr<const Document>(std::move(*d));
  });
  return doc.get();
}

// The payload's ["name", "display name"] of the policy its rules come from; null when they are
// not a policy's.
const Value* PolicyPair(const Value& root) {
  const Value* pol = Key(&root, "policy");
  return pol != nullptr && pol->is_array() && pol->items().size() == 2 ? pol : nullptr;
}

const Condition* Payload::Compile(CacheData& data) {
  absl::call_once(compile_once, [&] {
    if (Doc(data) == nullptr) return;
    const Value& root = doc->root();
    policy = PolicyPair(root) != nullptr;
    const Value* cond = Key(&root, "if");
    if (cond == nullptr) return;
    PolicyParameters params;
    if (const Value* p = Key(&root, "parameters"); p != nullptr && p->is_object()) {
      for (const Member& m : p->members()) params[std::string(m.key)] = m.value;
    }
    ConditionOptions copts;
    copts.policy = true;
    copts.aliases = data.aliases;
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
    scope->aliases = data.aliases;
    const Value* forced = Key(&root, "relatedUnknown");
    scope->missing_is_unknown = data.missing_related_unknown ||
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

const Payload::Meta* Payload::Metadata(CacheData& data) {
  absl::call_once(meta_once, [&] {
    const Document* d = Doc(data);
    if (d == nullptr) return;
    const Value& root = d->root();
    auto made = std::make_unique<Meta>();
    Meta& m = *made;
    m.problem = Str(Key(&root, "problem"));
    m.solution = Str(Key(&root, "solution"));
    m.link = Str(Key(&root, "link"));
    m.category = data.category.value_or(
        ParseCategory(Str(Key(&root, "category"))).value_or(Category::kSecurity));
    m.impact = ParseImpact(Str(Key(&root, "impact"))).value_or(Impact::kMedium);
    m.effect = Str(Key(&root, "effect"));
    m.source = Str(Key(&root, "source"));
    if (const Value* pol = PolicyPair(root)) {
      m.policy = PolicyRef{Str(pol->items()[0]), Str(pol->items()[1]), ""};
    }
    meta = std::move(made);
  });
  return meta.get();
}

// The metadata of a rule made from `p`, assigned by `initiative`.
void Fill(CacheData& data, Payload& p, const std::string& initiative, Rule& r) {
  const Payload::Meta* m = p.Metadata(data);
  if (m == nullptr) return;
  r.problem = m->problem;
  r.solution = m->solution;
  r.learn_more_link = m->link;
  r.category = m->category;
  r.impact = m->impact;
  r.effect = m->effect;
  r.source = m->source;
  if (m->policy) r.policy = PolicyRef{m->policy->name, m->policy->display_name, initiative};
}

// A cache's rules for a RuleSet: numbered as the index lists them (by id). Nothing is parsed
// for a rule before it is asked for, but the list of types.
class CacheRules : public LazyRules {
 public:
  explicit CacheRules(std::shared_ptr<CacheData> data) : data_(std::move(data)) {}
  std::uint32_t size() const override { return count_; }
  std::string_view Id(std::uint32_t i) const override {
    std::uint32_t off = 0;
    if (!Number(offsets_.substr(std::size_t{i} * 8, 8), off, 16) || off >= block_.size()) {
      return {};
    }
    std::string_view rest = block_.substr(off);
    return rest.substr(0, rest.find('\t'));  // ids are written escaped, never with a tab
  }
  std::span<const std::uint32_t> OfType(std::string_view type) const override {
    auto end = types_.get() + type_count_;
    auto it = std::lower_bound(types_.get(), end, type, [](const TypeRules& t, std::string_view v) {
      return TypeOrder(t.type, v);
    });
    if (it == end || it->type != type) return {};
    absl::call_once(it->once, [&] {
      if (!Numbers(it->numbers, count_, it->rules)) {
        data_->Late(Bad(data_->path, Cat("corrupt (the rules of type ", type, ")")));
      }
    });
    return it->rules;
  }
  std::span<const std::pair<std::string_view, std::uint32_t>> Patterns() const override {
    return patterns_;
  }
  std::span<const std::uint32_t> AnyType() const override { return any_; }
  std::unique_ptr<Rule> Make(std::uint32_t i) const override;
  const Condition* SharedCondition(std::uint32_t i) const override {
    std::array<std::string_view, 4> f;
    Payload* p = PayloadOf(i, f);
    if (p == nullptr) return nullptr;
    const Condition* c = p->Compile(*data_);
    return p->policy ? c : nullptr;
  }
  std::vector<absl::Status> LateErrors() const override {
    std::lock_guard<std::mutex> lock(data_->mu);
    return data_->late;
  }

  // Reads the rule lines and the type index from `lines`; false when they are malformed.
  bool Read(Lines& lines);

 private:
  // The rules of one type, parsed when the type is first looked up.
  struct TypeRules {
    std::string_view type, numbers;
    mutable absl::once_flag once;
    mutable std::vector<std::uint32_t> rules;
  };
  // The payload of rule i, its index line's fields in `f` (id, payload, initiative, types);
  // null when the line is malformed.
  Payload* PayloadOf(std::uint32_t i, std::array<std::string_view, 4>& f) const {
    std::uint32_t n = 0;
    if (Fields(Line(i), f) != 4 || !Number(f[1], n) || n >= data_->payload_count) return nullptr;
    return &data_->payloads[n];
  }
  // Rule i's index line (empty when the offsets table points nowhere).
  std::string_view Line(std::uint32_t i) const {
    std::uint32_t off = 0;
    std::string_view hex = offsets_.substr(std::size_t{i} * 8, 8);
    if (!Number(hex, off, 16) || off >= block_.size()) return {};
    std::string_view rest = block_.substr(off);
    return rest.substr(0, rest.find('\n'));
  }
  std::shared_ptr<CacheData> data_;
  std::uint32_t count_ = 0;
  std::string_view block_;              // the rule lines
  std::string_view offsets_;            // where each starts in block_, 8 hex digits a rule
  std::unique_ptr<TypeRules[]> types_;  // TypeOrder
  std::size_t type_count_ = 0;
  std::vector<std::pair<std::string_view, std::uint32_t>> patterns_;
  std::vector<std::uint32_t> any_;
};

bool CacheRules::Read(Lines& lines) {
  std::string_view line;
  std::array<std::string_view, 3> f;
  std::size_t bytes = 0;
  if (!lines.Next(line) || Fields(line, f) != 3 || f[0] != "rules" || !Number(f[1], count_) ||
      !Number(f[2], bytes) || bytes > lines.left() || count_ > bytes) {
    return false;
  }
  block_ = lines.Take(bytes);
  if (!lines.Next(line) || !line.starts_with("offsets\t")) return false;
  offsets_ = line.substr(8);
  if (offsets_.size() != std::size_t{count_} * 8) return false;
  std::uint32_t n = 0;
  if (!lines.Next(line) || Fields(line, f) != 2 || f[0] != "types" || !Number(f[1], n) ||
      n > lines.left()) {
    return false;
  }
  types_ = std::make_unique<TypeRules[]>(n);
  for (; type_count_ < n; ++type_count_) {
    TypeRules& t = types_[type_count_];
    if (!lines.Next(line) || Fields(line, f) != 2) return false;
    t.type = f[0];
    t.numbers = f[1];
    if (type_count_ > 0 && !TypeOrder(types_[type_count_ - 1].type, t.type)) return false;
  }
  if (!lines.Next(line) || Fields(line, f) != 2 || f[0] != "patterns" || !Number(f[1], n)) {
    return false;
  }
  for (std::uint32_t i = 0; i < n; ++i) {
    std::uint32_t rule = 0;
    if (!lines.Next(line) || Fields(line, f) != 2 || !Number(f[0], rule) || rule >= count_) {
      return false;
    }
    patterns_.emplace_back(f[1], rule);
  }
  if (!lines.Next(line) || Fields(line, f) != 2 || f[0] != "any") return false;
  return Numbers(f[1], count_, any_);
}

std::unique_ptr<Rule> CacheRules::Make(std::uint32_t i) const {
  auto r = std::make_unique<Rule>();
  std::array<std::string_view, 4> f;
  Payload* p = PayloadOf(i, f);
  if (p == nullptr) {
    data_->Late(Bad(data_->path, Cat("corrupt (the index line of rule ", i, ")")));
    r->id = std::string(Id(i));
    return r;
  }
  r->id = Unfield(f[0]);
  for (std::string_view t = f[3]; !t.empty();) {
    std::size_t sp = t.find(' ');
    r->resource_types.emplace_back(t.substr(0, sp));
    t.remove_prefix(sp == std::string_view::npos ? t.size() : sp + 1);
  }
  CacheData* data = data_.get();
  r->lazy = std::make_shared<Rule::Lazy>();
  r->lazy->load = [data, p, initiative = Unfield(f[2])](Rule& self) {
    Fill(*data, *p, initiative, self);
  };
  r->lazy->compile = [data, p] { return p->Compile(*data); };
  r->lazy->json_of = [data, p] {  // listings only
    const Document* d = p->Doc(*data);
    const Value* c = d != nullptr ? Key(&d->root(), "if") : nullptr;
    return c != nullptr ? CompactJson(*c) : std::string();
  };
  r->keep_alive = data_;
  return r;
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
  // "<blob bytes> <index bytes> <index hash>": the blobs, then the index.
  std::array<std::string_view, 3> hf;
  std::size_t blob_size = 0, index_size = 0;
  std::uint64_t index_hash = 0;
  std::string_view sp_sizes = sizes;
  std::size_t n_fields = 0;
  for (; n_fields < 3 && !sp_sizes.empty(); ++n_fields) {
    std::size_t sp = sp_sizes.find(' ');
    hf[n_fields] = sp_sizes.substr(0, sp);
    sp_sizes.remove_prefix(sp == std::string_view::npos ? sp_sizes.size() : sp + 1);
  }
  if (n_fields != 3 || !sp_sizes.empty() || !Number(hf[0], blob_size) ||
      !Number(hf[1], index_size) || !Number(hf[2], index_hash, 16)) {
    into.errors.push_back(Bad(path, "corrupt header"));
    return;
  }
  std::string_view body = all.substr(kMagic.size() + head.offset());
  std::size_t body_size = blob_size + index_size;
  if (blob_size > body.size() || body.size() != body_size) {
    into.errors.push_back(Bad(path, Cat(body.size() < body_size ? "truncated" : "corrupt", " (",
                                        body.size(), " bytes of ", body_size, ")")));
    return;
  }
  std::string_view blobs = body.substr(0, blob_size);
  std::string_view index = body.substr(blob_size);
  if (Hash64(index) != index_hash) {
    into.errors.push_back(Bad(path, "corrupt (its checksum does not match)"));
    return;
  }
  std::string cache_dir = fs::path(path).parent_path().generic_string();
  std::vector<std::string> roots, alias_files;
  std::string params_file;
  std::vector<SourceFile> files;
  std::vector<SourceFolder> dirs;
  std::vector<absl::Status> errors;
  Lines lines(index);
  std::string_view line;
  std::string_view skipped_json;
  std::uint64_t skipped_hash = 0;
  auto corrupt = [&](std::string_view what) {
    into.errors.push_back(
        Bad(path, Cat("corrupt at byte ", blob_size + lines.offset(), " (", what, ")")));
  };
  // A blob "<offset>\t<size>\t<hash>" within `blobs`.
  auto blob = [&](std::string_view off, std::string_view size, std::string_view hash,
                  std::string_view& out, std::uint64_t& h) {
    std::size_t o = 0, n = 0;
    if (!Number(off, o) || !Number(size, n) || !Number(hash, h, 16) || o > blobs.size() ||
        n > blobs.size() - o) {
      return false;
    }
    out = blobs.substr(o, n);
    return true;
  };
  std::array<std::string_view, 7> f;
  while (true) {
    std::size_t at = lines.offset();
    if (!lines.Next(line)) return corrupt("no rules");
    if (line.starts_with("file\t")) {
      SourceFile& s = files.emplace_back();
      if (!FileLine(line.substr(5), s) || s.dir < -1 || s.dir >= static_cast<int>(dirs.size()) ||
          s.root >= static_cast<int>(roots.size())) {
        return corrupt("file");
      }
      if (s.dir < 0) s.path = Resolve(cache_dir, Unfield(s.name));
      continue;
    }
    if (line.starts_with("rules\t")) {
      lines = Lines(index);
      lines.Take(at);
      break;
    }
    std::size_t nf = Fields(line, f);
    if (f[0] == "root" && nf == 2) {
      roots.push_back(Resolve(cache_dir, Unfield(f[1])));
    } else if (f[0] == "params" && nf == 2) {
      params_file = Resolve(cache_dir, Unfield(f[1]));
    } else if (f[0] == "aliases" && nf == 2) {
      alias_files.push_back(Resolve(cache_dir, Unfield(f[1])));
    } else if (f[0] == "files" && nf == 2) {
      std::size_t n = 0;
      if (!Number(f[1], n) || n > index.size() / 16) return corrupt("files");
      files.reserve(n);
    } else if (f[0] == "dir" && nf == 3) {
      std::int64_t mtime = 0;
      if (!Number(f[2], mtime)) return corrupt("dir");
      dirs.push_back(SourceFolder{Resolve(cache_dir, Unfield(f[1])), mtime});
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
      if (!blob(f[1], f[2], f[3], skipped_json, skipped_hash)) return corrupt("skipped");
    } else if (f[0] == "payloads" && nf == 2) {
      if (!Number(f[1], data->payload_count) || data->payload_count > index.size()) {
        return corrupt("payloads");
      }
      data->payloads = std::make_unique<Payload[]>(data->payload_count);
      for (std::uint32_t i = 0; i < data->payload_count; ++i) {
        Payload& p = data->payloads[i];
        if (!lines.Next(line) || Fields(line, f) != 3 || !blob(f[0], f[1], f[2], p.bytes, p.hash)) {
          return corrupt("payloads");
        }
      }
    } else {
      return corrupt("unknown line");
    }
  }
  auto rules = std::make_shared<CacheRules>(data);
  if (!rules->Read(lines) || lines.offset() != index.size()) return corrupt("rule index");
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
  for (const std::string& a : alias_files) {
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
