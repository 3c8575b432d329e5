// Alias tables: parsing the front-coded built-in data and az CLI alias lists.
#include "knowledge/aliases.h"

#include <algorithm>
#include <atomic>
#include <mutex>

#include "absl/base/call_once.h"

#include "util/did_you_mean.h"
#include "util/str_cat.h"
#include "util/strings.h"

namespace armlint::internal {
namespace {

// "sku.name" -> "sku.name"; "supportsHttpsTrafficOnly" -> "properties.supportsHttpsTrafficOnly".
std::string PlainPath(std::string_view suffix) {
  static constexpr std::string_view kTop[] = {
      "sku",       "kind",       "location", "tags",
      "identity",  "plan",       "zones",    "extendedlocation",
      "managedby", "apiversion", "name",     "type",
      "id"};
  std::size_t end = suffix.find_first_of(".[");
  std::string_view first = suffix.substr(0, end);
  for (std::string_view t : kTop) {
    if (EqualsIgnoreCase(first, t)) return std::string(suffix);
  }
  return Cat("properties.", suffix);
}

// "<n>:<rest>": the first n characters of `prev` followed by rest, decoded in place (`prev`
// becomes the decoded string, its buffer reused from line to line).
void Decode(std::string_view coded, std::string& prev) {
  std::size_t colon = coded.find(':');
  int n = 0;
  if (colon == std::string_view::npos || !ParseInt(coded.substr(0, colon), n) || n < 0 ||
      static_cast<std::size_t>(n) > prev.size()) {
    prev.assign(coded);  // not front-coded (cannot happen with generated data)
    return;
  }
  prev.resize(static_cast<std::size_t>(n));
  prev.append(coded.substr(colon + 1));
}

std::string_view TypeOfAlias(std::string_view alias) {
  // "Namespace/type/child/prop.x[*]": the type is everything before the last '/' that precedes
  // the first '[' (property paths never hold '/').
  std::size_t bracket = alias.find('[');
  std::size_t slash = alias.substr(0, bracket).rfind('/');
  return slash == std::string_view::npos ? std::string_view() : alias.substr(0, slash);
}

}  // namespace

const std::string& AliasTarget::PathFor(std::string_view api_version) const {
  if (!api_version.empty()) {
    for (const AliasVersionPath& v : versioned) {
      for (const std::string& a : v.api_versions) {
        if (EqualsIgnoreCase(a, api_version)) return v.path;
      }
    }
  }
  return default_path;
}

// The built-in table's parsed types: one small table per type, made on first lookup and
// published with a release store, so that lookups after the first take no lock.
struct AliasTable::Lazy {
  std::unique_ptr<std::atomic<const AliasTable*>[]> blocks {
    new std::atomic<const AliasTable*>[ kAliasTypeBlockCount ]()
  };
  std::mutex mu;  // serialises parsing
  std::vector<std::unique_ptr<AliasTable>> owned;
  absl::once_flag elsewhere_once;
  std::unique_ptr<AliasTable> elsewhere;
};

AliasTable::AliasTable() = default;
AliasTable::~AliasTable() = default;

const AliasTable& AliasTable::Builtin() {
  static const AliasTable* table = [] {
    auto* t = new AliasTable();
    t->lazy_ = std::make_unique<Lazy>();
    return t;
  }();
  return *table;
}

std::unique_ptr<AliasTable> AliasTable::ParseAllBuiltin() {
  std::unique_ptr<AliasTable> t(new AliasTable());
  t->ParseBuiltin(0, 0, false);
  return t;
}

const AliasTable* AliasTable::Block(std::string_view type_lower) const {
  const AliasTypeBlock* begin = kAliasTypeBlocks;
  const AliasTypeBlock* end = kAliasTypeBlocks + kAliasTypeBlockCount;
  const AliasTypeBlock* it = std::lower_bound(
      begin, end, type_lower,
      [](const AliasTypeBlock& b, std::string_view t) { return b.type_lower < t; });
  if (it == end || it->type_lower != type_lower) return nullptr;
  std::atomic<const AliasTable*>& slot = lazy_->blocks[static_cast<std::size_t>(it - begin)];
  if (const AliasTable* t = slot.load(std::memory_order_acquire)) return t;
  std::lock_guard<std::mutex> lock(lazy_->mu);
  if (const AliasTable* t = slot.load(std::memory_order_relaxed)) return t;
  std::unique_ptr<AliasTable> t(new AliasTable());
  t->ParseBuiltin(it->chunk, it->offset, true);
  slot.store(t.get(), std::memory_order_release);
  lazy_->owned.push_back(std::move(t));
  return lazy_->owned.back().get();
}

const AliasTable& AliasTable::NamedElsewhere() const {
  absl::call_once(lazy_->elsewhere_once, [this] {
    // Every type that defines or is named by such an alias, parsed in table order (the order
    // ParseAllBuiltin adds their targets in).
    std::vector<std::size_t> blocks;
    auto add = [&](std::string_view type_lower) {
      const AliasTypeBlock* end = kAliasTypeBlocks + kAliasTypeBlockCount;
      const AliasTypeBlock* it = std::lower_bound(
          kAliasTypeBlocks, end, type_lower,
          [](const AliasTypeBlock& b, std::string_view t) { return b.type_lower < t; });
      if (it != end && it->type_lower == type_lower) {
        blocks.push_back(static_cast<std::size_t>(it - kAliasTypeBlocks));
      }
    };
    for (std::size_t i = 0; i < kAliasFullNameCount; ++i) {
      add(kAliasFullNames[i].type_lower);
      add(TypeOfAlias(kAliasFullNames[i].name_lower));
    }
    std::sort(blocks.begin(), blocks.end());
    blocks.erase(std::unique(blocks.begin(), blocks.end()), blocks.end());
    std::unique_ptr<AliasTable> t(new AliasTable());
    for (std::size_t b : blocks) {
      t->ParseBuiltin(kAliasTypeBlocks[b].chunk, kAliasTypeBlocks[b].offset, true);
    }
    lazy_->elsewhere = std::move(t);
  });
  return *lazy_->elsewhere;
}

void AliasTable::Add(std::string_view type, std::string_view name, AliasTarget target) {
  AddLower(ToLower(name), name, names_by_type_[ToLower(type)], std::move(target));
}

AliasTarget& AliasTable::AddLower(std::string key, std::string_view name,
                                  std::vector<std::string>& names, AliasTarget target) {
  std::vector<AliasTarget>& targets = by_name_.try_emplace(std::move(key)).first->second;
  if (targets.empty()) names.emplace_back(name);
  for (AliasTarget& t : targets) {
    if (t.type_lower == target.type_lower) {
      t = std::move(target);
      return t;
    }
  }
  return targets.emplace_back(std::move(target));
}

void AliasTable::ParseBuiltin(std::size_t chunk, std::size_t offset, bool one_type) {
  // One buffer each, reused from line to line: a type's block is parsed when a lint first
  // needs one of its aliases (hundreds of lines).
  std::string type, type_lower, name, path, alias, key;
  std::vector<std::string>* names = nullptr;
  AliasTarget* last = nullptr;
  bool seen_type = false;
  for (std::size_t c = chunk; c < kAliasDataCount; ++c) {
    std::string_view data = kAliasData[c];
    if (c == chunk) data.remove_prefix(std::min(offset, data.size()));
    while (!data.empty()) {
      std::size_t nl = data.find('\n');
      std::string_view line = data.substr(0, nl);
      data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
      if (line.empty()) continue;
      bool read_only = line[0] == '!';
      if (read_only) line.remove_prefix(1);
      std::size_t tab = line.find('\t');
      std::string_view head = line.substr(0, tab);
      std::string_view tail =
          tab == std::string_view::npos ? std::string_view() : line.substr(tab + 1);
      if (line[0] == '@') {
        if (one_type && seen_type) return;
        seen_type = true;
        type = std::string(head.substr(1));
        type_lower = ToLower(type);
        types_[type_lower] = AliasTypeInfo{type, std::string(tail)};
        names = &names_by_type_[type_lower];
        name.clear();
        path.clear();
        last = nullptr;
        continue;
      }
      if (tab != std::string_view::npos) Decode(tail, path);
      if (line[0] == '~') {
        if (last != nullptr) {
          AliasVersionPath v;
          for (std::string_view s = head.substr(1); !s.empty();) {
            std::size_t comma = s.find(',');
            v.api_versions.push_back(std::string(s.substr(0, comma)));
            s.remove_prefix(comma == std::string_view::npos ? s.size() : comma + 1);
          }
          v.path = path;
          last->versioned.push_back(std::move(v));
        }
        continue;
      }
      bool full = line[0] == '=';
      Decode(full ? head.substr(1) : head, name);
      AliasTarget target;
      target.type_lower = type_lower;
      target.default_path = tab != std::string_view::npos ? path : PlainPath(name);
      target.read_only = read_only;
      if (full) {
        alias = name;
      } else {
        alias.assign(type).append("/").append(name);
      }
      key.assign(alias);
      for (char& ch : key) ch = AsciiLower(ch);
      last = &AddLower(key, alias, *names, std::move(target));
    }
  }
}

absl::StatusOr<std::unique_ptr<AliasTable>> AliasTable::FromJson(const Value& root,
                                                                 const AliasTable* base) {
  std::unique_ptr<AliasTable> t(new AliasTable());
  t->base_ = base;
  const Value* list = &root;
  if (root.is_object() && root.Find("value") != nullptr) list = root.Find("value");
  std::vector<const Value*> providers;
  if (list->is_array()) {
    providers.assign(list->items().begin(), list->items().end());
  } else if (list->is_object() && list->Find("namespace") != nullptr) {
    providers.push_back(list);
  } else {
    return absl::InvalidArgumentError(
        "an alias file holds the output of 'az provider list --expand resourceTypes/aliases' "
        "(an array of {namespace, resourceTypes})");
  }
  for (const Value* p : providers) {
    const Value* ns = p->Find("namespace");
    const Value* rts = p->Find("resourceTypes");
    if (ns == nullptr || !ns->is_string() || rts == nullptr || !rts->is_array()) {
      return absl::InvalidArgumentError("each provider needs 'namespace' and 'resourceTypes'");
    }
    for (const Value* rt : rts->items()) {
      const Value* rtn = rt->Find("resourceType");
      if (rtn == nullptr || !rtn->is_string()) {
        return absl::InvalidArgumentError("each resource type needs 'resourceType'");
      }
      std::string type = Cat(ns->string_value(), "/", rtn->string_value());
      std::string type_lower = ToLower(type);
      AliasTypeInfo info{type, ""};
      if (const Value* caps = rt->Find("capabilities"); caps != nullptr && caps->is_string()) {
        info.capabilities = std::string(caps->string_value());
      }
      t->types_[type_lower] = info;
      const Value* aliases = rt->Find("aliases");
      if (aliases == nullptr || !aliases->is_array()) continue;
      for (const Value* a : aliases->items()) {
        const Value* name = a->Find("name");
        if (name == nullptr || !name->is_string() || name->string_value().empty()) {
          return absl::InvalidArgumentError(Cat("an alias of '", type, "' has no 'name'"));
        }
        AliasTarget target;
        target.type_lower = type_lower;
        const Value* dp = a->Find("defaultPath");
        std::string_view alias_name = name->string_value();
        if (dp != nullptr && dp->is_string() && !dp->string_value().empty()) {
          target.default_path = std::string(dp->string_value());
        } else if (StartsWithIgnoreCase(alias_name, Cat(type, "/"))) {
          target.default_path = PlainPath(alias_name.substr(type.size() + 1));
        }
        if (const Value* paths = a->Find("paths"); paths != nullptr && paths->is_array()) {
          for (const Value* vp : paths->items()) {
            const Value* path = vp->Find("path");
            const Value* versions = vp->Find("apiVersions");
            if (path == nullptr || !path->is_string() || versions == nullptr ||
                !versions->is_array()) {
              continue;
            }
            AliasVersionPath v;
            v.path = std::string(path->string_value());
            for (const Value* ver : versions->items()) {
              if (ver->is_string()) v.api_versions.push_back(std::string(ver->string_value()));
            }
            if (target.default_path.empty()) target.default_path = v.path;
            target.versioned.push_back(std::move(v));
          }
        }
        if (target.default_path.empty()) {
          return absl::InvalidArgumentError(
              Cat("alias '", alias_name, "' has neither 'defaultPath' nor 'paths'"));
        }
        t->Add(type, alias_name, std::move(target));
      }
    }
  }
  return t;
}

const std::vector<AliasTarget>* AliasTable::Find(std::string_view alias) const {
  if (lazy_ != nullptr) {
    std::string lower = ToLower(alias);
    const AliasFullName* end = kAliasFullNames + kAliasFullNameCount;
    const AliasFullName* named = std::lower_bound(
        kAliasFullNames, end, lower,
        [](const AliasFullName& f, std::string_view n) { return f.name_lower < n; });
    const AliasTable* t =
        named != end && named->name_lower == lower ? &NamedElsewhere() : Block(TypeOfAlias(lower));
    return t != nullptr ? t->Find(alias) : nullptr;
  }
  auto it = by_name_.find(ToLower(alias));
  if (it != by_name_.end()) return &it->second;
  return base_ != nullptr ? base_->Find(alias) : nullptr;
}

const AliasTypeInfo* AliasTable::FindType(std::string_view type) const {
  if (lazy_ != nullptr) {
    const AliasTable* t = Block(ToLower(type));
    return t != nullptr ? t->FindType(type) : nullptr;
  }
  auto it = types_.find(ToLower(type));
  if (it != types_.end()) return &it->second;
  return base_ != nullptr ? base_->FindType(type) : nullptr;
}

std::vector<std::string> AliasTable::Names() const {
  std::vector<std::string> out;
  for (const auto& [name, targets] : by_name_) out.push_back(name);
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> AliasTable::Types() const {
  std::vector<std::string> out;
  for (const auto& [type, info] : types_) out.push_back(type);
  std::sort(out.begin(), out.end());
  return out;
}

std::string AliasTable::Suggest(std::string_view alias) const {
  std::string_view type = TypeOfAlias(alias);
  std::vector<std::string> from_blocks;  // the built-in table: its type block's own suggestion
  std::vector<std::string_view> names;
  for (const AliasTable* t = this; t != nullptr; t = t->base_) {
    if (t->lazy_ != nullptr) {
      if (const AliasTable* block = t->Block(ToLower(type)); block != nullptr) {
        if (std::string near = block->Suggest(alias); !near.empty()) {
          from_blocks.push_back(std::move(near));
        }
      }
      continue;
    }
    auto it = t->names_by_type_.find(ToLower(type));
    if (it != t->names_by_type_.end()) {
      names.insert(names.end(), it->second.begin(), it->second.end());
    }
  }
  names.insert(names.end(), from_blocks.begin(), from_blocks.end());
  // Alias names are long paths: a quarter of the length, at least two edits.
  return std::string(NearestWithin(alias, names, std::max<std::size_t>(3, alias.size() / 4) - 1));
}

bool IndexedModeEvaluates(std::string_view type, const AliasTable* aliases) {
  if (aliases != nullptr) {
    if (const AliasTypeInfo* info = aliases->FindType(type);
        info != nullptr && !info->capabilities.empty()) {
      std::string caps = ToLower(info->capabilities);
      return caps.find("supportstags") != std::string::npos &&
             caps.find("supportslocation") != std::string::npos;
    }
  }
  // kIndexedTypeData is sorted by type, a line "+type" or "-type": a binary search over its
  // bytes, backing up to a line start, needs no table built at start.
  std::string lower = ToLower(type);
  std::string_view data = kIndexedTypeData;
  std::size_t lo = 0, hi = data.size();  // line starts in [lo, hi)
  while (lo < hi) {
    std::size_t mid = lo + (hi - lo) / 2;
    std::size_t start = data.rfind('\n', mid);
    start = (start == std::string_view::npos || start < lo) ? lo : start + 1;
    if (start >= hi) start = lo;
    std::size_t nl = data.find('\n', start);
    std::size_t end = nl == std::string_view::npos ? data.size() : nl;
    std::string_view line = data.substr(start, end - start);
    std::string_view name = line.size() > 1 ? line.substr(1) : std::string_view();
    if (name == lower) return line[0] == '+';
    if (name < lower) {
      lo = end + 1;
    } else {
      hi = start;
    }
  }
  return true;
}

}  // namespace armlint::internal
